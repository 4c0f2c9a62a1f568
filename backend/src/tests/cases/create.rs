//! Who may reach cases, and filing one: idempotency, the field rules, the phase.

use axum::http::{header, Method, StatusCode};
use serde_json::{json, Value};
use support_contract::problem_types as types;
use support_contract::Phase;

use super::*;

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

    // The key already filed a case: the refusal names it, so the client can lead there.
    let reused = send(new_case("Another"), "key-1")
        .await
        .problem(409, types::IDEMPOTENCY_KEY_REUSED);
    assert_eq!(reused["resource_id"], case["id"]);
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
        .query_row(
            "SELECT count(*) AS n FROM cases WHERE title = 'Once'",
            [],
            |r| r.get("n"),
        )
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
            |r| r.get("id"),
        )
        .unwrap();
    let mut body = new_case(&"t".repeat(201));
    body["priority"] = json!("p1");
    body["contact_phone"] = json!("call me");
    body["time_zone"] = json!("Mars/Olympus");
    body["watchers"] = json!([contoso_admin]);
    body["attachments"] = json!(["att_nope"]);
    body["description"] = json!(" ");
    body["details"] =
        json!({"workspace_url": "javascript:alert(1)", "site_url": "https://shop.example/sale"});
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
    let codes = field_codes(&p);
    for expected in [
        "title:too_long",
        "description:required",
        "business_impact:required",
        "contact_phone:invalid_phone",
        "time_zone:invalid_time_zone",
        "watchers:not_a_member",
        "attachments:unknown_attachment",
        "details.workspace_url:invalid_url",
    ] {
        assert!(
            codes.contains(&expected.to_string()),
            "{expected} in {codes:?}"
        );
    }
    assert!(
        !codes.iter().any(|c| c.starts_with("details.site_url")),
        "a web address is fine: {codes:?}"
    );
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
async fn twenty_thousand_watchers_are_refused_before_anything_is_looked_up_or_stored() {
    let app = TestApp::new();
    let cookie = app.cookie_for(SUPPORT_ADMIN).await;
    let cases = |app: &TestApp| -> i64 {
        app.state
            .db
            .conn()
            .query_row("SELECT count(*) AS n FROM cases", [], |r| r.get("n"))
            .unwrap()
    };
    let before = cases(&app);
    let mut body = new_case("Everyone watches");
    let watchers: Vec<String> = (0..20_000).map(|i| format!("usr_{i}")).collect();
    body["watchers"] = json!(watchers);
    // An unknown attachment would be named if anything were looked up.
    body["attachments"] = json!(["att_nope"]);
    let p = app
        .req(
            Method::POST,
            "/api/v1/cases",
            Some(body),
            &cookie,
            &[("idempotency-key", "crowd")],
        )
        .await
        .problem(400, types::VALIDATION);
    assert_eq!(field_codes(&p), ["watchers:too_many"]);
    assert_eq!(cases(&app), before, "nothing was filed");
    // Nor was the key kept: it files a proper case afterwards.
    let r = app
        .req(
            Method::POST,
            "/api/v1/cases",
            Some(new_case("Fewer watchers")),
            &cookie,
            &[("idempotency-key", "crowd")],
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
    // Repeats count once: fifty distinct watchers named over and over are fine.
    let member = app.account_in(MEMBER, "Northwind Traders");
    let mut body = new_case("Repeated watcher");
    body["watchers"] = json!(vec![member; 20_000]);
    let case = app.file(&cookie, body).await;
    assert_eq!(case["watchers"].as_array().unwrap().len(), 1);
}
