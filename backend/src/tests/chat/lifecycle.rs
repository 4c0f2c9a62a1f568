//! The end of a chat, its rating, and its transcript.

use support_contract::problem_types as types;

use super::*;

#[tokio::test]
async fn an_ended_chat_takes_no_more_messages_but_can_be_rated() {
    let app = chat_app();
    let cookie = app.cookie_for(SUPPORT_ADMIN).await;
    let chat = id_of(&start(&app, &cookie, "End").await).to_string();
    say(&app, &cookie, &chat, &message_id(1), "Hi").await;
    let rating = format!("/api/v1/chats/{chat}/rating");
    app.call(
        Method::PUT,
        &rating,
        Some(json!({"score": 5})),
        Some(&cookie),
    )
    .await
    .problem(409, types::CONFLICT);
    let end = format!("/api/v1/chats/{chat}/end");
    let ended = post(&app, &cookie, &end, json!({})).await;
    assert_eq!(ended.status, StatusCode::OK);
    let ended = ended.json();
    assert_eq!(ended["status"], "ended");
    assert!(ended["ended_at"].is_string());
    let twice = post(&app, &cookie, &end, json!({})).await.json();
    assert_eq!(twice, ended, "ending again changes nothing");

    say(&app, &cookie, &chat, &message_id(2), "Wait")
        .await
        .problem(409, types::CHAT_ENDED);
    // A resend of a message stored before the end still answers it.
    assert_eq!(
        say(&app, &cookie, &chat, &message_id(1), "Hi").await.status,
        StatusCode::OK
    );
    let typing = post(
        &app,
        &cookie,
        &format!("/api/v1/chats/{chat}/typing"),
        json!({"typing": false}),
    )
    .await;
    assert_eq!(typing.status, StatusCode::NO_CONTENT);

    for bad in [
        json!({"score": 0}),
        json!({"score": 6}),
        json!({"score": 3, "comment": "x".repeat(1001)}),
    ] {
        app.call(Method::PUT, &rating, Some(bad), Some(&cookie))
            .await
            .problem(400, types::VALIDATION);
    }
    let rated = app
        .call(
            Method::PUT,
            &rating,
            Some(json!({"score": 4, "comment": " Quick "})),
            Some(&cookie),
        )
        .await;
    assert_eq!(rated.status, StatusCode::OK, "{}", rated.text());
    assert_eq!(
        rated.json()["rating"],
        json!({"score": 4, "comment": "Quick"})
    );
}

#[tokio::test]
async fn the_transcript_downloads_as_text_or_json() {
    let app = chat_app();
    let cookie = app.cookie_for(SUPPORT_ADMIN).await;
    let chat = id_of(&start(&app, &cookie, "Transcript").await).to_string();
    say(
        &app,
        &cookie,
        &chat,
        &message_id(1),
        "<script>alert(1)</script>\nsecond line",
    )
    .await;
    accept(&app, &chat).await;
    let path = format!("/agent/v1/chats/{chat}/messages");
    agent(
        &app,
        Method::POST,
        &path,
        Some(json!({"id": "agent-answer", "body": "Fixed."})),
    )
    .await;

    let text = app
        .get(&format!("/api/v1/chats/{chat}/transcript"), Some(&cookie))
        .await;
    assert_eq!(text.status, StatusCode::OK);
    assert_eq!(
        text.header(header::CONTENT_TYPE),
        "text/plain; charset=utf-8"
    );
    assert_eq!(
        text.header(header::CONTENT_DISPOSITION),
        format!("attachment; filename=\"chat-{chat}.txt\"")
    );
    let body = text.text();
    assert!(
        body.starts_with(&format!(
            "Chat with support {chat}\nProduct: Analytics\nTopic: Transcript\n"
        )),
        "{body}"
    );
    assert!(body.contains("\nAgent: Priya Nair\n"), "{body}");
    let lines: Vec<&str> = body.lines().filter(|l| l.starts_with('[')).collect();
    assert_eq!(lines.len(), 2, "{body}");
    assert!(
        lines[0].ends_with("] Casey Lee: <script>alert(1)</script>"),
        "{body}"
    );
    assert!(body.contains("\n    second line\n"));
    assert!(lines[1].ends_with("] Priya Nair: Fixed."));

    let json = app
        .get(
            &format!("/api/v1/chats/{chat}/transcript?format=json"),
            Some(&cookie),
        )
        .await;
    assert_eq!(json.header(header::CONTENT_TYPE), "application/json");
    assert!(json
        .header(header::CONTENT_DISPOSITION)
        .ends_with(".json\""));
    let t = json.json();
    assert_eq!(t["chat"]["id"], chat.as_str());
    assert_eq!(t["messages"].as_array().unwrap().len(), 2);
    app.get(
        &format!("/api/v1/chats/{chat}/transcript?format=pdf"),
        Some(&cookie),
    )
    .await
    .problem(400, types::VALIDATION);
}
