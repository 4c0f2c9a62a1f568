//! Cases as wired: roles, organisations, idempotency, concurrency, the lifecycle rules,
//! attachments, the agent API and the automatic close.

use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use serde_json::{json, Value};
use support_contract::problem_types as types;
use support_contract::Phase;

use super::*;
use crate::config::Secret;

const AGENT_TOKEN: &str = "test-agent-token";

fn new_case(title: &str) -> Value {
    json!({
        "product": "analytics",
        "priority": "p3",
        "title": title,
        "description": "Numbers look wrong since Monday.",
        "contact_phone": "+44 20 7946 0000",
        "time_zone": "Europe/London",
    })
}

impl TestApp {
    fn with_agent() -> Self {
        Self::with_config(Config {
            agent_token: Some(Secret(AGENT_TOKEN.into())),
            ..Self::config()
        })
    }

    /// A request with a JSON body (if any), a cookie and extra headers.
    async fn req(
        &self,
        method: Method,
        path: &str,
        body: Option<Value>,
        cookie: &str,
        headers: &[(&str, &str)],
    ) -> Reply {
        let mut req = Request::builder()
            .method(method)
            .uri(path)
            .header(header::HOST, "portal.test");
        if !cookie.is_empty() {
            req = req.header(header::COOKIE, cookie);
        }
        for (k, v) in headers {
            req = req.header(*k, *v);
        }
        let body = match body {
            Some(v) => {
                req = req.header(header::CONTENT_TYPE, "application/json");
                Body::from(v.to_string())
            }
            None => Body::empty(),
        };
        self.send(req.body(body).unwrap()).await
    }

    /// Files a case and returns it.
    async fn file(&self, cookie: &str, body: Value) -> Value {
        let key = random_token(9);
        let r = self
            .req(
                Method::POST,
                "/api/v1/cases",
                Some(body),
                cookie,
                &[("idempotency-key", &key)],
            )
            .await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
        r.json()
    }

    async fn agent(&self, method: Method, path: &str, body: Value) -> Reply {
        let auth = format!("Bearer {AGENT_TOKEN}");
        self.req(
            method,
            path,
            Some(body),
            "",
            &[("authorization", auth.as_str())],
        )
        .await
    }
}

fn etag(r: &Reply) -> String {
    r.header(header::ETAG).to_string()
}

#[tokio::test]
async fn cases_require_the_manage_cases_capability() {
    let app = TestApp::new();
    app.get("/api/v1/cases", None)
        .await
        .problem(401, types::UNAUTHENTICATED);
    let member = app.cookie_for(MEMBER).await;
    for (method, path) in [
        (Method::GET, "/api/v1/cases"),
        (Method::POST, "/api/v1/cases"),
        (Method::GET, "/api/v1/cases/case_x"),
        (Method::POST, "/api/v1/cases/case_x/comments"),
        (Method::GET, "/api/v1/organisation/members"),
        (Method::POST, "/api/v1/attachments"),
    ] {
        app.req(
            method,
            path,
            Some(new_case("x")),
            &member,
            &[("idempotency-key", "k")],
        )
        .await
        .problem(403, types::FORBIDDEN);
    }
    // Help suggestions are open to everyone signed in.
    let r = app
        .get("/api/v1/help/suggestions?q=report+suite", Some(&member))
        .await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(!r.json().as_array().unwrap().is_empty());
}

