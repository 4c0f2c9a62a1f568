//! Callback requests as wired: asking, the user's own list, the checks, who may ask, and the
//! agent side.

use axum::http::{Method, StatusCode};
use serde_json::{json, Value};
use support_contract::problem_types as types;
use support_contract::Phase;

use super::*;
use crate::config::Secret;

const AGENT_TOKEN: &str = "callback-agent-token";

/// The agent API on, and the setup phase: callbacks are a phone channel, open in every phase.
fn callback_app() -> TestApp {
    TestApp::with_config(Config {
        agent_token: Some(Secret(AGENT_TOKEN.into())),
        phase: Phase::Setup,
        ..TestApp::config()
    })
}

fn new_callback(topic: &str) -> Value {
    json!({
        "product": "analytics",
        "phone": "+44 20 7946 0123",
        "topic": topic,
        "preferred_time": "weekdays after 14:00 CET",
    })
}

async fn ask(app: &TestApp, cookie: &str, body: Value) -> Reply {
    app.call(Method::POST, "/api/v1/callbacks", Some(body), Some(cookie))
        .await
}

/// Asks for a callback (expecting 201) and returns it.
async fn requested(app: &TestApp, cookie: &str, topic: &str) -> Value {
    let r = ask(app, cookie, new_callback(topic)).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
    r.json()
}

fn topics(list: &Value) -> Vec<&str> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|c| c["topic"].as_str().unwrap())
        .collect()
}

/// A call to the agent API with its token.
async fn agent(app: &TestApp, method: Method, path: &str) -> Reply {
    let req = axum::http::Request::builder()
        .method(method)
        .uri(path)
        .header(header::HOST, "portal.test")
        .header(header::AUTHORIZATION, format!("Bearer {AGENT_TOKEN}"));
    app.send(req.body(axum::body::Body::empty()).unwrap()).await
}

#[tokio::test]
async fn a_callback_is_requested_and_listed_newest_first() {
    let app = callback_app();
    let cookie = app.cookie_for(SUPPORT_ADMIN).await;
    let r = ask(
        &app,
        &cookie,
        json!({"product": "target", "phone": " +1 (555) 010-0199 ", "topic": "  Activities  "}),
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
    let first = r.json();
    assert!(first["id"].as_str().is_some_and(|id| !id.is_empty()));
    assert_eq!(first["product"], "target");
    assert_eq!(first["phone"], "+1 (555) 010-0199");
    assert_eq!(first["topic"], "Activities");
    assert_eq!(first["preferred_time"], "", "optional");
    assert_eq!(first["status"], "requested");
    assert_eq!(first["requester"]["name"], "Casey Lee");
    assert!(first["requested_at"].as_str().unwrap().ends_with('Z'));

    let second = requested(&app, &cookie, "Report suite").await;
    assert_eq!(second["preferred_time"], "weekdays after 14:00 CET");
    let list = app.get("/api/v1/callbacks", Some(&cookie)).await;
    assert_eq!(list.status, StatusCode::OK, "{}", list.text());
    assert_eq!(topics(&list.json()), ["Report suite", "Activities"]);
}

#[tokio::test]
async fn a_request_is_checked_field_by_field() {
    let app = callback_app();
    let cookie = app.cookie_for(SUPPORT_ADMIN).await;
    let codes = |p: &Value| -> Vec<(String, String)> {
        let mut v: Vec<(String, String)> = p["errors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| {
                (
                    e["field"].as_str().unwrap().to_string(),
                    e["code"].as_str().unwrap().to_string(),
                )
            })
            .collect();
        v.sort();
        v
    };
    let p = ask(&app, &cookie, json!({"topic": "   "}))
        .await
        .problem(400, types::VALIDATION);
    assert_eq!(
        codes(&p),
        [
            ("phone".into(), "required".into()),
            ("product".into(), "required".into()),
            ("topic".into(), "required".into()),
        ]
    );
    let p = ask(
        &app,
        &cookie,
        json!({
            "product": "photoshop",
            "phone": "call me",
            "topic": "x".repeat(501),
            "preferred_time": "y".repeat(201),
        }),
    )
    .await
    .problem(400, types::VALIDATION);
    assert_eq!(
        codes(&p),
        [
            ("phone".into(), "invalid_phone".into()),
            ("preferred_time".into(), "too_long".into()),
            ("product".into(), "invalid_value".into()),
            ("topic".into(), "too_long".into()),
        ]
    );
    // The limits themselves are allowed.
    let mut at_limits = new_callback(&"x".repeat(500));
    at_limits["preferred_time"] = json!("y".repeat(200));
    assert_eq!(
        ask(&app, &cookie, at_limits).await.status,
        StatusCode::CREATED
    );
    let list = app.get("/api/v1/callbacks", Some(&cookie)).await.json();
    assert_eq!(
        list.as_array().unwrap().len(),
        1,
        "nothing stored when refused"
    );
}

