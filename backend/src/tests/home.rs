//! The home page's answers as wired: what needs each role (`GET /home`) and the current
//! announcements, which the vendor publishes through the agent API.

use axum::http::{Method, StatusCode};
use serde_json::{json, Value};
use support_contract::problem_types as types;

use crate::clock::{now, ts};
use crate::tests::*;

async fn home(app: &TestApp, email: &str) -> Value {
    let cookie = app.cookie_for(email).await;
    let r = app.get("/api/v1/home", Some(&cookie)).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    r.json()
}

async fn file_case(app: &TestApp, cookie: &str, title: &str) -> String {
    let body = json!({
        "product": "target", "priority": "p3", "title": title,
        "description": "The activity shows the default content.",
        "contact_phone": "+44 20 7946 0000", "time_zone": "Europe/London",
    });
    app.file(cookie, body).await["id"]
        .as_str()
        .unwrap()
        .to_string()
}

#[tokio::test]
async fn a_case_support_asks_about_is_listed_first_as_awaiting_my_reply() {
    let app = TestApp::with_agent();
    let before = home(&app, SUPPORT_ADMIN).await;
    let cookie = app.cookie_for(SUPPORT_ADMIN).await;
    let id = file_case(&app, &cookie, "Home: awaiting my reply").await;
    // Support answers (the case moves to in progress), then asks the customer something.
    let steps = [
        ("comments", json!({"body": "Which activity is it?"})),
        ("status", json!({"status": "awaiting_your_reply"})),
    ];
    for (path, body) in steps {
        let path = format!("/agent/v1/cases/{id}/{path}");
        let r = app.agent(Method::POST, &path, body).await;
        assert!(r.status.is_success(), "{}", r.text());
    }

    let after = home(&app, SUPPORT_ADMIN).await;
    let (b, a) = (&before["cases"], &after["cases"]);
    assert_eq!(
        a["awaiting_your_reply"],
        b["awaiting_your_reply"].as_u64().unwrap() + 1
    );
    assert_eq!(a["open"], b["open"].as_u64().unwrap() + 1);
    assert_eq!(
        a["awaiting"][0]["id"],
        id.as_str(),
        "the most recently updated first"
    );
    assert!(a["awaiting"].as_array().unwrap().len() <= 5);
    assert!(a["awaiting"]
        .as_array()
        .unwrap()
        .iter()
        .all(|c| c["status"] == "awaiting_your_reply"));
    // Another organisation's administrator never sees it.
    let theirs = home(&app, OTHER_ORG_ADMIN).await;
    assert!(!theirs.to_string().contains(&id));
}

#[tokio::test]
async fn each_role_gets_the_parts_it_may_see() {
    let app = TestApp::new();
    let member = home(&app, MEMBER).await;
    for part in ["cases", "open_chat", "callbacks_waiting", "support_users"] {
        assert!(member[part].is_null(), "a member gets no {part}");
    }
    // Instead, whom to ask for support access: as the organisation's support contacts.
    let cookie = app.cookie_for(MEMBER).await;
    let contacts = app
        .get("/api/v1/support-contacts", Some(&cookie))
        .await
        .json();
    assert!(!contacts.as_array().unwrap().is_empty());
    assert_eq!(member["support_admins"], contacts);
    let support = home(&app, SUPPORT_ADMIN).await;
    assert!(support["cases"].is_object() && support["support_users"].is_null());
    assert!(
        support["support_admins"].is_null(),
        "only a member needs to ask"
    );
    // The banner's phase and numbers, as `GET /portal` has them, for every role.
    let portal = app.get("/api/v1/portal", Some(&cookie)).await.json();
    for home in [&member, &support] {
        assert_eq!(home["phase"], portal["phase"]);
        assert_eq!(home["phone_numbers"], portal["phone_numbers"]);
    }
    assert_eq!(support["callbacks_waiting"], 0);

    let admin = app.cookie_for(SYSADMIN).await;
    let counts = app
        .get("/api/v1/support-users/counts", Some(&admin))
        .await
        .json();
    let sysadmin = home(&app, SYSADMIN).await;
    assert_eq!(sysadmin["support_users"], counts);
    assert!(
        counts["invited"].as_u64().unwrap() > 0,
        "the demo has an invitation out"
    );
    app.get("/api/v1/home", None)
        .await
        .problem(401, types::UNAUTHENTICATED);
}

