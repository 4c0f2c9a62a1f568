//! The stream over a real socket: a server bound on 127.0.0.1:0 and a WebSocket client.
//! Replay after a cursor, live events, heartbeats, and the refusals before the upgrade; the
//! closes are in `stream_closes`.

use std::net::SocketAddr;
use std::time::Duration;

use futures_util::{SinkExt, StreamExt};
use support_contract::problem_types as types;
use tokio::net::TcpStream;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;
use tokio_tungstenite::tungstenite::{self, Message};
use tokio_tungstenite::{MaybeTlsStream, WebSocketStream};

use super::*;

pub(super) type Socket = WebSocketStream<MaybeTlsStream<TcpStream>>;

/// The app served on a loopback port.
pub(super) struct Served {
    pub(super) app: TestApp,
    addr: SocketAddr,
}

pub(super) async fn serve(config: Config) -> Served {
    let app = TestApp::with_config(config);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let router = app.router.clone();
    tokio::spawn(async move { axum::serve(listener, router).await });
    Served { app, addr }
}

impl Served {
    /// Opens a chat's stream with a session cookie and an `Origin` (the server's own by default).
    pub(super) async fn connect(
        &self,
        cookie: &str,
        chat: &str,
        after: i64,
        origin: Option<&str>,
    ) -> Result<Socket, tungstenite::Error> {
        let url = format!(
            "ws://{}/api/v1/chats/{chat}/stream?after={after}",
            self.addr
        );
        let mut req = url.into_client_request().unwrap();
        let own = format!("http://{}", self.addr);
        let headers = req.headers_mut();
        headers.insert("origin", origin.unwrap_or(&own).parse().unwrap());
        if !cookie.is_empty() {
            headers.insert("cookie", cookie.parse().unwrap());
        }
        tokio_tungstenite::connect_async(req).await.map(|(s, _)| s)
    }

    pub(super) async fn open(&self, cookie: &str, chat: &str, after: i64) -> Socket {
        self.connect(cookie, chat, after, None)
            .await
            .expect("stream opens")
    }
}

/// The next frame within five seconds.
pub(super) async fn frame(ws: &mut Socket) -> Message {
    tokio::time::timeout(Duration::from_secs(5), ws.next())
        .await
        .expect("a frame within 5 s")
        .expect("the socket is open")
        .expect("a readable frame")
}

/// The next event, heartbeats skipped.
pub(super) async fn event(ws: &mut Socket) -> Value {
    loop {
        match frame(ws).await {
            Message::Text(t) => {
                let v: Value = serde_json::from_str(t.as_str()).unwrap();
                if v["type"] != "heartbeat" {
                    return v;
                }
            }
            Message::Close(c) => panic!("closed: {c:?}"),
            _ => {}
        }
    }
}

/// The close code the server ends with, skipping events before it.
pub(super) async fn close_code(ws: &mut Socket) -> u16 {
    loop {
        if let Message::Close(c) = frame(ws).await {
            return c.map(|c| u16::from(c.code)).unwrap_or(1005);
        }
    }
}

fn refused_with(r: Result<Socket, tungstenite::Error>) -> (u16, Value) {
    match r {
        Err(tungstenite::Error::Http(res)) => {
            let body = res.body().clone().unwrap_or_default();
            (
                res.status().as_u16(),
                serde_json::from_slice(&body).unwrap(),
            )
        }
        Err(e) => panic!("refused otherwise: {e}"),
        Ok(_) => panic!("the stream opened"),
    }
}

