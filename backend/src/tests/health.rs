//! The operators' probes: `/healthz` (the process answers) and `/readyz` (the server takes
//! traffic), outside `/api/v1`, without a session, never cached.

use std::time::{Duration, Instant};

use super::*;
use support_contract::problem_types as types;

#[tokio::test]
// Holding the database lock across the call is the point: a database that does not answer.
#[allow(clippy::await_holding_lock)]
async fn liveness_answers_without_a_session_and_without_the_database() {
    let app = TestApp::new();
    // A database busy for as long as it likes does not make a live process look dead.
    let busy = app.state.db.conn();
    let r = app.get("/healthz", None).await;
    drop(busy);
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.text(), "ok\n");
    assert_eq!(r.header(header::CACHE_CONTROL), "no-store");
}

#[tokio::test]
async fn readiness_answers_while_the_database_does() {
    let app = TestApp::new();
    let r = app.get("/readyz", None).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    assert_eq!(r.text(), "ready\n");
    assert_eq!(r.header(header::CACHE_CONTROL), "no-store");
}

#[tokio::test]
async fn readiness_turns_503_once_the_server_stops() {
    let app = TestApp::new();
    app.state.begin_shutdown();
    let r = app.get("/readyz", None).await;
    let p = r.problem(503, types::UNAVAILABLE);
    assert!(p["detail"].as_str().unwrap().contains("stopping"), "{p}");
    assert_eq!(r.header(header::CACHE_CONTROL), "no-store");
    // Liveness is another question: the process still answers.
    assert_eq!(app.get("/healthz", None).await.status, StatusCode::OK);
}

#[tokio::test]
// Holding the database lock across the call is the point: a database that does not answer.
#[allow(clippy::await_holding_lock)]
async fn readiness_gives_up_on_a_database_that_does_not_answer() {
    let app = TestApp::new();
    let started = Instant::now();
    let busy = app.state.db.conn();
    let r = app.get("/readyz", None).await;
    drop(busy);
    let p = r.problem(503, types::UNAVAILABLE);
    assert!(p["detail"].as_str().unwrap().contains("database"), "{p}");
    assert!(started.elapsed() < crate::routes::health::READY_WITHIN + Duration::from_secs(2));
}

#[tokio::test]
async fn the_probes_live_outside_the_api() {
    let app = TestApp::new();
    for path in ["/api/v1/healthz", "/api/v1/readyz"] {
        app.get(path, None).await.problem(404, types::NOT_FOUND);
    }
}