#[tokio::test]
async fn callbacks_still_waiting_and_the_open_chat_are_the_callers_own() {
    let app = TestApp::with_config(Config {
        chat_hours: crate::config::ChatHours::Always,
        ..TestApp::config()
    });
    let cookie = app.cookie_for(SUPPORT_ADMIN).await;
    let callback = json!({"product": "target", "phone": "+44 20 7946 0123", "topic": "Home"});
    let r = app
        .call(
            Method::POST,
            "/api/v1/callbacks",
            Some(callback),
            Some(&cookie),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
    let chat = json!({"product": "analytics", "topic": "Home chat", "summary": "A question"});
    let r = app
        .call(Method::POST, "/api/v1/chats", Some(chat), Some(&cookie))
        .await;
    assert!(r.status.is_success(), "{}", r.text());

    let mine = home(&app, SUPPORT_ADMIN).await;
    assert_eq!(mine["callbacks_waiting"], 1);
    assert_eq!(mine["open_chat"]["topic"], "Home chat");
    assert_eq!(mine["open_chat"]["status"], "queued");
    let colleague = home(&app, SYSADMIN).await;
    assert_eq!(colleague["callbacks_waiting"], 0);
    assert!(colleague["open_chat"].is_null());
}

async fn announce(app: &TestApp, body: Value) -> Reply {
    app.agent(Method::POST, "/agent/v1/announcements", body)
        .await
}

fn english(title: &str) -> Value {
    json!([{"language": "en", "title": title, "body": "Details."}])
}

#[tokio::test]
async fn only_current_announcements_are_shown_the_most_severe_first_in_my_language() {
    let app = TestApp::with_agent();
    let t = now();
    let cases = [
        ("Past", "info", t - 7200, Some(t - 3600)),
        ("Future", "info", t + 3600, None),
        ("Outage", "critical", t - 60, Some(t + 3600)),
    ];
    for (title, severity, from, until) in cases {
        let body = json!({
            "severity": severity, "starts_at": ts(from), "ends_at": until.map(ts),
            "texts": english(title),
        });
        let r = announce(&app, body).await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
    }
    let cookie = app.cookie_for(MEMBER).await;
    let shown = app
        .get("/api/v1/announcements?lang=es", Some(&cookie))
        .await
        .json();
    let shown = shown.as_array().unwrap();
    let titles: Vec<&str> = shown.iter().map(|a| a["title"].as_str().unwrap()).collect();
    assert_eq!(titles.len(), 2, "{titles:?}");
    assert_eq!(titles[0], "Outage", "critical first");
    assert_eq!(shown[0]["language"], "en", "no Spanish text: English");
    assert_eq!(shown[1]["language"], "es", "the seeded one speaks Spanish");
    assert_eq!(shown[1]["severity"], "info");
}

#[tokio::test]
async fn an_announcement_is_checked_field_by_field() {
    let app = TestApp::with_agent();
    let p = announce(
        &app,
        json!({
            "severity": "loud", "starts_at": "soon", "ends_at": ts(0),
            "texts": [{"language": "fr", "title": "", "body": "x"}],
        }),
    )
    .await
    .problem(400, types::VALIDATION);
    assert_eq!(
        field_codes(&p),
        [
            "severity:invalid_value",
            "starts_at:invalid_time",
            "title:required",
            "texts:required"
        ]
    );
    let p = announce(
        &app,
        json!({"severity": "info", "starts_at": ts(100), "ends_at": ts(50), "texts": english("x")}),
    )
    .await
    .problem(400, types::VALIDATION);
    assert_eq!(field_codes(&p), ["ends_at:invalid_value"]);
    app.get("/api/v1/announcements", None)
        .await
        .problem(401, types::UNAUTHENTICATED);
}

#[tokio::test]
async fn everyone_gets_the_announcements_their_learning_and_the_popular_threads_in_their_language()
{
    let app = TestApp::with_agent();
    let r = announce(
        &app,
        json!({"severity": "warning", "starts_at": ts(now() - 60), "texts": [
            {"language": "en", "title": "Maintenance tonight", "body": "Short."},
            {"language": "fr", "title": "Maintenance ce soir", "body": "Court."},
        ]}),
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
    let cookie = app.cookie_for(MEMBER).await;
    let fr = app.get("/api/v1/home?lang=fr", Some(&cookie)).await.json();
    let titles: Vec<&str> = fr["announcements"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["title"].as_str().unwrap())
        .collect();
    assert!(titles.contains(&"Maintenance ce soir"), "{titles:?}");
    let learning = app
        .get("/api/v1/learning?lang=fr", Some(&cookie))
        .await
        .json();
    assert_eq!(fr["learning"]["progress"], learning["progress"]);
    assert_eq!(fr["learning"]["next"], learning["items"][0]["title"]);
    let threads = fr["popular_threads"].as_array().unwrap();
    assert!(!threads.is_empty() && threads.len() <= 5, "{threads:?}");
    app.get("/api/v1/home?lang=de", Some(&cookie))
        .await
        .problem(400, types::VALIDATION);
}
