//! The chat area: availability, a chat's life, its messages and its stream's address.

use super::core::{segment, websocket_url, Http};
use super::ApiFuture;
use support_contract::chat::{
    Chat, ChatAvailability, ChatMessage, ChatRating, NewChat, NewChatMessage,
};
use support_contract::query::AFTER;

/// The case a chat became. The backend answers the whole `Case`; the chat panel only goes to
/// its page, and decoding the whole case here would bring that code into the first load.
#[derive(Clone, Debug, serde::Deserialize)]
pub struct NewCaseFromChat {
    pub id: String,
}

/// What the app asks of the backend about live chat. The stream itself is `ChatStream`.
pub trait ChatApi: Send + Sync {
    /// `GET /chat/availability`: per product, whether chat is offered now and why not.
    fn chat_availability(&self) -> ApiFuture<Vec<ChatAvailability>>;
    /// `POST /chats`: joins the queue (or returns the chat already open).
    fn start_chat(&self, chat: NewChat) -> ApiFuture<Chat>;
    /// `GET /chats`: the user's chats, newest first.
    fn chats(&self) -> ApiFuture<Vec<Chat>>;
    /// `GET /chats/{id}`.
    fn chat(&self, id: String) -> ApiFuture<Chat>;
    /// `GET /chats/{id}/messages?after=`.
    fn chat_messages(&self, id: String, after: i64) -> ApiFuture<Vec<ChatMessage>>;
    /// `POST /chats/{id}/messages`: idempotent by the message's client id.
    fn send_chat_message(&self, id: String, message: NewChatMessage) -> ApiFuture<ChatMessage>;
    /// `POST /chats/{id}/end`.
    fn end_chat(&self, id: String) -> ApiFuture<Chat>;
    /// `PUT /chats/{id}/rating`.
    fn rate_chat(&self, id: String, rating: ChatRating) -> ApiFuture<Chat>;
    /// `POST /chats/{id}/case`: files a case holding the transcript.
    fn chat_to_case(&self, id: String) -> ApiFuture<NewCaseFromChat>;
    /// The address of a chat's transcript download (`json`: the JSON form, else plain text).
    fn chat_transcript_url(&self, id: &str, json: bool) -> String;
    /// The WebSocket address of a chat's stream, resuming after `after`.
    fn chat_stream_url(&self, id: &str, after: i64) -> String;
}

/// The path of one chat, or of one of its sub-resources (`tail` starts with `/` or is empty).
fn chat_path(id: &str, tail: &str) -> String {
    format!("/chats/{}{tail}", segment(id))
}

impl ChatApi for Http {
    fn chat_availability(&self) -> ApiFuture<Vec<ChatAvailability>> {
        self.get("/chat/availability").fetch()
    }

    fn start_chat(&self, chat: NewChat) -> ApiFuture<Chat> {
        self.post("/chats").json(&chat).fetch()
    }

    fn chats(&self) -> ApiFuture<Vec<Chat>> {
        self.get("/chats").fetch()
    }

    fn chat(&self, id: String) -> ApiFuture<Chat> {
        self.get(&chat_path(&id, "")).fetch()
    }

    fn chat_messages(&self, id: String, after: i64) -> ApiFuture<Vec<ChatMessage>> {
        self.get(&chat_path(&id, &format!("/messages?{AFTER}={after}")))
            .fetch()
    }

    fn send_chat_message(&self, id: String, message: NewChatMessage) -> ApiFuture<ChatMessage> {
        // Not repeated here, though its own id would make a second send the same message: the
        // outbox sends it again itself, in order, after a pause or at once when the link comes
        // back, which a retry waiting here would hold up.
        self.post(&chat_path(&id, "/messages"))
            .json(&message)
            .fetch()
    }

    fn end_chat(&self, id: String) -> ApiFuture<Chat> {
        self.post(&chat_path(&id, "/end")).json(&()).fetch()
    }

    fn rate_chat(&self, id: String, rating: ChatRating) -> ApiFuture<Chat> {
        self.put(&chat_path(&id, "/rating")).json(&rating).fetch()
    }

    fn chat_to_case(&self, id: String) -> ApiFuture<NewCaseFromChat> {
        self.post(&chat_path(&id, "/case")).json(&()).fetch()
    }

    fn chat_transcript_url(&self, id: &str, json: bool) -> String {
        let format = if json { "json" } else { "text" };
        self.url(&chat_path(id, &format!("/transcript?format={format}")))
    }

    fn chat_stream_url(&self, id: &str, after: i64) -> String {
        websocket_url(&self.url(&chat_path(id, &format!("/stream?{AFTER}={after}"))))
    }
}
