//! Signing in and out, throttling and expiry.

use std::time::Duration;

use axum::http::{header, Method, StatusCode};
use support_contract::{capabilities_of, problem_types as types, Role, Session};

use super::*;
use crate::throttle::{MAX_FAILURES, WINDOW};

#[tokio::test]
async fn signing_in_sets_an_http_only_cookie_and_returns_the_session() {
    let app = TestApp::new();
    let r = app
        .sign_in_as("  SysAdmin@Northwind.example ", DEMO_PASSWORD)
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    let cookie = r.header(header::SET_COOKIE);
    for attr in [
        "sp_session=",
        "HttpOnly",
        "SameSite=Lax",
        "Path=/",
        "Max-Age=28800",
    ] {
        assert!(cookie.contains(attr), "{attr} missing from {cookie}");
    }
    assert!(!cookie.contains("Secure"));
    let token = cookie_pair(cookie)
        .trim_start_matches("sp_session=")
        .to_string();
    assert!(token.len() >= 43, "at least 256 bits");
    assert!(
        !r.text().contains(&token),
        "the token never appears in a body"
    );
    let session: Session = serde_json::from_slice(&r.body).unwrap();
    assert_eq!(session.user.name, "Alex Morgan");
    assert_eq!(session.organisation.name, "Northwind Traders");
    assert!(time::OffsetDateTime::parse(
        &session.expires_at,
        &time::format_description::well_known::Rfc3339
    )
    .is_ok());
}

#[tokio::test]
async fn secure_cookies_are_marked_secure() {
    let app = TestApp::with_config(Config {
        secure_cookies: true,
        ..Config::default()
    });
    let r = app.sign_in_as(MEMBER, DEMO_PASSWORD).await;
    assert!(r.header(header::SET_COOKIE).ends_with("; Secure"));
}

#[tokio::test]
async fn a_wrong_password_and_an_unknown_email_get_the_same_answer() {
    let app = TestApp::new();
    let wrong = app
        .sign_in_as(SYSADMIN, "not-the-password")
        .await
        .problem(401, types::INVALID_CREDENTIALS);
    let unknown = app
        .sign_in_as("nobody@northwind.example", DEMO_PASSWORD)
        .await
        .problem(401, types::INVALID_CREDENTIALS);
    assert_eq!(wrong, unknown);
}

#[tokio::test]
async fn an_invited_user_without_a_password_cannot_sign_in() {
    let app = TestApp::new();
    app.sign_in_as(INVITED, DEMO_PASSWORD)
        .await
        .problem(401, types::INVALID_CREDENTIALS);
    app.sign_in_as(INVITED, "")
        .await
        .problem(400, types::VALIDATION);
}

#[tokio::test]
async fn empty_or_missing_fields_are_required() {
    let app = TestApp::new();
    let r = app
        .call(
            Method::POST,
            "/api/v1/session",
            Some(serde_json::json!({ "email": " " })),
            None,
        )
        .await;
    let p = r.problem(400, types::VALIDATION);
    let fields: Vec<(&str, &str)> = p["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["field"].as_str().unwrap(), e["code"].as_str().unwrap()))
        .collect();
    assert_eq!(fields, [("email", "required"), ("password", "required")]);
}

#[tokio::test]
async fn repeated_failures_are_throttled_until_the_window_passes() {
    let app = TestApp::new();
    for _ in 0..MAX_FAILURES {
        app.sign_in_as(MEMBER, "guess")
            .await
            .problem(401, types::INVALID_CREDENTIALS);
    }
    let r = app.sign_in_as(MEMBER, DEMO_PASSWORD).await;
    let p = r.problem(429, types::TOO_MANY_ATTEMPTS);
    let retry_after = p["retry_after"].as_u64().unwrap();
    assert!(retry_after > 0 && retry_after <= WINDOW.as_secs());
    assert_eq!(r.header(header::RETRY_AFTER), retry_after.to_string());
    assert_eq!(
        app.sign_in_as(SUPPORT_ADMIN, DEMO_PASSWORD).await.status,
        StatusCode::OK,
        "other emails are unaffected"
    );

    app.state.throttle.advance(WINDOW + Duration::from_secs(1));
    assert_eq!(
        app.sign_in_as(MEMBER, DEMO_PASSWORD).await.status,
        StatusCode::OK
    );
}

#[tokio::test]
async fn a_success_resets_the_failure_count() {
    let app = TestApp::new();
    for _ in 0..MAX_FAILURES - 1 {
        app.sign_in_as(MEMBER, "guess").await;
    }
    assert_eq!(
        app.sign_in_as(MEMBER, DEMO_PASSWORD).await.status,
        StatusCode::OK
    );
    for _ in 0..MAX_FAILURES - 1 {
        app.sign_in_as(MEMBER, "guess").await;
    }
    assert_eq!(
        app.sign_in_as(MEMBER, DEMO_PASSWORD).await.status,
        StatusCode::OK
    );
}

#[tokio::test]
async fn the_session_reports_capabilities_by_role() {
    let app = TestApp::new();
    for (email, role) in [
        (SYSADMIN, Some(Role::SupportSystemAdmin)),
        (SUPPORT_ADMIN, Some(Role::CustomerSupportAdmin)),
        (MEMBER, None),
    ] {
        let cookie = app.cookie_for(email).await;
        let r = app.get("/api/v1/session", Some(&cookie)).await;
        let session: Session = serde_json::from_slice(&r.body).unwrap();
        assert_eq!(session.user.role, role);
        assert_eq!(session.capabilities, capabilities_of(role), "{email}");
    }
}

#[tokio::test]
async fn without_a_valid_cookie_there_is_no_session() {
    let app = TestApp::new();
    app.get("/api/v1/session", None)
        .await
        .problem(401, types::UNAUTHENTICATED);
    app.get("/api/v1/session", Some("sp_session=forged"))
        .await
        .problem(401, types::UNAUTHENTICATED);
}

#[tokio::test]
async fn an_expired_session_is_refused_and_deleted() {
    let app = TestApp::new();
    let cookie = app.cookie_for(MEMBER).await;
    app.state
        .db
        .conn()
        .execute("UPDATE sessions SET expires_at = 0", [])
        .unwrap();
    app.get("/api/v1/session", Some(&cookie))
        .await
        .problem(401, types::UNAUTHENTICATED);
    let left = app.session_count();
    assert_eq!(left, 0);
}

#[tokio::test]
async fn use_renews_the_session_and_its_cookie() {
    let app = TestApp::new();
    let cookie = app.cookie_for(MEMBER).await;
    let soon = crate::clock::now() + 5;
    app.state
        .db
        .conn()
        .execute("UPDATE sessions SET expires_at = ?1", [soon])
        .unwrap();
    let r = app.get("/api/v1/session", Some(&cookie)).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.header(header::SET_COOKIE).contains("Max-Age=28800"));
    let expires: i64 = app
        .state
        .db
        .conn()
        .query_row("SELECT expires_at FROM sessions", [], |r| {
            r.get("expires_at")
        })
        .unwrap();
    assert!(expires > soon + 60);
}

