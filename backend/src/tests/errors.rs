//! The problem format for everything that goes wrong, and the CSRF defence.

use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use support_contract::problem_types as types;

use super::*;

fn post_sign_in(origin: Option<&str>) -> Request<Body> {
    let mut req = Request::post("/api/v1/session")
        .header(header::HOST, "portal.test")
        .header(header::CONTENT_TYPE, "application/json");
    if let Some(o) = origin {
        req = req.header(header::ORIGIN, o);
    }
    let body = serde_json::json!({ "email": MEMBER, "password": DEMO_PASSWORD }).to_string();
    req.body(Body::from(body)).unwrap()
}

#[tokio::test]
async fn unknown_api_paths_are_problem_404s_not_the_app() {
    let dir = StaticDir::new();
    let app = TestApp::with_config(Config {
        static_dir: dir.0.clone(),
        ..Config::default()
    });
    for path in ["/api/v1/nope", "/api", "/api/v2/session"] {
        app.get(path, None).await.problem(404, types::NOT_FOUND);
    }
}

#[tokio::test]
async fn a_wrong_method_is_a_problem_405() {
    let app = TestApp::new();
    let r = app.call(Method::PUT, "/api/v1/session", None, None).await;
    r.problem(405, "about:blank");
}

#[tokio::test]
async fn unreadable_bodies_are_problems() {
    let app = TestApp::new();
    let req = Request::post("/api/v1/session")
        .header(header::HOST, "portal.test")
        .header(header::ORIGIN, "http://portal.test")
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from("{nope"));
    app.send(req.unwrap()).await.problem(400, types::VALIDATION);
    let req = Request::post("/api/v1/session")
        .header(header::HOST, "portal.test")
        .header(header::ORIGIN, "http://portal.test")
        .header(header::CONTENT_TYPE, "text/plain")
        .body(Body::from("{}"));
    app.send(req.unwrap()).await.problem(415, types::VALIDATION);
    let req = Request::post("/api/v1/session")
        .header(header::HOST, "portal.test")
        .header(header::ORIGIN, "http://portal.test")
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from("[]"));
    app.send(req.unwrap()).await.problem(400, types::VALIDATION);
}

#[tokio::test]
async fn an_unreadable_body_gets_a_fixed_sentence_not_the_parsers_message() {
    let app = TestApp::new();
    for body in [
        // Malformed: the string never ends.
        r#"{"email": "member@northwind.example", "password": "hunter2-secret"#,
        // Well-formed, wrong types.
        r#"{"email": 4242, "password": ["hunter2-secret"]}"#,
    ] {
        let req = Request::post("/api/v1/session")
            .header(header::HOST, "portal.test")
            .header(header::ORIGIN, "http://portal.test")
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from(body));
        let p = app.send(req.unwrap()).await.problem(400, types::VALIDATION);
        let detail = p["detail"].as_str().unwrap();
        assert_eq!(detail, crate::problem::UNREADABLE_JSON);
        for leak in ["line", "column", "expected", "hunter2", "4242", "string"] {
            assert!(!detail.contains(leak), "{leak} in {detail}");
        }
    }
    let req = Request::post("/api/v1/session")
        .header(header::HOST, "portal.test")
        .header(header::ORIGIN, "http://portal.test")
        .header(header::CONTENT_TYPE, "text/plain")
        .body(Body::from("{}"));
    let p = app.send(req.unwrap()).await.problem(415, types::VALIDATION);
    assert_eq!(p["detail"], crate::problem::NOT_JSON);
}

#[tokio::test]
async fn cross_origin_state_changes_are_refused() {
    let app = TestApp::with_config(Config {
        allowed_origins: vec!["https://console.example".into()],
        ..Config::default()
    });
    let r = app.send(post_sign_in(Some("https://evil.example"))).await;
    r.problem(403, types::CROSS_ORIGIN);
    assert!(!r.headers.contains_key(header::SET_COOKIE));
    for ok in [Some("http://portal.test"), Some("https://console.example")] {
        assert_eq!(
            app.send(post_sign_in(ok)).await.status,
            StatusCode::OK,
            "{ok:?}"
        );
    }
}

/// A page of another site whose browser dropped `Origin` (an old browser, a privacy add-on)
/// posts a form with the user's cookie: a CSV import or an upload needs no preflight. Without
/// `Origin`, a state change needs a header such a form cannot add.
#[tokio::test]
async fn a_state_change_without_origin_needs_a_custom_header_or_a_bearer_token() {
    let app = TestApp::new();
    let cookie = app.cookie_for(SYSADMIN).await;
    let import = |headers: Vec<(header::HeaderName, &'static str)>| {
        let mut req = Request::post("/api/v1/support-users/import?dry_run=true")
            .header(header::HOST, "portal.test")
            .header(header::COOKIE, &cookie)
            .header(header::CONTENT_TYPE, "text/plain");
        for (k, v) in headers {
            req = req.header(k, v);
        }
        req.body(Body::from("email,name,role\n")).unwrap()
    };
    let r = app.send(import(vec![])).await;
    r.problem(403, types::CROSS_ORIGIN);
    let r = app.send(post_sign_in(None)).await;
    r.problem(403, types::CROSS_ORIGIN);
    assert!(!r.headers.contains_key(header::SET_COOKIE));

    let custom = header::HeaderName::from_static("x-requested-with");
    let r = app.send(import(vec![(custom.clone(), "script")])).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    let mut req = post_sign_in(None);
    req.headers_mut()
        .insert(custom, header::HeaderValue::from_static("script"));
    assert_eq!(app.send(req).await.status, StatusCode::OK);
    // A GET changes nothing and needs neither.
    assert_eq!(
        app.get("/api/v1/session", Some(&cookie)).await.status,
        StatusCode::OK
    );
}

#[tokio::test]
async fn api_answers_are_never_cached() {
    let app = TestApp::new();
    let r = app.get("/api/v1/portal", None).await;
    assert_eq!(r.header(header::CACHE_CONTROL), "no-store");
    let r = app.get("/api/v1/session", None).await;
    assert_eq!(r.header(header::CACHE_CONTROL), "no-store");
}