#[tokio::test]
async fn the_same_idempotency_key_files_one_case() {
    let app = TestApp::new();
    let cookie = app.cookie_for(SUPPORT_ADMIN).await;
    let send = |body: Value, key: &'static str| {
        let app = &app;
        let cookie = cookie.clone();
        async move {
            app.req(
                Method::POST,
                "/api/v1/cases",
                Some(body),
                &cookie,
                &[("idempotency-key", key)],
            )
            .await
        }
    };
    let first = send(new_case("Once"), "key-1").await;
    assert_eq!(first.status, StatusCode::CREATED, "{}", first.text());
    let case = first.json();
    assert!(first
        .header(header::LOCATION)
        .ends_with(case["id"].as_str().unwrap()));
    assert_eq!(etag(&first), format!("\"{}\"", case["version"]));
    assert!(case["number"].as_str().unwrap().starts_with("C-"));
    assert_eq!(case["status"], "new");
    assert_eq!(case["response"]["minutes"], 60, "P3 on the premium plan");

    let again = send(new_case("Once"), "key-1").await;
    assert_eq!(again.status, StatusCode::OK);
    assert_eq!(again.json()["id"], case["id"]);

    send(new_case("Another"), "key-1")
        .await
        .problem(409, types::CONFLICT);
    let p = app
        .req(
            Method::POST,
            "/api/v1/cases",
            Some(new_case("x")),
            &cookie,
            &[],
        )
        .await
        .problem(400, types::VALIDATION);
    assert_eq!(p["errors"][0]["field"], "Idempotency-Key");
    let n: i64 = app
        .state
        .db
        .conn()
        .query_row("SELECT count(*) FROM cases WHERE title = 'Once'", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(n, 1);
}

#[tokio::test]
async fn filing_rules_are_field_errors() {
    let app = TestApp::new();
    let cookie = app.cookie_for(SUPPORT_ADMIN).await;
    let contoso_admin: String = app
        .state
        .db
        .conn()
        .query_row(
            "SELECT id FROM users WHERE email = ?1",
            [OTHER_ORG_ADMIN],
            |r| r.get(0),
        )
        .unwrap();
    let mut body = new_case(&"t".repeat(201));
    body["priority"] = json!("p1");
    body["contact_phone"] = json!("call me");
    body["time_zone"] = json!("Mars/Olympus");
    body["watchers"] = json!([contoso_admin]);
    body["attachments"] = json!(["att_nope"]);
    body["description"] = json!(" ");
    let p = app
        .req(
            Method::POST,
            "/api/v1/cases",
            Some(body),
            &cookie,
            &[("idempotency-key", "k")],
        )
        .await
        .problem(400, types::VALIDATION);
    let codes: Vec<String> = p["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            format!(
                "{}:{}",
                e["field"].as_str().unwrap(),
                e["code"].as_str().unwrap()
            )
        })
        .collect();
    for expected in [
        "title:too_long",
        "description:required",
        "business_impact:required",
        "contact_phone:invalid_phone",
        "time_zone:invalid_time_zone",
        "watchers:not_a_member",
        "attachments:unknown_attachment",
    ] {
        assert!(
            codes.contains(&expected.to_string()),
            "{expected} in {codes:?}"
        );
    }
}

#[tokio::test]
async fn filing_is_closed_in_the_setup_phase_but_the_list_works() {
    let app = TestApp::with_config(Config {
        phase: Phase::Setup,
        ..TestApp::config()
    });
    let cookie = app.cookie_for(SUPPORT_ADMIN).await;
    app.req(
        Method::POST,
        "/api/v1/cases",
        Some(new_case("x")),
        &cookie,
        &[("idempotency-key", "k")],
    )
    .await
    .problem(403, types::CASE_FILING_CLOSED);
    let r = app
        .get("/api/v1/cases?scope=organisation", Some(&cookie))
        .await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(
        !r.json()["items"].as_array().unwrap().is_empty(),
        "the demo cases"
    );
}

#[tokio::test]
async fn another_organisations_case_is_not_found() {
    let app = TestApp::new();
    let northwind = app.cookie_for(SUPPORT_ADMIN).await;
    let case = app.file(&northwind, new_case("Private")).await;
    let id = case["id"].as_str().unwrap();
    let contoso = app.cookie_for(OTHER_ORG_ADMIN).await;
    for (method, path, body) in [
        (Method::GET, format!("/api/v1/cases/{id}"), None),
        (Method::GET, format!("/api/v1/cases/{id}/thread"), None),
        (
            Method::POST,
            format!("/api/v1/cases/{id}/comments"),
            Some(json!({"body": "hi"})),
        ),
        (Method::POST, format!("/api/v1/cases/{id}/close"), None),
    ] {
        app.req(method, &path, body, &contoso, &[("if-match", "*")])
            .await
            .problem(404, types::NOT_FOUND);
    }
    let list = app
        .get("/api/v1/cases?scope=organisation", Some(&contoso))
        .await;
    assert!(!list.text().contains(id));
}

