//! A whole journey with the request log on, then a look at everything logged meanwhile: no
//! password, session token, hand-off, invitation, host or agent token of the run may be in it.

use std::time::Duration;

use serde_json::{json, Value};

use super::*;
use crate::config::{ChatHours, Secret};
use crate::log::captured;

/// Random, so that only this run could have logged them.
fn secret(what: &str) -> String {
    format!("{what}-{}", random_token(18))
}

/// The invitation token of the last mail to `email` (mail is written in the background).
async fn invitation_token(app: &TestApp, email: &str) -> String {
    let dir = app.state.mailer.dir().unwrap().to_path_buf();
    let marker = "/set-password#token=";
    for _ in 0..100 {
        for entry in std::fs::read_dir(&dir).into_iter().flatten() {
            let text = std::fs::read_to_string(entry.unwrap().path()).unwrap_or_default();
            if let (true, Some(at)) = (text.contains(email), text.find(marker)) {
                let rest = &text[at + marker.len()..];
                return rest
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_'))
                    .collect();
            }
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    panic!("no invitation mail to {email} in {}", dir.display());
}

/// The session token a response sets.
fn session_of(r: &Reply) -> String {
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    let pair = cookie_pair(r.header(header::SET_COOKIE));
    pair.strip_prefix("sp_session=").unwrap().to_string()
}

#[tokio::test]
async fn a_whole_journey_logs_no_password_and_no_token() {
    let (host_token, agent_token) = (secret("host"), secret("agent"));
    let app = TestApp::with_config(Config {
        log_requests: true,
        public_url: Some("https://portal.test".into()),
        host_token: Some(Secret(host_token.clone())),
        agent_token: Some(Secret(agent_token.clone())),
        chat_hours: ChatHours::Always,
        ..TestApp::config()
    });
    let mark = captured::mark();
    let mut secrets = vec![
        DEMO_PASSWORD.to_string(),
        host_token.clone(),
        agent_token.clone(),
    ];

    // Sign-ins: a wrong password, then the right one.
    let wrong = secret("wrong-password");
    let r = app.sign_in_as(SYSADMIN, &wrong).await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    secrets.push(wrong);
    let admin = session_of(&app.sign_in_as(SYSADMIN, DEMO_PASSWORD).await);
    let admin_cookie = format!("sp_session={admin}");
    secrets.push(admin);

    // A hand-off, used once, then refused.
    let r = app.mint(&host_token, MEMBER).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
    let handoff = r.json()["token"].as_str().unwrap().to_string();
    let exchange = json!({ "token": handoff });
    let path = "/api/v1/session/handoff";
    let member = session_of(
        &app.call(Method::POST, path, Some(exchange.clone()), None)
            .await,
    );
    let again = app.call(Method::POST, path, Some(exchange), None).await;
    assert_eq!(again.status, StatusCode::UNAUTHORIZED, "{}", again.text());
    let member_cookie = format!("sp_session={member}");
    secrets.extend([handoff, member]);

    // An invitation, accepted, then its new password signs in.
    let body =
        json!({"email": "lee@example.com", "name": "Lee Wong", "role": "customer_support_admin"});
    let r = app
        .req(
            Method::POST,
            "/api/v1/support-users",
            Some(body),
            &admin_cookie,
            &[],
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
    let invitation = invitation_token(&app, "lee@example.com").await;
    let password = secret("new-password");
    let body = json!({ "token": invitation, "password": password });
    let r = app
        .call(Method::POST, "/api/v1/invitations/accept", Some(body), None)
        .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text());
    let lee = session_of(&app.sign_in_as("lee@example.com", &password).await);
    secrets.extend([invitation, password, lee.clone()]);
    let support = session_of(&app.sign_in_as(SUPPORT_ADMIN, DEMO_PASSWORD).await);
    let support_cookie = format!("sp_session={support}");
    secrets.push(support);

    // A case, a chat message, the agent's answer; a query string carrying a token.
    let case = json!({
        "product": "analytics", "priority": "p3", "title": "Numbers", "description": "Wrong since Monday.",
        "contact_phone": "+44 20 7946 0000", "time_zone": "Europe/London",
    });
    let r = app
        .req(
            Method::POST,
            "/api/v1/cases",
            Some(case),
            &support_cookie,
            &[("idempotency-key", "journey-case-1")],
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
    let chat =
        json!({"product": "analytics", "topic": "Numbers", "summary": "No data since Monday."});
    let r = app
        .req(
            Method::POST,
            "/api/v1/chats",
            Some(chat),
            &support_cookie,
            &[],
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
    let chat: Value = r.json();
    let id = chat["id"].as_str().unwrap();
    let message = json!({"id": "message-0001", "body": "Hello"});
    let path = format!("/api/v1/chats/{id}/messages");
    let r = app
        .req(Method::POST, &path, Some(message), &support_cookie, &[])
        .await;
    assert!(r.status.is_success(), "{}", r.text());
    let auth = format!("Bearer {agent_token}");
    let path = format!("/agent/v1/chats/{id}/accept");
    let r = app
        .req(
            Method::POST,
            &path,
            Some(json!({"agent": "Priya"})),
            "",
            &[("authorization", &auth)],
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    let leaky = format!("/api/v1/cases?q={}", secrets[3]);
    assert_eq!(
        app.get(&leaky, Some(&support_cookie)).await.status,
        StatusCode::OK
    );
    for cookie in [member_cookie, format!("sp_session={lee}")] {
        let r = app.get("/api/v1/session", Some(&cookie)).await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    }

    let log = captured::since(mark);
    // The log did see the journey (else the test proves nothing)...
    for line in [
        "request method=POST path=/api/v1/session status=401",
        "request method=POST path=/api/v1/session/handoff status=200",
        "request method=POST path=/api/v1/invitations/accept status=204",
        &format!("request method=POST path=/agent/v1/chats/{id}/accept status=200"),
        "request method=GET path=/api/v1/cases status=200",
    ] {
        assert!(log.contains(line), "no `{line}` in:\n{log}");
    }
    // ...and none of its secrets.
    for s in &secrets {
        assert!(!log.contains(s.as_str()), "`{s}` is in the log:\n{log}");
    }
}
