//! Stopping the real server (`shutdown::serve` on a loopback port): readiness turns 503 at once,
//! chat streams close with 1012 so clients reconnect, and a request under way still finishes.

use std::net::SocketAddr;
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;

use super::stream::{close_code, event};
use super::*;
use crate::seed::DEMO_PASSWORD;

/// Writes a request's head (`Connection: close`) and the first `sent` bytes of its body.
async fn begin(addr: SocketAddr, method: &str, path: &str, body: &[u8], sent: usize) -> TcpStream {
    let mut s = TcpStream::connect(addr).await.unwrap();
    let head = format!(
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nOrigin: http://{addr}\r\n\
         Content-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    s.write_all(head.as_bytes()).await.unwrap();
    s.write_all(&body[..sent]).await.unwrap();
    s
}

/// Reads a whole response: its status and its text.
async fn finish(mut s: TcpStream) -> (u16, String) {
    let mut raw = Vec::new();
    tokio::time::timeout(Duration::from_secs(10), s.read_to_end(&mut raw))
        .await
        .expect("an answer within 10 s")
        .unwrap();
    let text = String::from_utf8_lossy(&raw).into_owned();
    let status = text
        .split(' ')
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    (status, text)
}

async fn get(addr: SocketAddr, path: &str) -> (u16, String) {
    finish(begin(addr, "GET", path, b"", 0).await).await
}

#[tokio::test]
async fn stopping_turns_readiness_off_closes_streams_and_lets_requests_finish() {
    let app = TestApp::with_config(Config {
        drain: Duration::from_secs(1),
        ..chat_config()
    });
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let signal = async move {
        let _ = stopped.await;
    };
    let grace = Duration::from_secs(10);
    let server = tokio::spawn(crate::shutdown::serve(
        listener,
        app.state.clone(),
        signal,
        grace,
    ));
    assert_eq!(get(addr, "/readyz").await.0, 200);

    let cookie = app.cookie_for(JESSE).await;
    let chat = id_of(&start(&app, &cookie, "Restart").await).to_string();
    let url = format!("ws://{addr}/api/v1/chats/{chat}/stream?after=0");
    let mut req = url.into_client_request().unwrap();
    req.headers_mut()
        .insert("origin", format!("http://{addr}").parse().unwrap());
    req.headers_mut().insert("cookie", cookie.parse().unwrap());
    let (mut ws, _) = tokio_tungstenite::connect_async(req).await.unwrap();
    assert_eq!(event(&mut ws).await["type"], "status");
    // A sign-in whose body is still on its way when the signal comes.
    let body = json!({"email": NOOR, "password": DEMO_PASSWORD}).to_string();
    let mut slow = begin(addr, "POST", "/api/v1/session", body.as_bytes(), 10).await;

    stop.send(()).unwrap();
    let (status, text) = get(addr, "/readyz").await;
    assert_eq!(status, 503, "{text}");
    assert!(
        text.contains("urn:support-portal:problem:unavailable"),
        "{text}"
    );
    assert_eq!(close_code(&mut ws).await, 1012);

    // After the drain the server stops accepting; the request under way still gets its answer.
    let refused = async {
        while TcpStream::connect(addr).await.is_ok() {
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    };
    tokio::time::timeout(Duration::from_secs(5), refused)
        .await
        .expect("no longer accepting after the drain");
    slow.write_all(&body.as_bytes()[10..]).await.unwrap();
    let (status, text) = finish(slow).await;
    assert_eq!(status, 200, "{text}");
    assert!(text.contains("sp_session="), "{text}");
    let served = tokio::time::timeout(grace, server).await;
    assert!(matches!(served, Ok(Ok(Ok(())))), "{served:?}");
}