#[tokio::test]
async fn close_and_reopen_need_the_current_version() {
    let app = TestApp::new();
    let cookie = app.cookie_for(SUPPORT_ADMIN).await;
    let case = app.file(&cookie, new_case("Close me")).await;
    let id = case["id"].as_str().unwrap();
    let close = format!("/api/v1/cases/{id}/close");
    app.req(Method::POST, &close, None, &cookie, &[])
        .await
        .problem(428, types::PRECONDITION_FAILED);
    app.req(
        Method::POST,
        &close,
        None,
        &cookie,
        &[("if-match", "\"999\"")],
    )
    .await
    .problem(412, types::PRECONDITION_FAILED);
    let tag = format!("\"{}\"", case["version"]);
    let r = app
        .req(Method::POST, &close, None, &cookie, &[("if-match", &tag)])
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    let closed = r.json();
    assert_eq!(closed["status"], "closed");
    assert_eq!(closed["allowed_actions"], json!(["reopen"]));
    assert_ne!(etag(&r), tag);
    // The old version is stale now; closing twice is not a transition.
    app.req(Method::POST, &close, None, &cookie, &[("if-match", &tag)])
        .await
        .problem(412, types::PRECONDITION_FAILED);
    app.req(
        Method::POST,
        &close,
        None,
        &cookie,
        &[("if-match", &etag(&r))],
    )
    .await
    .problem(409, types::TRANSITION_NOT_ALLOWED);
    app.req(
        Method::POST,
        &format!("/api/v1/cases/{id}/comments"),
        Some(json!({"body": "hello?"})),
        &cookie,
        &[],
    )
    .await
    .problem(409, types::TRANSITION_NOT_ALLOWED);

    let reopen = format!("/api/v1/cases/{id}/reopen");
    let r = app
        .req(
            Method::POST,
            &reopen,
            None,
            &cookie,
            &[("if-match", &etag(&r))],
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    assert_eq!(r.json()["status"], "in_progress");

    // Closed fifteen days ago: too late.
    let r = app
        .req(
            Method::POST,
            &close,
            None,
            &cookie,
            &[("if-match", &etag(&r))],
        )
        .await;
    app.state
        .db
        .conn()
        .execute(
            "UPDATE cases SET closed_at = closed_at - 15 * 86400 WHERE id = ?1",
            [id],
        )
        .unwrap();
    app.req(
        Method::POST,
        &reopen,
        None,
        &cookie,
        &[("if-match", &etag(&r))],
    )
    .await
    .problem(409, types::REOPEN_WINDOW_PASSED);
    let thread = app
        .get(&format!("/api/v1/cases/{id}/thread"), Some(&cookie))
        .await
        .json();
    let kinds: Vec<&str> = thread
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["status_changed"; 3]);
    let after = app
        .get(&format!("/api/v1/cases/{id}/thread?after=2"), Some(&cookie))
        .await
        .json();
    assert_eq!(after.as_array().unwrap().len(), 1);
    assert_eq!(after[0]["seq"], 3);
}