#[tokio::test]
async fn the_stream_replays_after_the_cursor_then_goes_live() {
    let s = serve(chat_config()).await;
    let cookie = s.app.cookie_for(SUPPORT_ADMIN).await;
    let chat = id_of(&start(&s.app, &cookie, "Live").await).to_string();
    for n in 1..=3 {
        say(&s.app, &cookie, &chat, &message_id(n), &format!("m{n}")).await;
    }
    let mut ws = s.open(&cookie, &chat, 1).await;
    for seq in [2, 3] {
        let e = event(&mut ws).await;
        assert_eq!(
            (e["type"].as_str(), e["message"]["seq"].as_i64()),
            (Some("message"), Some(seq))
        );
    }
    assert_eq!(
        event(&mut ws).await,
        json!({"type": "status", "status": "queued", "agent": null})
    );
    assert_eq!(
        event(&mut ws).await,
        json!({"type": "queue_position", "position": 1, "estimated_wait_minutes": 2})
    );

    accept(&s.app, &chat).await;
    assert_eq!(
        event(&mut ws).await,
        json!({"type": "agent_joined", "agent": "Priya Nair"})
    );
    assert_eq!(
        event(&mut ws).await,
        json!({"type": "status", "status": "active", "agent": "Priya Nair"})
    );
    let typing = format!("/agent/v1/chats/{chat}/typing");
    agent(&s.app, Method::POST, &typing, Some(json!({"typing": true}))).await;
    assert_eq!(
        event(&mut ws).await,
        json!({"type": "typing", "from_support": true, "typing": true})
    );
    let path = format!("/agent/v1/chats/{chat}/messages");
    agent(
        &s.app,
        Method::POST,
        &path,
        Some(json!({"id": "agent-live-1", "body": "Hi Casey"})),
    )
    .await;
    let e = event(&mut ws).await;
    assert_eq!(
        (e["message"]["seq"].as_i64(), e["message"]["body"].as_str()),
        (Some(4), Some("Hi Casey"))
    );
    // A resend stores nothing and sends nothing; the next message is the next seq.
    say(&s.app, &cookie, &chat, &message_id(3), "m3").await;
    say(&s.app, &cookie, &chat, &message_id(4), "m4").await;
    let e = event(&mut ws).await;
    assert_eq!(
        (e["message"]["seq"].as_i64(), e["message"]["id"].as_str()),
        (Some(5), Some("message-0004"))
    );

    // The client's own typing frames reach the chat's streams (this one included).
    ws.send(Message::text(r#"{"type":"typing","typing":true}"#))
        .await
        .unwrap();
    ws.send(Message::text(r#"{"type":"confetti"}"#))
        .await
        .unwrap();
    assert_eq!(
        event(&mut ws).await,
        json!({"type": "typing", "from_support": false, "typing": true})
    );
    post(
        &s.app,
        &cookie,
        &format!("/api/v1/chats/{chat}/end"),
        json!({}),
    )
    .await;
    assert_eq!(
        event(&mut ws).await,
        json!({"type": "status", "status": "ended", "agent": "Priya Nair"})
    );

    ws.close(None).await.unwrap();
    drop(ws);
    for _ in 0..50 {
        if s.app.state.chat_hub.live_channels() == 0 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert_eq!(
        s.app.state.chat_hub.live_channels(),
        0,
        "the channel goes with its last stream"
    );
}

#[tokio::test]
async fn queued_streams_hear_their_new_place_when_the_queue_moves() {
    let s = serve(chat_config()).await;
    let alex = s.app.cookie_for(SYSADMIN).await;
    let first = id_of(&start(&s.app, &alex, "First").await).to_string();
    let casey = s.app.cookie_for(SUPPORT_ADMIN).await;
    let second = id_of(&start(&s.app, &casey, "Second").await).to_string();
    let mut ws = s.open(&casey, &second, 0).await;
    assert_eq!(event(&mut ws).await["type"], "status");
    assert_eq!(event(&mut ws).await["position"], 2);
    accept(&s.app, &first).await;
    assert_eq!(
        event(&mut ws).await,
        json!({"type": "queue_position", "position": 1, "estimated_wait_minutes": 2})
    );
}

#[tokio::test]
async fn a_cursor_beyond_the_last_message_does_not_hide_new_ones() {
    let s = serve(chat_config()).await;
    let cookie = s.app.cookie_for(SUPPORT_ADMIN).await;
    let chat = id_of(&start(&s.app, &cookie, "Stale").await).to_string();
    let mut ws = s.open(&cookie, &chat, 99).await;
    assert_eq!(event(&mut ws).await["type"], "status");
    assert_eq!(event(&mut ws).await["type"], "queue_position");
    say(&s.app, &cookie, &chat, &message_id(1), "first").await;
    assert_eq!(event(&mut ws).await["message"]["seq"], 1);
}

#[tokio::test]
async fn heartbeats_come_at_the_configured_interval() {
    let s = serve(Config {
        chat_heartbeat: Duration::from_millis(100),
        ..chat_config()
    })
    .await;
    let cookie = s.app.cookie_for(SUPPORT_ADMIN).await;
    let chat = id_of(&start(&s.app, &cookie, "Beat").await).to_string();
    let mut ws = s.open(&cookie, &chat, 0).await;
    let mut beats = 0;
    while beats < 2 {
        if let Message::Text(t) = frame(&mut ws).await {
            if t.as_str() == r#"{"type":"heartbeat"}"# {
                beats += 1;
            }
        }
    }
}

#[tokio::test]
async fn refusals_happen_before_the_upgrade() {
    let s = serve(chat_config()).await;
    let jesse = s.app.cookie_for(JESSE).await;
    let chat = id_of(&start(&s.app, &jesse, "Mine").await).to_string();
    let (status, p) = refused_with(
        s.connect(&jesse, &chat, 0, Some("https://evil.example"))
            .await,
    );
    assert_eq!(
        (status, p["type"].as_str()),
        (403, Some(types::CROSS_ORIGIN))
    );
    let noor = s.app.cookie_for(NOOR).await;
    let (status, p) = refused_with(s.connect(&noor, &chat, 0, None).await);
    assert_eq!((status, p["type"].as_str()), (404, Some(types::NOT_FOUND)));
    let member = s.app.cookie_for(MEMBER).await;
    let (status, _) = refused_with(s.connect(&member, &chat, 0, None).await);
    assert_eq!(status, 403);
    let (status, _) = refused_with(s.connect("", &chat, 0, None).await);
    assert_eq!(status, 401);
    // An allowed origin may open it.
    let allowed = serve(Config {
        allowed_origins: vec!["https://console.example".into()],
        ..chat_config()
    })
    .await;
    let cookie = allowed.app.cookie_for(SUPPORT_ADMIN).await;
    let chat = id_of(&start(&allowed.app, &cookie, "Embedded").await).to_string();
    let mut ws = allowed
        .connect(&cookie, &chat, 0, Some("https://console.example"))
        .await
        .expect("an allowed origin opens the stream");
    assert_eq!(event(&mut ws).await["type"], "status");
}
