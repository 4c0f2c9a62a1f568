//! Messages: stored once per client id, numbered per chat, checked; files in chat.

use support_contract::problem_types as types;

use super::*;

#[tokio::test]
async fn a_resent_message_is_stored_once_and_seqs_count_up() {
    let app = chat_app();
    let cookie = app.cookie_for(SUPPORT_ADMIN).await;
    let chat = id_of(&start(&app, &cookie, "Seq").await).to_string();
    // Messages may be sent while queued.
    let first = say(&app, &cookie, &chat, &message_id(1), "Hello").await;
    assert_eq!(first.status, StatusCode::CREATED, "{}", first.text());
    let m = first.json();
    assert_eq!(
        (m["seq"].as_i64(), m["from_support"].as_bool()),
        (Some(1), Some(false))
    );
    assert_eq!(m["author"]["name"], "Casey Lee");
    let resent = say(&app, &cookie, &chat, &message_id(1), "Hello (resent)").await;
    assert_eq!(resent.status, StatusCode::OK);
    assert_eq!(resent.json(), m, "the stored message, unchanged");
    say(&app, &cookie, &chat, &message_id(2), "Still there?").await;
    accept(&app, &chat).await;
    let path = format!("/agent/v1/chats/{chat}/messages");
    let reply = json!({"id": "agent-reply-1", "body": "Yes, looking."});
    let r = agent(&app, Method::POST, &path, Some(reply.clone())).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
    assert_eq!(r.json()["author"], Value::Null);
    assert_eq!(r.json()["from_support"], true);
    let again = agent(&app, Method::POST, &path, Some(reply)).await;
    assert_eq!(again.status, StatusCode::OK);
    say(&app, &cookie, &chat, &message_id(3), "Thanks").await;

    let all = app
        .get(&format!("/api/v1/chats/{chat}/messages"), Some(&cookie))
        .await
        .json();
    let seqs: Vec<(i64, &str)> = all
        .as_array()
        .unwrap()
        .iter()
        .map(|m| (m["seq"].as_i64().unwrap(), m["id"].as_str().unwrap()))
        .collect();
    assert_eq!(
        seqs,
        [
            (1, "message-0001"),
            (2, "message-0002"),
            (3, "agent-reply-1"),
            (4, "message-0003")
        ]
    );
    let after = app
        .get(
            &format!("/api/v1/chats/{chat}/messages?after=2"),
            Some(&cookie),
        )
        .await
        .json();
    assert_eq!(after.as_array().unwrap().len(), 2);
    assert_eq!(after[0]["seq"], 3);
    let c = app
        .get(&format!("/api/v1/chats/{chat}"), Some(&cookie))
        .await;
    assert_eq!(c.json()["last_seq"], 4);
}

#[tokio::test]
async fn messages_are_checked() {
    let app = chat_app();
    let casey = app.cookie_for(SUPPORT_ADMIN).await;
    let chat = id_of(&start(&app, &casey, "Checks").await).to_string();
    let field_of = |p: Value| p["errors"][0]["field"].as_str().unwrap().to_string();
    for (id, body, field) in [
        ("short", "x", "id"),
        ("has spaces in", "x", "id"),
        ("message-blank", "   ", "body"),
    ] {
        let p = say(&app, &casey, &chat, id, body)
            .await
            .problem(400, types::VALIDATION);
        assert_eq!(field_of(p), field);
    }
    let long = "é".repeat(4001);
    let p = say(&app, &casey, &chat, "message-long", &long)
        .await
        .problem(400, types::VALIDATION);
    assert_eq!(p["errors"][0]["code"], "too_long");
    assert!(say(&app, &casey, &chat, "message-max", &"é".repeat(4000))
        .await
        .status
        .is_success());

    // An id is one message: using it in another chat is a conflict.
    let alex = app.cookie_for(SYSADMIN).await;
    let other = id_of(&start(&app, &alex, "Other").await).to_string();
    say(&app, &alex, &other, "message-max", "mine")
        .await
        .problem(409, types::CONFLICT);
    app.get(
        &format!("/api/v1/chats/{chat}/messages?after=x"),
        Some(&casey),
    )
    .await
    .problem(400, types::VALIDATION);
}

async fn upload(app: &TestApp, cookie: &str, name: &str) -> String {
    let r = app
        .upload(cookie, b"png bytes".to_vec(), "image/png", name)
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
    r.json()["id"].as_str().unwrap().to_string()
}

#[tokio::test]
async fn files_sent_in_a_chat_are_the_customers_alone() {
    let app = chat_app();
    let casey = app.cookie_for(SUPPORT_ADMIN).await;
    let alex = app.cookie_for(SYSADMIN).await;
    let chat = id_of(&start(&app, &casey, "Files").await).to_string();
    let mine = upload(&app, &casey, "shot.png").await;
    let theirs = upload(&app, &alex, "theirs.png").await;
    let path = format!("/api/v1/chats/{chat}/messages");
    let p = post(
        &app,
        &casey,
        &path,
        json!({"id": message_id(1), "body": "see", "attachments": [theirs]}),
    )
    .await
    .problem(400, types::VALIDATION);
    assert_eq!(p["errors"][0]["code"], "unknown_attachment");
    // A file alone is a message.
    let r = post(
        &app,
        &casey,
        &path,
        json!({"id": message_id(2), "body": "", "attachments": [mine]}),
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
    assert_eq!(r.json()["attachments"][0]["name"], "shot.png");
    let listed = app.get(&path, Some(&casey)).await.json();
    assert_eq!(listed[0]["attachments"][0]["id"], mine.as_str());
    // Attached once: not again in the chat, nor on a case.
    post(
        &app,
        &casey,
        &path,
        json!({"id": message_id(3), "body": "again", "attachments": [mine]}),
    )
    .await
    .problem(400, types::VALIDATION);
    let download = format!("/api/v1/attachments/{mine}");
    assert_eq!(
        app.get(&download, Some(&casey)).await.status,
        StatusCode::OK
    );
    app.get(&download, Some(&alex))
        .await
        .problem(404, types::NOT_FOUND);
    // Agents send text only.
    accept(&app, &chat).await;
    let r = agent(
        &app,
        Method::POST,
        &format!("/agent/v1/chats/{chat}/messages"),
        Some(json!({"id": "agent-file", "body": "x", "attachments": [theirs]})),
    )
    .await;
    r.problem(400, types::VALIDATION);
}