#[tokio::test]
async fn urgency_changes_once_per_day_and_calls_follow_the_priority() {
    let app = TestApp::new();
    let cookie = app.cookie_for(SUPPORT_ADMIN).await;
    let case = app.file(&cookie, new_case("Escalate me")).await;
    let id = case["id"].as_str().unwrap();
    let path = format!("/api/v1/cases/{id}/urgency");
    let tag = format!("\"{}\"", case["version"]);
    let p = app
        .req(
            Method::POST,
            &path,
            Some(json!({"priority": "p3", "reason": ""})),
            &cookie,
            &[("if-match", &tag)],
        )
        .await
        .problem(400, types::VALIDATION);
    assert_eq!(p["errors"].as_array().unwrap().len(), 2, "{p}");
    let r = app
        .req(
            Method::POST,
            &path,
            Some(json!({"priority": "p2", "reason": "Month-end close is blocked"})),
            &cookie,
            &[("if-match", &tag)],
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    assert_eq!(r.json()["priority"], "p2");
    assert!(!r.json()["allowed_actions"]
        .as_array()
        .unwrap()
        .contains(&json!("request_urgency_change")));
    let p = app
        .req(
            Method::POST,
            &path,
            Some(json!({"priority": "p1", "reason": "Worse now"})),
            &cookie,
            &[("if-match", &etag(&r))],
        )
        .await
        .problem(429, types::URGENCY_CHANGE_TOO_SOON);
    assert!(p["retry_after"].as_u64().unwrap() > 86_000);

    let calls = format!("/api/v1/cases/{id}/call-requests");
    let p = app
        .req(
            Method::POST,
            &calls,
            Some(json!({"phone": "+44 20 7946 0000", "when": {"type": "immediate"}})),
            &cookie,
            &[],
        )
        .await
        .problem(400, types::VALIDATION);
    assert_eq!(p["errors"][0]["code"], "scheduled_required");
    let p = app
        .req(
            Method::POST,
            &calls,
            Some(json!({"phone": "+44 20 7946 0000", "when": {"type": "scheduled", "at": "2001-01-01T00:00:00Z"}})),
            &cookie,
            &[],
        )
        .await
        .problem(400, types::VALIDATION);
    assert_eq!(p["errors"][0]["code"], "must_be_future");
    let r = app
        .req(
            Method::POST,
            &calls,
            Some(json!({"phone": "+44 20 7946 0000", "when": {"type": "scheduled", "at": "2999-01-01T09:00:00Z"}})),
            &cookie,
            &[],
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
    assert_eq!(r.json()["kind"], "call_requested");

    let mut minor = new_case("Minor");
    minor["priority"] = json!("p4");
    let minor = app.file(&cookie, minor).await;
    let p = app
        .req(
            Method::POST,
            &format!(
                "/api/v1/cases/{}/call-requests",
                minor["id"].as_str().unwrap()
            ),
            Some(json!({"phone": "+44 20 7946 0000", "when": {"type": "immediate"}})),
            &cookie,
            &[],
        )
        .await
        .problem(400, types::VALIDATION);
    assert_eq!(p["errors"][0]["code"], "not_available");
}

#[tokio::test]
async fn the_agent_api_needs_its_token_and_plays_support() {
    let off = TestApp::new();
    off.req(
        Method::POST,
        "/agent/v1/cases/x/comments",
        Some(json!({"body": "hi"})),
        "",
        &[("authorization", "Bearer anything")],
    )
    .await
    .problem(404, types::NOT_FOUND);

    let app = TestApp::with_agent();
    let cookie = app.cookie_for(SUPPORT_ADMIN).await;
    let case = app.file(&cookie, new_case("Agent")).await;
    let id = case["id"].as_str().unwrap();
    app.req(
        Method::POST,
        &format!("/agent/v1/cases/{id}/comments"),
        Some(json!({"body": "hi"})),
        "",
        &[("authorization", "Bearer wrong")],
    )
    .await
    .problem(401, types::UNAUTHENTICATED);
    let r = app
        .agent(
            Method::POST,
            &format!("/agent/v1/cases/{id}/comments"),
            json!({"body": "Looking into it"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
    assert_eq!(r.json()["from_support"], true);
    let c = app
        .get(&format!("/api/v1/cases/{id}"), Some(&cookie))
        .await
        .json();
    assert_eq!(c["status"], "in_progress");
    assert_eq!(c["response"]["met"], true);
    assert!(c["response"]["responded_at"].is_string());

    app.agent(
        Method::POST,
        &format!("/agent/v1/cases/{id}/status"),
        json!({"status": "new"}),
    )
    .await
    .problem(409, types::TRANSITION_NOT_ALLOWED);
    let r = app
        .agent(
            Method::POST,
            &format!("/agent/v1/cases/{id}/status"),
            json!({"status": "awaiting_your_reply"}),
        )
        .await;
    assert_eq!(r.json()["status"], "awaiting_your_reply");
    let r = app
        .agent(
            Method::PUT,
            &format!("/agent/v1/cases/{id}/engineer"),
            json!({"engineer": "Priya Nair"}),
        )
        .await;
    assert_eq!(r.json()["engineer"], "Priya Nair");

    // The customer's reply puts the case back in progress.
    let r = app
        .req(
            Method::POST,
            &format!("/api/v1/cases/{id}/comments"),
            Some(json!({"body": "Here is the <b>HAR</b>"})),
            &cookie,
            &[],
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
    let c = app
        .get(&format!("/api/v1/cases/{id}"), Some(&cookie))
        .await
        .json();
    assert_eq!(c["status"], "in_progress");
}

#[tokio::test]
async fn cases_awaiting_the_customer_too_long_close_themselves() {
    let app = TestApp::with_agent();
    let cookie = app.cookie_for(SUPPORT_ADMIN).await;
    let case = app.file(&cookie, new_case("Quiet")).await;
    let id = case["id"].as_str().unwrap();
    for status in ["in_progress", "resolution_provided"] {
        app.agent(
            Method::POST,
            &format!("/agent/v1/cases/{id}/status"),
            json!({"status": status}),
        )
        .await;
    }
    let now = crate::db::unix_now();
    let closed = crate::cases::auto_close(&mut app.state.db.conn(), 7, now).unwrap();
    assert_eq!(closed, 0, "not yet");
    app.state
        .db
        .conn()
        .execute(
            "UPDATE cases SET status_changed_at = status_changed_at - 8 * 86400 WHERE id = ?1",
            [id],
        )
        .unwrap();
    let closed = crate::cases::auto_close(&mut app.state.db.conn(), 7, now).unwrap();
    assert_eq!(closed, 1);
    let thread = app
        .get(&format!("/api/v1/cases/{id}/thread"), Some(&cookie))
        .await
        .json();
    let last = thread.as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["kind"], "status_changed");
    assert_eq!(last["to"], "closed");
    assert_eq!(last["author"], Value::Null);
}

#[tokio::test]
async fn lists_filter_search_and_page() {
    let app = TestApp::with_agent();
    let casey = app.cookie_for(SUPPORT_ADMIN).await;
    let alex = app.cookie_for(SYSADMIN).await;
    let a = app
        .file(&alex, new_case("Zebra stripes in the funnel"))
        .await;
    let a_id = a["id"].as_str().unwrap();
    app.agent(
        Method::POST,
        &format!("/agent/v1/cases/{a_id}/comments"),
        json!({"body": "Please check the quokka setting"}),
    )
    .await;
    let ids = |v: Value| -> Vec<String> {
        v["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["id"].as_str().unwrap().to_string())
            .collect()
    };
    let mine = ids(app.get("/api/v1/cases", Some(&casey)).await.json());
    assert!(
        !mine.contains(&a_id.to_string()),
        "Casey neither filed nor watches it"
    );
    let org = ids(app
        .get("/api/v1/cases?scope=organisation", Some(&casey))
        .await
        .json());
    assert!(org.contains(&a_id.to_string()));
    for q in ["zebra", "quok", a["number"].as_str().unwrap()] {
        let found = ids(app
            .get(
                &format!("/api/v1/cases?scope=organisation&q={}", q),
                Some(&casey),
            )
            .await
            .json());
        assert_eq!(found, [a_id.to_string()], "{q}");
    }
    let found = ids(app
        .get(
            "/api/v1/cases?scope=organisation&status=closed&product=target,analytics",
            Some(&casey),
        )
        .await
        .json());
    assert_eq!(found.len(), 2, "the two closed demo cases");
    // 90 days by default; older cases need an explicit range.
    app.state
        .db
        .conn()
        .execute(
            "UPDATE cases SET created_at = created_at - 100 * 86400 WHERE id = ?1",
            [a_id],
        )
        .unwrap();
    let org = ids(app
        .get("/api/v1/cases?scope=organisation", Some(&casey))
        .await
        .json());
    assert!(!org.contains(&a_id.to_string()));
    let old = ids(app
        .get(
            "/api/v1/cases?scope=organisation&from=2000-01-01",
            Some(&casey),
        )
        .await
        .json());
    assert!(old.contains(&a_id.to_string()));

    for sort in [
        "updated_desc",
        "created_desc",
        "created_asc",
        "priority_asc",
    ] {
        let all = ids(app
            .get(
                &format!("/api/v1/cases?scope=organisation&sort={sort}&limit=100"),
                Some(&casey),
            )
            .await
            .json());
        let mut seen = Vec::new();
        let mut path = format!("/api/v1/cases?scope=organisation&sort={sort}&limit=2");
        loop {
            let page = app.get(&path, Some(&casey)).await.json();
            let next = page["next_cursor"].as_str().map(String::from);
            seen.extend(ids(page));
            match next {
                Some(c) => {
                    path =
                        format!("/api/v1/cases?scope=organisation&sort={sort}&limit=2&cursor={c}")
                }
                None => break,
            }
        }
        assert_eq!(seen, all, "{sort}");
    }
    app.get("/api/v1/cases?status=open", Some(&casey))
        .await
        .problem(400, types::VALIDATION);
}

#[tokio::test]
async fn attachments_are_limited_typed_and_named_as_data() {
    let dir = std::env::temp_dir().join(format!("sp-att-{}", random_token(6)));
    let app = TestApp::with_config(Config {
        max_attachment_bytes: 1024 * 1024,
        data_dir: Some(dir.clone()),
        ..TestApp::config()
    });
    let cookie = app.cookie_for(SUPPORT_ADMIN).await;
    let upload = |bytes: Vec<u8>, ty: &'static str, name: &'static str| {
        let req = Request::builder()
            .method(Method::POST)
            .uri("/api/v1/attachments")
            .header(header::HOST, "portal.test")
            .header(header::COOKIE, &cookie)
            .header(header::CONTENT_TYPE, ty)
            .header("x-file-name", name)
            .body(Body::from(bytes))
            .unwrap();
        app.send(req)
    };
    upload(b"<script>".to_vec(), "text/html", "x.html")
        .await
        .problem(415, types::ATTACHMENT_TYPE_NOT_ALLOWED);
    upload(vec![0u8; 1024 * 1024 + 1], "application/zip", "big.zip")
        .await
        .problem(413, types::ATTACHMENT_TOO_LARGE);
    let files = std::fs::read_dir(&dir).map(|d| d.count()).unwrap_or(0);
    assert_eq!(files, 0, "the partial file is removed");

    let r = upload(
        b"hello".to_vec(),
        "text/plain; charset=utf-8",
        "..%2F..%2Fr%C3%A9sum%C3%A9.txt",
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
    let att = r.json();
    assert_eq!(att["name"], "../../résumé.txt");
    assert_eq!(att["size"], 5);
    let att_id = att["id"].as_str().unwrap();
    let stored: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(stored, [att_id.to_string()], "stored under its id only");

    let path = format!("/api/v1/attachments/{att_id}");
    let r = app.get(&path, Some(&cookie)).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.body, b"hello");
    assert!(r
        .header(header::CONTENT_DISPOSITION)
        .starts_with("attachment;"));
    assert!(r
        .header(header::CONTENT_DISPOSITION)
        .contains("filename*=UTF-8''..%2F..%2Fr%C3%A9sum%C3%A9.txt"));
    assert_eq!(r.header(header::X_CONTENT_TYPE_OPTIONS), "nosniff");
    // Before it is attached, only the uploader sees it; never another organisation.
    let alex = app.cookie_for(SYSADMIN).await;
    app.get(&path, Some(&alex))
        .await
        .problem(404, types::NOT_FOUND);
    let contoso = app.cookie_for(OTHER_ORG_ADMIN).await;
    app.get(&path, Some(&contoso))
        .await
        .problem(404, types::NOT_FOUND);

    let mut body = new_case("With a file");
    body["attachments"] = json!([att_id]);
    let case = app.file(&cookie, body).await;
    let thread = app
        .get(
            &format!("/api/v1/cases/{}/thread", case["id"].as_str().unwrap()),
            Some(&cookie),
        )
        .await
        .json();
    assert_eq!(thread[0]["kind"], "attachments_added");
    assert_eq!(thread[0]["attachments"][0]["id"], att_id);
    assert_eq!(app.get(&path, Some(&alex)).await.status, StatusCode::OK);
    app.get(&path, Some(&contoso))
        .await
        .problem(404, types::NOT_FOUND);
    // Attached once: it cannot be attached to another case.
    let mut body = new_case("Reuse");
    body["attachments"] = json!([att_id]);
    app.req(
        Method::POST,
        "/api/v1/cases",
        Some(body),
        &cookie,
        &[("idempotency-key", "reuse")],
    )
    .await
    .problem(400, types::VALIDATION);
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test]
async fn the_demo_cases_show_targets_and_reopen_windows() {
    let app = TestApp::new();
    let cookie = app.cookie_for(SUPPORT_ADMIN).await;
    let page = app
        .get(
            "/api/v1/cases?scope=organisation&status=closed",
            Some(&cookie),
        )
        .await
        .json();
    let mut reopenable = 0;
    for item in page["items"].as_array().unwrap() {
        let c = app
            .get(
                &format!("/api/v1/cases/{}", item["id"].as_str().unwrap()),
                Some(&cookie),
            )
            .await
            .json();
        if c["allowed_actions"] == json!(["reopen"]) {
            reopenable += 1;
        }
    }
    assert_eq!(reopenable, 1);
    let members = app
        .get("/api/v1/organisation/members", Some(&cookie))
        .await
        .json();
    let names: Vec<&str> = members
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Alex Morgan", "Casey Lee", "Sam Patel"]);
}

/// The list's speed over an organisation with 10,000 cases. A benchmark that prints figures, not
/// a timed test: `cargo test -p support-backend --release -- --ignored --nocapture case_list_speed`.
#[tokio::test]
#[ignore]
async fn case_list_speed() {
    let app = TestApp::new();
    let cookie = app.cookie_for(SUPPORT_ADMIN).await;
    {
        let mut conn = app.state.db.conn();
        let tx = conn.transaction().unwrap();
        let (org, requester): (String, String) = tx
            .query_row(
                "SELECT organisation_id, id FROM users WHERE email = ?1",
                [SUPPORT_ADMIN],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap();
        let now = crate::db::unix_now();
        let products = ["analytics", "target", "audience_manager"];
        let statuses = ["new", "in_progress", "awaiting_your_reply", "closed"];
        for i in 0..10_000i64 {
            let mut body: support_contract::cases::NewCase =
                serde_json::from_value(new_case(&format!("Case {i} about report {}", i % 97)))
                    .unwrap();
            body.product = serde_json::from_value(json!(products[(i % 3) as usize])).unwrap();
            body.priority = serde_json::from_value(json!(format!("p{}", 1 + i % 4))).unwrap();
            let id = crate::cases::insert(
                &tx,
                &org,
                support_contract::Plan::Premium,
                &requester,
                &body,
                now - (i * 700) % (80 * 86_400),
            )
            .unwrap();
            tx.execute(
                "UPDATE cases SET status = ?2 WHERE id = ?1",
                rusqlite::params![id, statuses[(i % 4) as usize]],
            )
            .unwrap();
        }
        tx.commit().unwrap();
    }
    for path in [
        "/api/v1/cases?scope=organisation",
        "/api/v1/cases?scope=organisation&status=in_progress&priority=p2",
        "/api/v1/cases?scope=organisation&product=target&sort=priority_asc",
        "/api/v1/cases?scope=mine&sort=created_desc",
        "/api/v1/cases?scope=organisation&q=report+42",
    ] {
        let mut best = std::time::Duration::MAX;
        for _ in 0..5 {
            let started = std::time::Instant::now();
            let r = app.get(path, Some(&cookie)).await;
            best = best.min(started.elapsed());
            assert_eq!(r.status, StatusCode::OK);
        }
        println!("{:>8.2} ms  {path}", best.as_secs_f64() * 1000.0);
    }
}
