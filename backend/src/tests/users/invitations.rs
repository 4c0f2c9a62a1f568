//! The set-password page's two calls: public, once per link, until the link expires.

use axum::http::{Method, StatusCode};
use support_contract::problem_types as types;

use super::*;

#[tokio::test]
async fn an_invitation_sets_a_password_once() {
    let app = TestApp::with_mail();
    let cookie = app.cookie_for(SYSADMIN).await;
    let (u, token) = app.invited(&cookie, "lee@example.com", "Lee Wong").await;
    let r = app.inspect(&token).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    let inv = r.json();
    assert_eq!(inv["email"], "lee@example.com");
    assert_eq!(inv["name"], "Lee Wong");
    assert_eq!(inv["organisation"], "Northwind Traders");
    assert_eq!(inv["role"], "customer_support_admin");
    assert!(inv["expires_at"].is_string());
    app.sign_in_as("lee@example.com", "a long enough password")
        .await
        .problem(401, types::INVALID_CREDENTIALS);

    for (password, code) in [("short", "too_short"), ("lee@example.com", "same_as_email")] {
        let p = app
            .accept(&token, password)
            .await
            .problem(400, types::VALIDATION);
        assert_eq!(
            (&p["errors"][0]["field"], &p["errors"][0]["code"]),
            (&json!("password"), &json!(code))
        );
    }
    let r = app.accept(&token, "a long enough password").await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text());
    let r = app
        .sign_in_as("lee@example.com", "a long enough password")
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    let now = app
        .support_user(&cookie, u["id"].as_str().unwrap())
        .await
        .json();
    assert_eq!(now["status"], "active");
    assert!(now["version"].as_i64() > u["version"].as_i64());

    app.accept(&token, "another long password")
        .await
        .problem(410, types::INVITATION_INVALID);
    app.inspect(&token)
        .await
        .problem(410, types::INVITATION_INVALID);
    app.inspect("never-issued")
        .await
        .problem(410, types::INVITATION_INVALID);
    app.call(
        Method::POST,
        "/api/v1/invitations/inspect",
        Some(json!({})),
        None,
    )
    .await
    .problem(410, types::INVITATION_INVALID);

    let log = app
        .get(
            "/api/v1/audit-log?action=invitation_accepted",
            Some(&cookie),
        )
        .await
        .json();
    let entry = &log["items"][0];
    assert_eq!(entry["actor"]["email"], "lee@example.com");
    assert_eq!(entry["target"]["email"], "lee@example.com");
    assert_eq!(entry["after"]["status"], "active");
}

#[tokio::test]
async fn an_expired_or_replaced_link_no_longer_works() {
    let app = TestApp::with_mail();
    let cookie = app.cookie_for(SYSADMIN).await;
    let (_, token) = app.invited(&cookie, "old@example.com", "Old Link").await;
    app.state
        .db
        .conn()
        .execute("UPDATE invitations SET expires_at = 1", [])
        .unwrap();
    app.inspect(&token)
        .await
        .problem(410, types::INVITATION_INVALID);
    app.accept(&token, "a long enough password")
        .await
        .problem(410, types::INVITATION_INVALID);
}

#[tokio::test]
async fn the_links_work_for_the_configured_number_of_days() {
    let app = TestApp::with_config(Config {
        invitation_days: 2,
        public_url: Some(PUBLIC_URL.into()),
        ..TestApp::config()
    });
    let cookie = app.cookie_for(SYSADMIN).await;
    app.created(
        &cookie,
        "two@example.com",
        "Two Days",
        "customer_support_admin",
    )
    .await;
    let mail = &app.mails_to("two@example.com")[0];
    assert!(mail.contains("within 2 days"), "{mail}");
    let (created, expires): (i64, i64) = app
        .state
        .db
        .conn()
        .query_row("SELECT created_at, expires_at FROM invitations", [], |r| {
            Ok((r.get("created_at")?, r.get("expires_at")?))
        })
        .unwrap();
    assert_eq!(expires - created, 2 * 86_400);
}

#[tokio::test]
async fn the_invitation_calls_refuse_foreign_origins() {
    let app = TestApp::with_mail();
    for path in ["/api/v1/invitations/inspect", "/api/v1/invitations/accept"] {
        app.req(
            Method::POST,
            path,
            Some(json!({ "token": "t", "password": "a long enough password" })),
            "",
            &[("origin", "https://evil.example")],
        )
        .await
        .problem(403, types::CROSS_ORIGIN);
    }
}

#[tokio::test]
async fn choosing_a_password_ends_every_session_the_person_had_open() {
    let app = TestApp::with_mail();
    let admin = app.cookie_for(SYSADMIN).await;
    // Contoso's administrator, signed in to Contoso in two browsers, is invited to Northwind.
    let first = app.cookie_for(OTHER_ORG_ADMIN).await;
    let second = app.cookie_for(OTHER_ORG_ADMIN).await;
    app.created(
        &admin,
        OTHER_ORG_ADMIN,
        "Robin Diaz",
        "customer_support_admin",
    )
    .await;
    assert_eq!(
        app.get("/api/v1/session", Some(&first)).await.status,
        StatusCode::OK,
        "an invitation alone ends nothing"
    );

    let token = app.invitation_token(OTHER_ORG_ADMIN);
    let r = app.accept(&token, "A brand new passphrase").await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text());
    for cookie in [&first, &second] {
        app.get("/api/v1/session", Some(cookie))
            .await
            .problem(401, types::UNAUTHENTICATED);
    }
    assert_eq!(
        app.get("/api/v1/session", Some(&admin)).await.status,
        StatusCode::OK,
        "other people stay signed in"
    );
    let again = app
        .sign_in_as(OTHER_ORG_ADMIN, "A brand new passphrase")
        .await;
    assert_eq!(again.status, StatusCode::OK, "{}", again.text());
}
