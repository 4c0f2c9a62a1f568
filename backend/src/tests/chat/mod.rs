//! Live chat as wired: availability, starting, messages, the lifecycle and transcript, the
//! case, the agent side and the queue, and the stream over a real socket.

mod agent;
mod availability;
mod case;
mod chats;
mod lifecycle;
mod messages;
mod shutdown;
mod stream;
mod stream_closes;
mod typing_limit;

use axum::http::{Method, StatusCode};
use serde_json::{json, Value};

use super::*;
use crate::config::{ChatHours, Secret};

const AGENT_TOKEN: &str = "chat-agent-token";
/// Two Customer Support Administrators of Fabrikam: colleagues, each with their own chats.
const JESSE: &str = "jesse.moreau@fabrikam.example";
const NOOR: &str = "noor.haddad@fabrikam.example";

/// Chat open at any hour (the tests must not depend on the clock), the agent API on.
fn chat_config() -> Config {
    Config {
        chat_hours: ChatHours::Always,
        agent_token: Some(Secret(AGENT_TOKEN.into())),
        ..TestApp::config()
    }
}

fn chat_app() -> TestApp {
    TestApp::with_config(chat_config())
}

fn new_chat(topic: &str) -> Value {
    json!({"product": "analytics", "topic": topic, "summary": "The report shows no data since Monday."})
}

/// A client message id: 8 to 64 URL-safe characters.
fn message_id(n: usize) -> String {
    format!("message-{n:04}")
}

async fn post(app: &TestApp, cookie: &str, path: &str, body: Value) -> Reply {
    app.call(Method::POST, path, Some(body), Some(cookie)).await
}

/// Starts a chat (expecting 201) and returns it.
async fn start(app: &TestApp, cookie: &str, topic: &str) -> Value {
    let r = post(app, cookie, "/api/v1/chats", new_chat(topic)).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
    r.json()
}

/// Sends a customer message.
async fn say(app: &TestApp, cookie: &str, chat: &str, id: &str, body: &str) -> Reply {
    let path = format!("/api/v1/chats/{chat}/messages");
    post(app, cookie, &path, json!({"id": id, "body": body})).await
}

/// A call to the agent API with its token.
async fn agent(app: &TestApp, method: Method, path: &str, body: Option<Value>) -> Reply {
    let mut req = axum::http::Request::builder()
        .method(method)
        .uri(path)
        .header(header::HOST, "portal.test")
        .header(header::AUTHORIZATION, format!("Bearer {AGENT_TOKEN}"));
    let body = match body {
        Some(v) => {
            req = req.header(header::CONTENT_TYPE, "application/json");
            axum::body::Body::from(v.to_string())
        }
        None => axum::body::Body::empty(),
    };
    app.send(req.body(body).unwrap()).await
}

/// The agent accepts a chat (expecting 200).
async fn accept(app: &TestApp, chat: &str) -> Value {
    let path = format!("/agent/v1/chats/{chat}/accept");
    let r = agent(
        app,
        Method::POST,
        &path,
        Some(json!({"agent": "Priya Nair"})),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    r.json()
}

fn id_of(v: &Value) -> &str {
    v["id"].as_str().unwrap()
}
