//! Hand-off: a host mints a single-use token for its signed-in user, the portal exchanges it for
//! a session.

use std::time::Duration;

use axum::http::{header, Method, StatusCode};
use serde_json::json;
use support_contract::{problem_types as types, Handoff, Session};

use super::*;
use crate::config::Secret;

const HOST_TOKEN: &str = "host-s3cret";

fn host_app(handoff_seconds: u32) -> TestApp {
    TestApp::with_config(Config {
        host_token: Some(Secret(HOST_TOKEN.into())),
        handoff_seconds,
        ..TestApp::config()
    })
}

impl TestApp {
    /// A hand-off token for an email, minted with the right host token.
    async fn handoff_token(&self, email: &str) -> String {
        let r = self.mint(HOST_TOKEN, email).await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
        let handoff: Handoff = serde_json::from_slice(&r.body).unwrap();
        handoff.token
    }

    /// `POST /api/v1/session/handoff` with a token.
    async fn exchange(&self, token: &str) -> Reply {
        self.call(
            Method::POST,
            "/api/v1/session/handoff",
            Some(json!({ "token": token })),
            None,
        )
        .await
    }
}

#[tokio::test]
async fn a_minted_token_signs_its_user_in_once() {
    let app = host_app(60);
    let r = app.mint(HOST_TOKEN, "  Support@Northwind.example ").await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
    let handoff: Handoff = serde_json::from_slice(&r.body).unwrap();
    assert_eq!(handoff.expires_in, 60);
    assert!(handoff.token.len() >= 43, "at least 256 bits");

    let r = app.exchange(&handoff.token).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    let set_cookie = r.header(header::SET_COOKIE);
    for attr in ["sp_session=", "HttpOnly", "SameSite=Lax", "Max-Age=28800"] {
        assert!(
            set_cookie.contains(attr),
            "{attr} missing from {set_cookie}"
        );
    }
    let session: Session = serde_json::from_slice(&r.body).unwrap();
    assert_eq!(session.user.email, SUPPORT_ADMIN);

    let cookie = cookie_pair(set_cookie);
    let r = app.get("/api/v1/session", Some(&cookie)).await;
    assert_eq!(r.status, StatusCode::OK);
    let again: Session = serde_json::from_slice(&r.body).unwrap();
    assert_eq!(again.user.id, session.user.id);

    let p = app
        .exchange(&handoff.token)
        .await
        .problem(401, types::INVALID_HANDOFF);
    assert_eq!(p["title"], "Hand-off refused");
    assert!(p["detail"].as_str().unwrap().contains("already used"));
}

#[tokio::test]
async fn unknown_and_expired_tokens_are_refused_alike() {
    let app = host_app(1);
    let unknown = app
        .exchange("not-a-token")
        .await
        .problem(401, types::INVALID_HANDOFF);
    let token = app.handoff_token(MEMBER).await;
    app.state.handoffs.advance(Duration::from_millis(1_100));
    let expired = app
        .exchange(&token)
        .await
        .problem(401, types::INVALID_HANDOFF);
    assert_eq!(unknown, expired);
    let fresh = app.handoff_token(MEMBER).await;
    assert_eq!(app.exchange(&fresh).await.status, StatusCode::OK);
}

#[tokio::test]
async fn the_host_token_is_required() {
    let app = host_app(60);
    for wrong in ["", "host-s3cre", "demo-host-token"] {
        app.mint(wrong, SYSADMIN)
            .await
            .problem(401, types::UNAUTHENTICATED);
    }
    // A session is not a host token.
    let cookie = app.cookie_for(SYSADMIN).await;
    app.call(
        Method::POST,
        "/api/v1/host/handoff",
        Some(json!({ "email": SYSADMIN })),
        Some(&cookie),
    )
    .await
    .problem(401, types::UNAUTHENTICATED);
}

#[tokio::test]
async fn without_a_host_token_configured_there_is_no_host_api() {
    let app = TestApp::new();
    app.mint(HOST_TOKEN, SYSADMIN)
        .await
        .problem(404, types::NOT_FOUND);
    app.mint("", SYSADMIN).await.problem(404, types::NOT_FOUND);
}

