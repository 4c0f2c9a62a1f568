//! The stream closes when the session ends, when the role no longer allows chat, and when the
//! server stops.

use std::time::Duration;

use super::stream::*;
use super::*;

#[tokio::test]
async fn the_stream_closes_when_the_session_ends() {
    let s = serve(Config {
        chat_heartbeat: Duration::from_millis(100),
        ..chat_config()
    })
    .await;
    let cookie = s.app.cookie_for(SUPPORT_ADMIN).await;
    let chat = id_of(&start(&s.app, &cookie, "Bye").await).to_string();
    let mut ws = s.open(&cookie, &chat, 0).await;
    assert_eq!(event(&mut ws).await["type"], "status");
    // What removing the user does: every session of theirs deleted.
    s.app
        .state
        .db
        .conn()
        .execute("DELETE FROM sessions", [])
        .unwrap();
    assert_eq!(close_code(&mut ws).await, 4401);
}

#[tokio::test]
async fn removing_the_user_closes_their_stream_at_once() {
    // A heartbeat far away: only the removal itself can close the stream in time.
    let s = serve(Config {
        chat_heartbeat: Duration::from_secs(600),
        ..chat_config()
    })
    .await;
    let admin = s.app.cookie_for(SYSADMIN).await;
    let cookie = s.app.cookie_for(SUPPORT_ADMIN).await;
    let chat = id_of(&start(&s.app, &cookie, "Removed").await).to_string();
    let mut ws = s.open(&cookie, &chat, 0).await;
    assert_eq!(event(&mut ws).await["type"], "status");
    let (id, version): (String, i64) = s
        .app
        .state
        .db
        .conn()
        .query_row(
            "SELECT id, version FROM users WHERE email = ?1",
            [SUPPORT_ADMIN],
            |r| Ok((r.get("id")?, r.get("version")?)),
        )
        .unwrap();
    let etag = format!("\"{version}\"");
    let removed = s
        .app
        .req(
            Method::DELETE,
            &format!("/api/v1/support-users/{id}"),
            None,
            &admin,
            &[("if-match", etag.as_str())],
        )
        .await;
    assert_eq!(removed.status, StatusCode::OK, "{}", removed.text());
    let code = tokio::time::timeout(Duration::from_secs(5), close_code(&mut ws))
        .await
        .expect("closed long before the next heartbeat");
    assert_eq!(code, 4401);
}

#[tokio::test]
async fn the_stream_closes_when_the_role_no_longer_allows_chat() {
    let s = serve(Config {
        chat_heartbeat: Duration::from_millis(100),
        ..chat_config()
    })
    .await;
    let cookie = s.app.cookie_for(SUPPORT_ADMIN).await;
    let chat = id_of(&start(&s.app, &cookie, "Demoted").await).to_string();
    let mut ws = s.open(&cookie, &chat, 0).await;
    s.app
        .state
        .db
        .conn()
        .execute(
            "UPDATE users SET role = NULL WHERE email = ?1",
            [SUPPORT_ADMIN],
        )
        .unwrap();
    assert_eq!(close_code(&mut ws).await, 4403);
}

#[tokio::test]
async fn streams_close_with_service_restart_when_the_server_stops() {
    let s = serve(chat_config()).await;
    let cookie = s.app.cookie_for(SUPPORT_ADMIN).await;
    let chat = id_of(&start(&s.app, &cookie, "Restart").await).to_string();
    let mut ws = s.open(&cookie, &chat, 0).await;
    assert_eq!(event(&mut ws).await["type"], "status");
    s.app.state.begin_shutdown();
    // 1012 "service restart": the clients reconnect (1001 "going away" does not invite it).
    assert_eq!(close_code(&mut ws).await, 1012);
}
