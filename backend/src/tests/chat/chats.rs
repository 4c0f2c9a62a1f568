//! Starting chats (one open at a time), the past chats, and who may see a chat at all.

use support_contract::problem_types as types;

use super::*;

#[tokio::test]
async fn a_chat_starts_queued_and_a_double_submit_returns_the_same_chat() {
    let app = chat_app();
    let cookie = app.cookie_for(SUPPORT_ADMIN).await;
    let r = post(&app, &cookie, "/api/v1/chats", new_chat("  Login  ")).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
    let chat = r.json();
    let id = id_of(&chat);
    assert_eq!(r.header(header::LOCATION), format!("/api/v1/chats/{id}"));
    assert_eq!(chat["status"], "queued");
    assert_eq!(chat["topic"], "Login");
    assert_eq!(chat["customer"]["name"], "Casey Lee");
    assert_eq!(chat["queue_position"], 1);
    assert_eq!(chat["estimated_wait_minutes"], 2);
    assert_eq!(chat["last_seq"], 0);
    assert_eq!(chat["agent"], Value::Null);

    let again = post(&app, &cookie, "/api/v1/chats", new_chat("Login")).await;
    assert_eq!(again.status, StatusCode::OK, "{}", again.text());
    assert_eq!(id_of(&again.json()), id, "one open chat per user");

    post(&app, &cookie, &format!("/api/v1/chats/{id}/end"), json!({})).await;
    let next = start(&app, &cookie, "Export").await;
    assert_ne!(id_of(&next), id);
    let list = app.get("/api/v1/chats", Some(&cookie)).await.json();
    let ids: Vec<&str> = list.as_array().unwrap().iter().map(id_of).collect();
    assert_eq!(ids, [id_of(&next), id], "newest first");
    let one = app.get(&format!("/api/v1/chats/{id}"), Some(&cookie)).await;
    assert_eq!(one.json()["status"], "ended");
}

#[tokio::test]
async fn the_pre_chat_form_is_checked_field_by_field() {
    let app = chat_app();
    let cookie = app.cookie_for(SUPPORT_ADMIN).await;
    let p = post(&app, &cookie, "/api/v1/chats", json!({"topic": " "}))
        .await
        .problem(400, types::VALIDATION);
    let fields: Vec<&str> = p["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["product", "topic", "summary"]);
    let mut long = new_chat(&"t".repeat(121));
    long["summary"] = json!("s".repeat(1001));
    let p = post(&app, &cookie, "/api/v1/chats", long)
        .await
        .problem(400, types::VALIDATION);
    assert_eq!(p["errors"][0]["code"], "too_long");
    assert_eq!(p["errors"][1]["field"], "summary");
    assert_eq!(
        app.get("/api/v1/chats", Some(&cookie)).await.json(),
        json!([])
    );
}

/// Every customer chat endpoint, with a body where it needs one.
fn endpoints(id: &str) -> Vec<(Method, String, Option<Value>)> {
    let p = |s: &str| format!("/api/v1/chats/{id}{s}");
    vec![
        (Method::GET, p(""), None),
        (Method::GET, p("/messages"), None),
        (
            Method::POST,
            p("/messages"),
            Some(json!({"id": "intruder-1", "body": "hi"})),
        ),
        (Method::POST, p("/typing"), Some(json!({"typing": true}))),
        (Method::POST, p("/end"), None),
        (Method::PUT, p("/rating"), Some(json!({"score": 1}))),
        (Method::GET, p("/transcript"), None),
        (Method::POST, p("/case"), None),
        (Method::GET, p("/stream"), None),
    ]
}

#[tokio::test]
async fn another_users_chat_is_not_found_on_every_endpoint() {
    let app = chat_app();
    let jesse = app.cookie_for(JESSE).await;
    let chat = start(&app, &jesse, "Private").await;
    let id = id_of(&chat);
    let noor = app.cookie_for(NOOR).await;
    let contoso = app.cookie_for(OTHER_ORG_ADMIN).await;
    for cookie in [&noor, &contoso] {
        for (method, path, body) in endpoints(id) {
            app.call(method.clone(), &path, body, Some(cookie))
                .await
                .problem(404, types::NOT_FOUND);
        }
    }
    let list = app.get("/api/v1/chats", Some(&noor)).await.json();
    assert_eq!(list, json!([]), "a colleague's chats are not listed");
    let mine = app.get(&format!("/api/v1/chats/{id}"), Some(&jesse)).await;
    assert_eq!(mine.json()["status"], "queued", "nothing changed");
    assert_eq!(mine.json()["last_seq"], 0);
}

#[tokio::test]
async fn members_are_refused_every_chat_endpoint() {
    let app = chat_app();
    let casey = app.cookie_for(SUPPORT_ADMIN).await;
    let id = id_of(&start(&app, &casey, "Mine").await).to_string();
    let member = app.cookie_for(MEMBER).await;
    let mut all = endpoints(&id);
    all.push((Method::GET, "/api/v1/chat/availability".into(), None));
    all.push((Method::GET, "/api/v1/chats".into(), None));
    all.push((Method::POST, "/api/v1/chats".into(), Some(new_chat("No"))));
    for (method, path, body) in all {
        app.call(method.clone(), &path, body.clone(), Some(&member))
            .await
            .problem(403, types::FORBIDDEN);
        app.call(method, &path, body, None)
            .await
            .problem(401, types::UNAUTHENTICATED);
    }
}

#[tokio::test]
async fn the_stream_path_without_a_handshake_asks_for_one() {
    let app = chat_app();
    let cookie = app.cookie_for(SUPPORT_ADMIN).await;
    let id = id_of(&start(&app, &cookie, "Plain").await).to_string();
    let r = app
        .get(&format!("/api/v1/chats/{id}/stream"), Some(&cookie))
        .await;
    r.problem(426, types::VALIDATION);
    app.get(
        &format!("/api/v1/chats/{id}/stream?after=-1"),
        Some(&cookie),
    )
    .await
    .problem(400, types::VALIDATION);
}