#[tokio::test]
async fn a_session_in_constant_use_still_ends_twelve_hours_after_sign_in() {
    let app = TestApp::new();
    let signed_in = app.sign_in_as(MEMBER, DEMO_PASSWORD).await;
    let cookie = cookie_pair(signed_in.header(header::SET_COOKIE));
    let opened: Session = serde_json::from_slice(&signed_in.body).unwrap();
    let idle_end = crate::clock::parse_rfc3339(&opened.expires_at).unwrap();
    let absolute_end = idle_end - 8 * 3600 + 12 * 3600;
    // Used every hour, so the eight-hour idle timeout never runs out.
    for hour in 1..=11 {
        app.state.clock.advance(Duration::from_secs(3600));
        let r = app.get("/api/v1/session", Some(&cookie)).await;
        assert_eq!(r.status, StatusCode::OK, "hour {hour}: {}", r.text());
    }
    // The last hour: neither the session nor its cookie promise more than what is left.
    let r = app.get("/api/v1/session", Some(&cookie)).await;
    let session: Session = serde_json::from_slice(&r.body).unwrap();
    assert_eq!(
        crate::clock::parse_rfc3339(&session.expires_at),
        Some(absolute_end)
    );
    let max_age: i64 = r
        .header(header::SET_COOKIE)
        .split("Max-Age=")
        .nth(1)
        .and_then(|v| v.split(';').next())
        .unwrap()
        .parse()
        .unwrap();
    assert!((3500..=3600).contains(&max_age), "Max-Age={max_age}");

    app.state.clock.advance(Duration::from_secs(3600));
    app.get("/api/v1/session", Some(&cookie))
        .await
        .problem(401, types::UNAUTHENTICATED);
}

#[tokio::test]
async fn a_shorter_absolute_lifetime_caps_the_first_cookie() {
    let app = TestApp::with_config(Config {
        session_max: Duration::from_secs(3600),
        ..TestApp::config()
    });
    let r = app.sign_in_as(MEMBER, DEMO_PASSWORD).await;
    assert!(r.header(header::SET_COOKIE).ends_with("Max-Age=3600"));
    let cookie = cookie_pair(r.header(header::SET_COOKIE));
    app.state.clock.advance(Duration::from_secs(3600));
    app.get("/api/v1/session", Some(&cookie))
        .await
        .problem(401, types::UNAUTHENTICATED);
}

#[tokio::test]
async fn signing_out_ends_the_session_and_clears_the_cookie() {
    let app = TestApp::new();
    let cookie = app.cookie_for(SYSADMIN).await;
    let r = app
        .call(Method::DELETE, "/api/v1/session", None, Some(&cookie))
        .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT);
    assert!(r.header(header::SET_COOKIE).contains("Max-Age=0"));
    app.get("/api/v1/session", Some(&cookie))
        .await
        .problem(401, types::UNAUTHENTICATED);
    let again = app
        .call(Method::DELETE, "/api/v1/session", None, Some(&cookie))
        .await;
    assert_eq!(
        again.status,
        StatusCode::NO_CONTENT,
        "signing out twice is fine"
    );
    assert_eq!(
        app.call(Method::DELETE, "/api/v1/session", None, None)
            .await
            .status,
        StatusCode::NO_CONTENT
    );
}
