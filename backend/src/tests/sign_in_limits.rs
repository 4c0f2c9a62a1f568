//! What a stranger can make the sign-in hold or refuse: field and body sizes, tokens, and the
//! throttle by account and by client address.

use std::net::SocketAddr;

use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{header, Method, Request, StatusCode};
use serde_json::json;
use support_contract::problem_types as types;

use super::*;
use crate::throttle::{MAX_ADDRESS_FAILURES, MAX_FAILURES};

/// `POST /session` as it arrives over a connection from `peer`, with extra headers.
async fn sign_in_from(
    app: &TestApp,
    peer: &str,
    headers: &[(&str, &str)],
    email: &str,
    password: &str,
) -> Reply {
    let body = json!({ "email": email, "password": password }).to_string();
    let mut req = Request::builder()
        .method(Method::POST)
        .uri("/api/v1/session")
        .header(header::HOST, "portal.test")
        .header(header::ORIGIN, "http://portal.test")
        .header(header::CONTENT_TYPE, "application/json");
    for (k, v) in headers {
        req = req.header(*k, *v);
    }
    let mut req = req.body(Body::from(body)).unwrap();
    let peer: SocketAddr = format!("{peer}:40000").parse().unwrap();
    req.extensions_mut().insert(ConnectInfo(peer));
    app.send(req).await
}

#[tokio::test]
async fn an_overlong_email_or_password_is_refused_and_nothing_is_remembered() {
    let app = TestApp::new();
    let long_email = format!("{}@northwind.example", "a".repeat(300));
    for _ in 0..3 {
        let p = app
            .sign_in_as(&long_email, "guess")
            .await
            .problem(400, types::VALIDATION);
        assert_eq!(field_codes(&p), ["email:too_long"]);
    }
    let p = app
        .sign_in_as(MEMBER, &"p".repeat(257))
        .await
        .problem(400, types::VALIDATION);
    assert_eq!(field_codes(&p), ["password:too_long"]);
    assert_eq!(app.state.throttle.tracked(), (0, 0), "no failure counted");
    // The longest allowed are only wrong, as any other guess.
    let longest = format!("{}@x.example", "a".repeat(254 - "@x.example".len()));
    app.sign_in_as(&longest, &"p".repeat(256))
        .await
        .problem(401, types::INVALID_CREDENTIALS);
}

#[tokio::test]
async fn a_json_body_over_one_mib_is_refused_before_it_is_read() {
    let app = TestApp::new();
    let huge = format!("{}@northwind.example", "a".repeat(1_900_000));
    let r = app.sign_in_as(&huge, "guess").await;
    let p = r.problem(413, types::VALIDATION);
    assert_eq!(p["detail"], "The request body is too large.");
    assert_eq!(app.state.throttle.tracked(), (0, 0));
}

#[tokio::test]
async fn overlong_tokens_are_refused_before_they_are_looked_up() {
    let app = TestApp::new();
    let token = "t".repeat(129);
    for path in [
        "/api/v1/session/handoff",
        "/api/v1/invitations/inspect",
        "/api/v1/invitations/accept",
    ] {
        let body = json!({ "token": token, "password": "A brand new passphrase" });
        let p = app
            .call(Method::POST, path, Some(body), None)
            .await
            .problem(400, types::VALIDATION);
        assert_eq!(field_codes(&p), ["token:too_long"], "{path}");
    }
    // A token of an allowed length is only unknown.
    let body = json!({ "token": "t".repeat(128) });
    app.call(Method::POST, "/api/v1/session/handoff", Some(body), None)
        .await
        .problem(401, types::INVALID_HANDOFF);
}

#[tokio::test]
async fn the_right_password_passes_a_lock_from_an_address_that_did_not_fail() {
    let app = TestApp::new();
    let guesser = "203.0.113.7";
    for _ in 0..MAX_FAILURES {
        sign_in_from(&app, guesser, &[], MEMBER, "guess")
            .await
            .problem(401, types::INVALID_CREDENTIALS);
    }
    sign_in_from(&app, guesser, &[], MEMBER, DEMO_PASSWORD)
        .await
        .problem(429, types::TOO_MANY_ATTEMPTS);
    let owner = sign_in_from(&app, "192.0.2.10", &[], MEMBER, DEMO_PASSWORD).await;
    assert_eq!(owner.status, StatusCode::OK, "{}", owner.text());
    // The owner's success forgives the account: the guesser starts again from zero.
    sign_in_from(&app, guesser, &[], MEMBER, "guess")
        .await
        .problem(401, types::INVALID_CREDENTIALS);
}

#[tokio::test]
async fn one_address_trying_many_emails_is_slowed_and_others_are_not() {
    let app = TestApp::new();
    let sprayer = "203.0.113.9";
    for i in 0..MAX_ADDRESS_FAILURES {
        sign_in_from(
            &app,
            sprayer,
            &[],
            &format!("user{i}@northwind.example"),
            "Winter2026!",
        )
        .await
        .problem(401, types::INVALID_CREDENTIALS);
    }
    let r = sign_in_from(&app, sprayer, &[], SUPPORT_ADMIN, DEMO_PASSWORD).await;
    let p = r.problem(429, types::TOO_MANY_ATTEMPTS);
    assert!(p["retry_after"].as_u64().unwrap() > 0);
    let other = sign_in_from(&app, "192.0.2.10", &[], SUPPORT_ADMIN, DEMO_PASSWORD).await;
    assert_eq!(other.status, StatusCode::OK, "{}", other.text());
}

#[tokio::test]
async fn forwarded_addresses_count_only_behind_a_trusted_proxy() {
    let proxy = "10.0.0.1";
    let app = TestApp::with_config(Config {
        trusted_proxies: vec![proxy.parse().unwrap()],
        ..TestApp::config()
    });
    let via = |client: &'static str| [("x-forwarded-for", client)];
    for _ in 0..MAX_FAILURES {
        sign_in_from(&app, proxy, &via("203.0.113.7"), MEMBER, "guess").await;
    }
    sign_in_from(&app, proxy, &via("203.0.113.7"), MEMBER, DEMO_PASSWORD)
        .await
        .problem(429, types::TOO_MANY_ATTEMPTS);
    // Another client behind the same proxy is another address.
    let owner = sign_in_from(&app, proxy, &via("192.0.2.10"), MEMBER, DEMO_PASSWORD).await;
    assert_eq!(owner.status, StatusCode::OK, "{}", owner.text());

    // Straight to the server, the header is the client's word: not believed.
    for _ in 0..MAX_FAILURES {
        sign_in_from(&app, "198.51.100.3", &via("192.0.2.99"), SYSADMIN, "guess").await;
    }
    sign_in_from(
        &app,
        "198.51.100.3",
        &via("192.0.2.200"),
        SYSADMIN,
        DEMO_PASSWORD,
    )
    .await
    .problem(429, types::TOO_MANY_ATTEMPTS);
}
