//! The agent API, and the automatic close of cases awaiting the customer.

use axum::http::{Method, StatusCode};
use serde_json::{json, Value};
use support_contract::problem_types as types;

use super::*;

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
    let now = crate::clock::now();
    let closed = crate::store::cases::auto_close(&mut app.state.db.conn(), 7, now).unwrap();
    assert_eq!(closed, 0, "not yet");
    app.state
        .db
        .conn()
        .execute(
            "UPDATE cases SET status_changed_at = status_changed_at - 8 * 86400 WHERE id = ?1",
            [id],
        )
        .unwrap();
    let closed = crate::store::cases::auto_close(&mut app.state.db.conn(), 7, now).unwrap();
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
