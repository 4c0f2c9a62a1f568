//! Working a case: the version on close and reopen, the reopen window, urgency and calls.

use axum::http::{Method, StatusCode};
use serde_json::json;
use support_contract::problem_types as types;

use super::*;

#[tokio::test]
async fn close_and_reopen_need_the_current_version() {
    let app = TestApp::new();
    let cookie = app.cookie_for(SUPPORT_ADMIN).await;
    let case = app.file(&cookie, new_case("Close me")).await;
    let id = case["id"].as_str().unwrap();
    let close = format!("/api/v1/cases/{id}/close");
    app.req(Method::POST, &close, None, &cookie, &[])
        .await
        .problem(428, types::PRECONDITION_FAILED);
    app.req(
        Method::POST,
        &close,
        None,
        &cookie,
        &[("if-match", "\"999\"")],
    )
    .await
    .problem(412, types::PRECONDITION_FAILED);
    let tag = format!("\"{}\"", case["version"]);
    let r = app
        .req(Method::POST, &close, None, &cookie, &[("if-match", &tag)])
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    let closed = r.json();
    assert_eq!(closed["status"], "closed");
    assert_eq!(closed["allowed_actions"], json!(["reopen"]));
    assert_ne!(etag(&r), tag);
    // The old version is stale now; closing twice is not a transition.
    app.req(Method::POST, &close, None, &cookie, &[("if-match", &tag)])
        .await
        .problem(412, types::PRECONDITION_FAILED);
    app.req(
        Method::POST,
        &close,
        None,
        &cookie,
        &[("if-match", &etag(&r))],
    )
    .await
    .problem(409, types::TRANSITION_NOT_ALLOWED);
    app.req(
        Method::POST,
        &format!("/api/v1/cases/{id}/comments"),
        Some(json!({"body": "hello?"})),
        &cookie,
        &[],
    )
    .await
    .problem(409, types::TRANSITION_NOT_ALLOWED);

    let reopen = format!("/api/v1/cases/{id}/reopen");
    let r = app
        .req(
            Method::POST,
            &reopen,
            None,
            &cookie,
            &[("if-match", &etag(&r))],
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    assert_eq!(r.json()["status"], "in_progress");

    // Closed fifteen days ago: too late.
    let r = app
        .req(
            Method::POST,
            &close,
            None,
            &cookie,
            &[("if-match", &etag(&r))],
        )
        .await;
    app.state
        .db
        .conn()
        .execute(
            "UPDATE cases SET closed_at = closed_at - 15 * 86400 WHERE id = ?1",
            [id],
        )
        .unwrap();
    app.req(
        Method::POST,
        &reopen,
        None,
        &cookie,
        &[("if-match", &etag(&r))],
    )
    .await
    .problem(409, types::REOPEN_WINDOW_PASSED);
    let thread = app
        .get(&format!("/api/v1/cases/{id}/thread"), Some(&cookie))
        .await
        .json();
    let kinds: Vec<&str> = thread
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        [
            "case_filed",
            "status_changed",
            "status_changed",
            "status_changed"
        ]
    );
    let after = app
        .get(&format!("/api/v1/cases/{id}/thread?after=3"), Some(&cookie))
        .await
        .json();
    assert_eq!(after.as_array().unwrap().len(), 1);
    assert_eq!(after[0]["seq"], 4);
}

