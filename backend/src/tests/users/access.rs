//! Who may call the administration endpoints: the Support System Administrator, within their
//! organisation; the set-password calls are public.

use axum::http::{Method, StatusCode};
use support_contract::problem_types as types;

use super::*;

/// Every administration endpoint, with a body where it needs one. `{id}` is replaced.
fn endpoints() -> Vec<(Method, &'static str, Option<Value>)> {
    vec![
        (Method::GET, "/api/v1/support-users", None),
        (Method::GET, "/api/v1/support-users/counts", None),
        (
            Method::POST,
            "/api/v1/support-users",
            Some(
                json!({ "email": "x@example.com", "name": "X", "role": "customer_support_admin" }),
            ),
        ),
        (Method::GET, "/api/v1/support-users/{id}", None),
        (Method::GET, "/api/v1/support-users/{id}/reviews", None),
        (
            Method::PUT,
            "/api/v1/support-users/{id}/role",
            Some(json!({ "role": "support_system_admin" })),
        ),
        (Method::DELETE, "/api/v1/support-users/{id}", None),
        (
            Method::POST,
            "/api/v1/support-users/reviews",
            Some(json!({ "user_ids": ["{id}"], "decision": "validated" })),
        ),
        (Method::POST, "/api/v1/support-users/import", None),
        (Method::GET, "/api/v1/audit-log", None),
        (Method::GET, "/api/v1/audit-log/export", None),
    ]
}

async fn call(
    app: &TestApp,
    cookie: &str,
    method: Method,
    path: &str,
    body: Option<Value>,
    id: &str,
) -> Reply {
    let path = path.replace("{id}", id);
    let body = body.map(|b| serde_json::from_str(&b.to_string().replace("{id}", id)).unwrap());
    let headers = [("if-match", "*")];
    match body {
        Some(b) => app.req(method, &path, Some(b), cookie, &headers).await,
        None => {
            app.request(
                method,
                &path,
                Some(("text/csv", b"email,name,role\n".to_vec())),
                cookie,
                &headers,
            )
            .await
        }
    }
}

#[tokio::test]
async fn only_the_system_administrator_may_administer_support_users() {
    let app = TestApp::with_mail();
    let casey = app.user_id(SUPPORT_ADMIN);
    for (method, path, body) in endpoints() {
        call(&app, "", method.clone(), path, body.clone(), &casey)
            .await
            .problem(401, types::UNAUTHENTICATED);
        for email in [SUPPORT_ADMIN, MEMBER] {
            let cookie = app.cookie_for(email).await;
            call(&app, &cookie, method.clone(), path, body.clone(), &casey)
                .await
                .problem(403, types::FORBIDDEN);
        }
    }
    assert!(app.mails().is_empty());
    let version: i64 = app
        .state
        .db
        .conn()
        .query_row("SELECT version FROM users WHERE id = ?1", [&casey], |r| {
            r.get("version")
        })
        .unwrap();
    assert_eq!(version, 1, "nothing changed");
}

#[tokio::test]
async fn another_organisations_users_are_not_found() {
    let app = TestApp::with_mail();
    let contoso = app.cookie_for(OTHER_ORG_ADMIN).await;
    let northwind = app.cookie_for(SYSADMIN).await;
    let casey = app.user_id(SUPPORT_ADMIN);
    let member = app.user_id(MEMBER);
    for (method, path) in [
        (Method::GET, "/api/v1/support-users/{id}"),
        (Method::GET, "/api/v1/support-users/{id}/reviews"),
        (Method::DELETE, "/api/v1/support-users/{id}"),
    ] {
        call(&app, &contoso, method.clone(), path, None, &casey)
            .await
            .problem(404, types::NOT_FOUND);
        // A member without a role is no support user either.
        call(&app, &northwind, method, path, None, &member)
            .await
            .problem(404, types::NOT_FOUND);
    }
    call(
        &app,
        &contoso,
        Method::PUT,
        "/api/v1/support-users/{id}/role",
        Some(json!({ "role": "support_system_admin" })),
        &casey,
    )
    .await
    .problem(404, types::NOT_FOUND);
    let page = app
        .get("/api/v1/support-users?status=all&limit=200", Some(&contoso))
        .await
        .text();
    assert!(!page.contains("northwind"));
    let counts = app
        .get("/api/v1/support-users/counts", Some(&contoso))
        .await
        .json();
    assert_eq!(counts["support_system_admins"], 1);
    // Morgan Avery, Contoso's account of the person in both organisations.
    assert_eq!(counts["customer_support_admins"], 1);
    let r = app
        .get(&format!("/api/v1/support-users/{casey}"), Some(&northwind))
        .await;
    assert_eq!(r.status, StatusCode::OK);
}