#[tokio::test]
async fn members_may_not_ask_and_the_signed_out_are_refused() {
    let app = callback_app();
    let member = app.cookie_for(MEMBER).await;
    ask(&app, &member, new_callback("Please call"))
        .await
        .problem(403, types::FORBIDDEN);
    app.get("/api/v1/callbacks", Some(&member))
        .await
        .problem(403, types::FORBIDDEN);
    app.call(
        Method::POST,
        "/api/v1/callbacks",
        Some(new_callback("x")),
        None,
    )
    .await
    .problem(401, types::UNAUTHENTICATED);
    app.get("/api/v1/callbacks", None)
        .await
        .problem(401, types::UNAUTHENTICATED);
}

#[tokio::test]
async fn each_user_lists_only_their_own_requests() {
    let app = callback_app();
    let casey = app.cookie_for(SUPPORT_ADMIN).await;
    let alex = app.cookie_for(SYSADMIN).await;
    let robin = app.cookie_for(OTHER_ORG_ADMIN).await;
    requested(&app, &casey, "Casey's").await;
    requested(&app, &alex, "Alex's").await;
    requested(&app, &robin, "Robin's").await;
    for (cookie, topic) in [(&casey, "Casey's"), (&alex, "Alex's"), (&robin, "Robin's")] {
        let list = app.get("/api/v1/callbacks", Some(cookie)).await.json();
        assert_eq!(
            topics(&list),
            [topic],
            "a colleague's request is not listed"
        );
    }
}

#[tokio::test]
async fn agents_list_every_organisation_oldest_first_and_mark_done() {
    let app = callback_app();
    let casey = app.cookie_for(SUPPORT_ADMIN).await;
    let robin = app.cookie_for(OTHER_ORG_ADMIN).await;
    let first = requested(&app, &casey, "first").await;
    requested(&app, &robin, "second").await;
    requested(&app, &casey, "third").await;

    let r = agent(&app, Method::GET, "/agent/v1/callbacks?status=requested").await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    assert_eq!(topics(&r.json()), ["first", "second", "third"]);

    let id = first["id"].as_str().unwrap();
    let path = format!("/agent/v1/callbacks/{id}/done");
    let r = agent(&app, Method::POST, &path).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    let done = r.json();
    assert_eq!(done["status"], "done");
    assert_eq!(done["topic"], "first");
    // Marking it again answers it unchanged.
    let again = agent(&app, Method::POST, &path).await;
    assert_eq!((again.status, again.json()), (StatusCode::OK, done));

    let requested_now = agent(&app, Method::GET, "/agent/v1/callbacks?status=requested").await;
    assert_eq!(topics(&requested_now.json()), ["second", "third"]);
    let done_now = agent(&app, Method::GET, "/agent/v1/callbacks?status=done").await;
    assert_eq!(topics(&done_now.json()), ["first"]);
    let all = agent(&app, Method::GET, "/agent/v1/callbacks").await;
    assert_eq!(topics(&all.json()), ["first", "second", "third"]);
    let mine = app.get("/api/v1/callbacks", Some(&casey)).await.json();
    assert_eq!(mine[1]["status"], "done", "the customer sees it done");

    agent(&app, Method::GET, "/agent/v1/callbacks?status=ended")
        .await
        .problem(400, types::VALIDATION);
    agent(&app, Method::POST, "/agent/v1/callbacks/cb_nope/done")
        .await
        .problem(404, types::NOT_FOUND);
    // A session is not an agent token.
    app.get("/agent/v1/callbacks", Some(&casey))
        .await
        .problem(401, types::UNAUTHENTICATED);
}

#[tokio::test]
async fn without_a_token_configured_the_agent_side_is_not_found() {
    let app = TestApp::new();
    app.get("/agent/v1/callbacks", None)
        .await
        .problem(404, types::NOT_FOUND);
}