#[tokio::test]
async fn the_email_must_name_an_active_user() {
    let app = host_app(60);
    let p = app
        .mint(HOST_TOKEN, " ")
        .await
        .problem(400, types::VALIDATION);
    assert_eq!(field_codes(&p), ["email:required"]);
    let r = app
        .req(
            Method::POST,
            "/api/v1/host/handoff",
            Some(json!({})),
            "",
            &[("authorization", &format!("Bearer {HOST_TOKEN}"))],
        )
        .await;
    assert_eq!(
        field_codes(&r.problem(400, types::VALIDATION)),
        ["email:required"]
    );
    let unknown = app
        .mint(HOST_TOKEN, "nobody@northwind.example")
        .await
        .problem(404, types::NOT_FOUND);
    // An invited user has not chosen a password yet: not active, and not told apart.
    let invited = app
        .mint(HOST_TOKEN, INVITED)
        .await
        .problem(404, types::NOT_FOUND);
    assert_eq!(unknown, invited);
}

#[tokio::test]
async fn a_missing_token_is_a_field_error() {
    let app = host_app(60);
    let r = app
        .call(
            Method::POST,
            "/api/v1/session/handoff",
            Some(json!({})),
            None,
        )
        .await;
    assert_eq!(
        field_codes(&r.problem(400, types::VALIDATION)),
        ["token:required"]
    );
}

#[tokio::test]
async fn a_user_removed_after_the_mint_is_not_signed_in() {
    let app = host_app(60);
    let token = app.handoff_token(MEMBER).await;
    app.state
        .db
        .conn()
        .execute(
            "UPDATE users SET status = 'removed' WHERE email = ?1",
            [MEMBER],
        )
        .unwrap();
    let r = app.exchange(&token).await;
    r.problem(401, types::INVALID_HANDOFF);
    assert!(r.headers.get(header::SET_COOKIE).is_none());
    let sessions = app.session_count();
    assert_eq!(sessions, 0, "no session is left behind");
}

impl TestApp {
    /// A hand-off token minted for the person's account in an organisation (by id).
    async fn mint_in(&self, email: &str, organisation: &str) -> Reply {
        self.req(
            Method::POST,
            "/api/v1/host/handoff",
            Some(json!({ "email": email, "organisation": organisation })),
            "",
            &[("authorization", &format!("Bearer {HOST_TOKEN}"))],
        )
        .await
    }

    /// The organisation a hand-off token signs in to, exchanging it.
    async fn organisation_of(&self, token: &str) -> String {
        let r = self.exchange(token).await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.text());
        let session: Session = serde_json::from_slice(&r.body).unwrap();
        session.organisation.name
    }
}

#[tokio::test]
async fn a_hand_off_for_an_organisation_signs_the_person_in_there() {
    let app = host_app(60);
    let org = |name: &str| {
        app.state
            .db
            .conn()
            .query_row(
                "SELECT id FROM organisations WHERE name = ?1",
                [name],
                |r| r.get::<_, String>("id"),
            )
            .unwrap()
    };
    // Without an organisation, as a sign-in picks: none used yet, so the first by name.
    let token = app.handoff_token(MULTI_ORG).await;
    assert_eq!(app.organisation_of(&token).await, "Contoso Ltd");

    let r = app.mint_in(MULTI_ORG, &org("Northwind Traders")).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
    let handoff: Handoff = serde_json::from_slice(&r.body).unwrap();
    let r = app.exchange(&handoff.token).await;
    let session: Session = serde_json::from_slice(&r.body).unwrap();
    assert_eq!(session.organisation.name, "Northwind Traders");
    assert_eq!(
        session.user.id,
        app.account_in(MULTI_ORG, "Northwind Traders")
    );
    // Now Northwind was used last; an empty organisation is none.
    let r = app.mint_in(MULTI_ORG, " ").await;
    let handoff: Handoff = serde_json::from_slice(&r.body).unwrap();
    assert_eq!(
        app.organisation_of(&handoff.token).await,
        "Northwind Traders"
    );

    // An organisation the person is not in, or that does not exist: not found alike.
    let elsewhere = app
        .mint_in(MULTI_ORG, &org("Fabrikam Inc"))
        .await
        .problem(404, types::NOT_FOUND);
    let unknown = app
        .mint_in(MULTI_ORG, "org_nowhere")
        .await
        .problem(404, types::NOT_FOUND);
    assert_eq!(elsewhere, unknown);
    app.mint_in(SYSADMIN, &org("Contoso Ltd"))
        .await
        .problem(404, types::NOT_FOUND);
}
