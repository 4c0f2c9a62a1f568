//! A client's typing frames on its stream: at most one relayed a second, the latest state last.

use std::time::Duration;

use futures_util::SinkExt;
use support_contract::chat::ChatEvent;
use tokio_tungstenite::tungstenite::Message;

use super::stream::serve;
use super::*;

#[tokio::test]
async fn a_flood_of_typing_frames_is_relayed_once_a_second_ending_on_the_latest_state() {
    let s = serve(chat_config()).await;
    let cookie = s.app.cookie_for(SUPPORT_ADMIN).await;
    let chat = id_of(&start(&s.app, &cookie, "Typing").await).to_string();
    accept(&s.app, &chat).await;
    // What every stream of the chat hears, the agent's side included.
    let mut heard = s.app.state.chat_hub.subscribe(&chat);
    let mut ws = s.open(&cookie, &chat, 0).await;
    for n in 0..50 {
        let frame = format!(r#"{{"type":"typing","typing":{}}}"#, n % 2 == 0);
        ws.send(Message::text(frame)).await.unwrap();
    }
    let mut relayed = Vec::new();
    let deadline = tokio::time::Instant::now() + Duration::from_millis(2500);
    while let Ok(Ok(event)) = tokio::time::timeout_at(deadline, heard.recv()).await {
        if let ChatEvent::Typing {
            from_support,
            typing,
        } = event
        {
            assert!(!from_support);
            relayed.push(typing);
        }
    }
    // The first at once, then the last one sent (49 is odd: not typing) after the second.
    assert_eq!(relayed, [true, false]);
    assert!(!s.app.state.chat_hub.customer_typing(&chat));
}
