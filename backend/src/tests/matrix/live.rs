//! The live channel in the matrix: the chat stream, a WebSocket, opened over a real socket on
//! 127.0.0.1:0 as each identity, with its own and foreign chat ids and from another origin.

use std::time::Duration;

use futures_util::StreamExt;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;
use tokio_tungstenite::tungstenite::{self, Message};

use super::*;

/// Opens a chat's stream; the HTTP status of the answer (101 when it opened, after reading
/// its first event).
async fn open(addr: std::net::SocketAddr, cookie: &str, chat: &str, origin: &str) -> u16 {
    let url = format!("ws://{addr}/api/v1/chats/{chat}/stream?after=0");
    let mut req = url.into_client_request().unwrap();
    let headers = req.headers_mut();
    headers.insert("origin", origin.parse().unwrap());
    if !cookie.is_empty() {
        headers.insert("cookie", cookie.parse().unwrap());
    }
    match tokio_tungstenite::connect_async(req).await {
        Ok((mut ws, res)) => {
            let first = tokio::time::timeout(Duration::from_secs(5), ws.next()).await;
            match first {
                Ok(Some(Ok(Message::Text(t)))) => assert!(t.contains("\"type\""), "{t}"),
                other => panic!("no first event: {other:?}"),
            }
            res.status().as_u16()
        }
        Err(tungstenite::Error::Http(res)) => res.status().as_u16(),
        Err(e) => panic!("refused otherwise: {e}"),
    }
}

#[tokio::test]
async fn the_chat_stream_opens_only_for_its_owner_from_the_portal() {
    let app = TestApp::with_config(matrix_config());
    let (rows, cookies) = Rows::build(&app).await;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let router = app.router.clone();
    tokio::spawn(async move { axum::serve(listener, router).await });
    let own_origin = format!("http://{addr}");
    let [signed_out, member, support, sys, other] = &cookies;
    let casey_chat = &rows.support_chat.0;
    let northwind_chat = &rows.northwind.admin_chat.0;
    let contoso_chat = &rows.contoso.admin_chat.0;
    let cases: [(&str, &str, &String, &str, u16); 9] = [
        ("signed out", signed_out, casey_chat, &own_origin, 401),
        ("member without chat", member, casey_chat, &own_origin, 403),
        (
            "member, foreign org",
            member,
            contoso_chat,
            &own_origin,
            403,
        ),
        (
            "another organisation's admin",
            other,
            casey_chat,
            &own_origin,
            404,
        ),
        (
            "another organisation's admin",
            other,
            northwind_chat,
            &own_origin,
            404,
        ),
        (
            "same organisation, another user",
            sys,
            casey_chat,
            &own_origin,
            404,
        ),
        (
            "the owner, cross-origin",
            support,
            casey_chat,
            "https://evil.example",
            403,
        ),
        ("the owner", support, casey_chat, &own_origin, 101),
        ("Contoso's owner", other, contoso_chat, &own_origin, 101),
    ];
    for (what, cookie, chat, origin, want) in cases {
        let got = open(addr, cookie, chat, origin).await;
        assert_eq!(got, want, "{what}: chat {chat} from {origin}");
    }
    println!(
        "live matrix: chat stream opened {} ways, refused as expected",
        cases.len()
    );
}
