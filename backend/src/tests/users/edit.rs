//! Role changes and removal: If-Match, the last administrator, self-removal, ended sessions.

use axum::http::{Method, StatusCode};
use serde_json::json;
use support_contract::problem_types as types;

use super::*;

async fn put_role(
    app: &TestApp,
    cookie: &str,
    id: &str,
    role: &str,
    if_match: Option<&str>,
) -> Reply {
    let headers: Vec<(&str, &str)> = if_match.map(|v| ("if-match", v)).into_iter().collect();
    app.req(
        Method::PUT,
        &format!("/api/v1/support-users/{id}/role"),
        Some(json!({ "role": role })),
        cookie,
        &headers,
    )
    .await
}

async fn delete(app: &TestApp, cookie: &str, id: &str, if_match: Option<&str>) -> Reply {
    let headers: Vec<(&str, &str)> = if_match.map(|v| ("if-match", v)).into_iter().collect();
    app.request(
        Method::DELETE,
        &format!("/api/v1/support-users/{id}"),
        None,
        cookie,
        &headers,
    )
    .await
}

#[tokio::test]
async fn a_role_changes_with_the_current_version_only() {
    let app = TestApp::new();
    let cookie = app.cookie_for(SYSADMIN).await;
    let casey = app.user_id(SUPPORT_ADMIN);
    let tag = etag(&app.support_user(&cookie, &casey).await);
    put_role(&app, &cookie, &casey, "support_system_admin", None)
        .await
        .problem(428, types::PRECONDITION_FAILED);
    put_role(&app, &cookie, &casey, "owner", Some(&tag))
        .await
        .problem(400, types::VALIDATION);
    let r = put_role(&app, &cookie, &casey, "support_system_admin", Some(&tag)).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    assert_eq!(r.json()["role"], "support_system_admin");
    let new_tag = etag(&r);
    assert_ne!(new_tag, tag);
    put_role(&app, &cookie, &casey, "customer_support_admin", Some(&tag))
        .await
        .problem(412, types::PRECONDITION_FAILED);
    // The same role again is no change: same version.
    let same = put_role(
        &app,
        &cookie,
        &casey,
        "support_system_admin",
        Some(&new_tag),
    )
    .await;
    assert_eq!(
        (same.status, etag(&same)),
        (StatusCode::OK, new_tag.clone())
    );
    // Casey now manages users.
    let casey_cookie = app.cookie_for(SUPPORT_ADMIN).await;
    assert_eq!(
        app.get("/api/v1/support-users", Some(&casey_cookie))
            .await
            .status,
        StatusCode::OK
    );
    let log = app
        .get("/api/v1/audit-log?action=role_changed", Some(&cookie))
        .await
        .json();
    assert_eq!(log["items"].as_array().unwrap().len(), 1);
    assert_eq!(log["items"][0]["before"]["role"], "customer_support_admin");
    assert_eq!(log["items"][0]["after"]["role"], "support_system_admin");
    assert_eq!(log["items"][0]["actor"]["email"], SYSADMIN);
}

#[tokio::test]
async fn the_last_active_system_administrator_stays() {
    let app = TestApp::new();
    let cookie = app.cookie_for(SYSADMIN).await;
    let alex = app.user_id(SYSADMIN);
    let tag = etag(&app.support_user(&cookie, &alex).await);
    put_role(&app, &cookie, &alex, "customer_support_admin", Some(&tag))
        .await
        .problem(409, types::LAST_SYSTEM_ADMIN);
    delete(&app, &cookie, &alex, Some(&tag))
        .await
        .problem(409, types::SELF_REMOVAL);
    // An invited administrator does not count: Jordan made one changes nothing.
    let jordan = app.user_id(INVITED);
    let jtag = etag(&app.support_user(&cookie, &jordan).await);
    let r = put_role(&app, &cookie, &jordan, "support_system_admin", Some(&jtag)).await;
    assert_eq!(r.status, StatusCode::OK);
    put_role(&app, &cookie, &alex, "customer_support_admin", Some(&tag))
        .await
        .problem(409, types::LAST_SYSTEM_ADMIN);
    // With a second active one, Alex may step down.
    let casey = app.user_id(SUPPORT_ADMIN);
    let ctag = etag(&app.support_user(&cookie, &casey).await);
    put_role(&app, &cookie, &casey, "support_system_admin", Some(&ctag)).await;
    let r = put_role(&app, &cookie, &alex, "customer_support_admin", Some(&tag)).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    // And Alex no longer manages users: the next call is refused.
    app.get("/api/v1/support-users", Some(&cookie))
        .await
        .problem(403, types::FORBIDDEN);
}

#[tokio::test]
async fn a_removed_user_is_signed_out_at_once_and_cannot_sign_in() {
    let app = TestApp::new();
    let cookie = app.cookie_for(SYSADMIN).await;
    let taylor_cookie = app.cookie_for("taylor.brooks@northwind.example").await;
    assert_eq!(
        app.get("/api/v1/session", Some(&taylor_cookie))
            .await
            .status,
        StatusCode::OK
    );
    let taylor = app.user_id("taylor.brooks@northwind.example");
    let tag = etag(&app.support_user(&cookie, &taylor).await);
    delete(&app, &cookie, &taylor, None)
        .await
        .problem(428, types::PRECONDITION_FAILED);
    delete(&app, &cookie, &taylor, Some("\"999\""))
        .await
        .problem(412, types::PRECONDITION_FAILED);
    let r = delete(&app, &cookie, &taylor, Some(&tag)).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    let removed = r.json();
    assert_eq!(removed["status"], "removed");
    assert_eq!(
        removed["role"], "customer_support_admin",
        "kept for the record"
    );
    app.get("/api/v1/session", Some(&taylor_cookie))
        .await
        .problem(401, types::UNAUTHENTICATED);
    app.sign_in_as("taylor.brooks@northwind.example", DEMO_PASSWORD)
        .await
        .problem(401, types::INVALID_CREDENTIALS);
    let new_tag = etag(&r);
    delete(&app, &cookie, &taylor, Some(&new_tag))
        .await
        .problem(409, types::CONFLICT);
    put_role(
        &app,
        &cookie,
        &taylor,
        "support_system_admin",
        Some(&new_tag),
    )
    .await
    .problem(409, types::CONFLICT);
    // Listed only when asked for.
    let current = app.get("/api/v1/support-users", Some(&cookie)).await.text();
    assert!(!current.contains(&taylor));
    let removed = app
        .get("/api/v1/support-users?status=removed", Some(&cookie))
        .await
        .json();
    let names: Vec<&str> = removed["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Drew Quinn", "Taylor Brooks"]);
    let log = app
        .get("/api/v1/audit-log?action=user_removed", Some(&cookie))
        .await
        .json();
    assert_eq!(log["items"][0]["target"]["name"], "Taylor Brooks");
    assert_eq!(log["items"][0]["before"]["status"], "active");
    assert_eq!(log["items"][0]["after"]["status"], "removed");
}

#[tokio::test]
async fn removing_an_invited_user_ends_their_invitation() {
    let app = TestApp::with_mail();
    let cookie = app.cookie_for(SYSADMIN).await;
    let (u, token) = app.invited(&cookie, "kim@example.com", "Kim Lee").await;
    let tag = format!("\"{}\"", u["version"]);
    let r = delete(&app, &cookie, u["id"].as_str().unwrap(), Some(&tag)).await;
    assert_eq!(r.status, StatusCode::OK);
    app.inspect(&token)
        .await
        .problem(410, types::INVITATION_INVALID);
}
