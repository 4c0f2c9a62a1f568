//! The agent side: the queue across organisations, accepting, typing, ending.

use support_contract::problem_types as types;

use super::*;

async fn queued(app: &TestApp) -> Vec<(String, i64)> {
    let r = agent(app, Method::GET, "/agent/v1/chats?status=queued", None).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    r.json()
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["topic"].as_str().unwrap().to_string(),
                c["queue_position"].as_i64().unwrap(),
            )
        })
        .collect()
}

#[tokio::test]
async fn the_queue_moves_up_as_chats_are_accepted_or_leave() {
    let app = chat_app();
    let mut chats = Vec::new();
    for (email, topic) in [
        (SUPPORT_ADMIN, "first"),
        (OTHER_ORG_ADMIN, "second"),
        (JESSE, "third"),
        (NOOR, "fourth"),
    ] {
        let cookie = app.cookie_for(email).await;
        let chat = start(&app, &cookie, topic).await;
        chats.push((cookie, id_of(&chat).to_string()));
    }
    assert_eq!(
        queued(&app).await,
        [
            ("first".into(), 1),
            ("second".into(), 2),
            ("third".into(), 3),
            ("fourth".into(), 4)
        ]
    );
    let (cookie, id) = &chats[3];
    let mine = app
        .get(&format!("/api/v1/chats/{id}"), Some(cookie))
        .await
        .json();
    assert_eq!(
        (
            mine["queue_position"].as_i64(),
            mine["estimated_wait_minutes"].as_i64()
        ),
        (Some(4), Some(8))
    );

    let active = accept(&app, &chats[0].1).await;
    assert_eq!(active["status"], "active");
    assert_eq!(active["agent"], "Priya Nair");
    assert_eq!(active["queue_position"], Value::Null);
    // The customer of another organisation leaves the queue.
    post(
        &app,
        &chats[1].0,
        &format!("/api/v1/chats/{}/end", chats[1].1),
        json!({}),
    )
    .await;
    assert_eq!(
        queued(&app).await,
        [("third".into(), 1), ("fourth".into(), 2)]
    );

    let path = format!("/agent/v1/chats/{}/accept", chats[0].1);
    agent(
        &app,
        Method::POST,
        &path,
        Some(json!({"agent": "Someone else"})),
    )
    .await
    .problem(409, types::CONFLICT);
    let blank = format!("/agent/v1/chats/{}/accept", chats[2].1);
    agent(&app, Method::POST, &blank, Some(json!({"agent": "  "})))
        .await
        .problem(400, types::VALIDATION);
    let all = agent(&app, Method::GET, "/agent/v1/chats", None)
        .await
        .json();
    let topics: Vec<&str> = all
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["topic"].as_str().unwrap())
        .collect();
    assert_eq!(
        topics,
        ["first", "third", "fourth"],
        "open chats, oldest first"
    );
    let active = agent(&app, Method::GET, "/agent/v1/chats?status=active", None)
        .await
        .json();
    assert_eq!(active.as_array().unwrap().len(), 1);
    agent(&app, Method::GET, "/agent/v1/chats?status=ended", None)
        .await
        .problem(400, types::VALIDATION);
}

#[tokio::test]
async fn the_agent_api_needs_its_token_and_ends_chats() {
    let app = chat_app();
    let cookie = app.cookie_for(SUPPORT_ADMIN).await;
    let chat = id_of(&start(&app, &cookie, "Agent").await).to_string();
    // A session is not an agent token.
    app.call(Method::GET, "/agent/v1/chats", None, Some(&cookie))
        .await
        .problem(401, types::UNAUTHENTICATED);
    let off = TestApp::new();
    agent(&off, Method::GET, "/agent/v1/chats", None)
        .await
        .problem(404, types::NOT_FOUND);
    agent(&app, Method::POST, "/agent/v1/chats/chat_nope/end", None)
        .await
        .problem(404, types::NOT_FOUND);
    accept(&app, &chat).await;
    let typing = agent(
        &app,
        Method::POST,
        &format!("/agent/v1/chats/{chat}/typing"),
        Some(json!({"typing": true})),
    )
    .await;
    assert_eq!(typing.status, StatusCode::NO_CONTENT);
    let r = agent(
        &app,
        Method::POST,
        &format!("/agent/v1/chats/{chat}/end"),
        None,
    )
    .await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.json()["status"], "ended");
    let messages = agent(
        &app,
        Method::GET,
        &format!("/agent/v1/chats/{chat}/messages"),
        None,
    )
    .await;
    assert_eq!(messages.json(), json!([]));
    let path = format!("/agent/v1/chats/{chat}/messages");
    agent(
        &app,
        Method::POST,
        &path,
        Some(json!({"id": "agent-late-1", "body": "One more thing"})),
    )
    .await
    .problem(409, types::CHAT_ENDED);
}