#[tokio::test]
async fn a_reply_sent_again_with_its_key_is_posted_once() {
    let app = TestApp::new();
    let cookie = app.cookie_for(SUPPORT_ADMIN).await;
    let case = app.file(&cookie, new_case("Reply twice")).await;
    let id = case["id"].as_str().unwrap();
    let comments = format!("/api/v1/cases/{id}/comments");
    let send = |headers: &'static [(&'static str, &'static str)]| {
        app.req(
            Method::POST,
            &comments,
            Some(json!({ "body": "Same words" })),
            &cookie,
            headers,
        )
    };
    let first = send(&[("idempotency-key", "k-1")]).await;
    assert_eq!(first.status, StatusCode::CREATED, "{}", first.text());
    let again = send(&[("idempotency-key", "k-1")]).await;
    assert_eq!(again.status, StatusCode::OK, "{}", again.text());
    assert_eq!(again.json()["id"], first.json()["id"]);
    // A new key is a new reply, even with the same words; no key is one reply a send.
    let other_key = send(&[("idempotency-key", "k-2")]).await;
    assert_eq!(other_key.status, StatusCode::CREATED);
    assert_eq!(send(&[]).await.status, StatusCode::CREATED);
    assert_eq!(send(&[]).await.status, StatusCode::CREATED);
    // Another user's identical key is theirs, not a replay of this one's reply.
    let member = app.cookie_for(SYSADMIN).await;
    let theirs = app
        .req(
            Method::POST,
            &comments,
            Some(json!({ "body": "Mine" })),
            &member,
            &[("idempotency-key", "k-1")],
        )
        .await;
    assert_eq!(theirs.status, StatusCode::CREATED, "{}", theirs.text());
    // Another organisation's administrator learns nothing from a key.
    let other = app.cookie_for(OTHER_ORG_ADMIN).await;
    app.req(
        Method::POST,
        &comments,
        Some(json!({ "body": "x" })),
        &other,
        &[("idempotency-key", "k-1")],
    )
    .await
    .problem(404, types::NOT_FOUND);
    let thread = app
        .get(&format!("/api/v1/cases/{id}/thread"), Some(&cookie))
        .await
        .json();
    let replies = thread
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["kind"] == "comment")
        .count();
    assert_eq!(replies, 5);
    let long = "k".repeat(201);
    app.req(
        Method::POST,
        &comments,
        Some(json!({ "body": "x" })),
        &cookie,
        &[("idempotency-key", &long)],
    )
    .await
    .problem(400, types::VALIDATION);
}

#[tokio::test]
async fn urgency_changes_once_per_day_and_calls_follow_the_priority() {
    let app = TestApp::new();
    let cookie = app.cookie_for(SUPPORT_ADMIN).await;
    let case = app.file(&cookie, new_case("Escalate me")).await;
    let id = case["id"].as_str().unwrap();
    let path = format!("/api/v1/cases/{id}/urgency");
    let tag = format!("\"{}\"", case["version"]);
    let p = app
        .req(
            Method::POST,
            &path,
            Some(json!({"priority": "p3", "reason": ""})),
            &cookie,
            &[("if-match", &tag)],
        )
        .await
        .problem(400, types::VALIDATION);
    assert_eq!(p["errors"].as_array().unwrap().len(), 2, "{p}");
    let r = app
        .req(
            Method::POST,
            &path,
            Some(json!({"priority": "p2", "reason": "Month-end close is blocked"})),
            &cookie,
            &[("if-match", &tag)],
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    assert_eq!(r.json()["priority"], "p2");
    assert!(!r.json()["allowed_actions"]
        .as_array()
        .unwrap()
        .contains(&json!("request_urgency_change")));
    let p = app
        .req(
            Method::POST,
            &path,
            Some(json!({"priority": "p1", "reason": "Worse now"})),
            &cookie,
            &[("if-match", &etag(&r))],
        )
        .await
        .problem(429, types::URGENCY_CHANGE_TOO_SOON);
    assert!(p["retry_after"].as_u64().unwrap() > 86_000);

    let calls = format!("/api/v1/cases/{id}/call-requests");
    let p = app
        .req(
            Method::POST,
            &calls,
            Some(json!({"phone": "+44 20 7946 0000", "when": {"type": "immediate"}})),
            &cookie,
            &[],
        )
        .await
        .problem(400, types::VALIDATION);
    assert_eq!(p["errors"][0]["code"], "scheduled_required");
    let p = app
        .req(
            Method::POST,
            &calls,
            Some(json!({"phone": "+44 20 7946 0000", "when": {"type": "scheduled", "at": "2001-01-01T00:00:00Z"}})),
            &cookie,
            &[],
        )
        .await
        .problem(400, types::VALIDATION);
    assert_eq!(p["errors"][0]["code"], "must_be_future");
    let r = app
        .req(
            Method::POST,
            &calls,
            Some(json!({"phone": "+44 20 7946 0000", "when": {"type": "scheduled", "at": "2999-01-01T09:00:00Z"}})),
            &cookie,
            &[],
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
    assert_eq!(r.json()["kind"], "call_requested");

    let mut minor = new_case("Minor");
    minor["priority"] = json!("p4");
    let minor = app.file(&cookie, minor).await;
    let p = app
        .req(
            Method::POST,
            &format!(
                "/api/v1/cases/{}/call-requests",
                minor["id"].as_str().unwrap()
            ),
            Some(json!({"phone": "+44 20 7946 0000", "when": {"type": "immediate"}})),
            &cookie,
            &[],
        )
        .await
        .problem(400, types::VALIDATION);
    assert_eq!(p["errors"][0]["code"], "not_available");
}
