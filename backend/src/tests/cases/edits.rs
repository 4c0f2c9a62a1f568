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
