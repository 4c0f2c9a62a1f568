//! `/chat/availability` and `/chats`: live chat with support as a customer. Every handler
//! requires the `chat` capability, and a chat is its customer's alone: another user's chat,
//! even in the same organisation, is "not found" on every endpoint and on the stream.
//!
//! One concern per file: `availability`, `chats` (start, list, read), `messages` (and typing),
//! `lifecycle` (end, rating), `transcript`, `case` (continue as a case), `stream` (the
//! WebSocket), and `agent` (the vendor's side under `/agent/v1`). The changes themselves live
//! in `crate::chat`.

mod agent;
mod availability;
mod case;
mod chats;
mod lifecycle;
mod messages;
mod stream;
mod transcript;

// Glob re-exports: `routes!` needs each handler's hidden `__path_*` companion beside it.
pub use agent::*;
pub use availability::*;
pub use case::*;
pub use chats::*;
pub use lifecycle::*;
pub use messages::*;
pub use stream::*;
pub use transcript::*;

use axum::http::HeaderValue;
use serde::Deserialize;

use support_contract::FieldCode;

use crate::problem::{field, ApiError};

/// `?after=N`: a message cursor.
#[derive(Deserialize)]
pub struct AfterQuery {
    after: Option<String>,
}

impl AfterQuery {
    /// The cursor: 0 when absent; a field error unless a whole number from 0.
    fn after(&self) -> Result<i64, ApiError> {
        match self.after.as_deref().filter(|a| !a.is_empty()) {
            None => Ok(0),
            Some(a) => a.parse::<i64>().ok().filter(|a| *a >= 0).ok_or_else(|| {
                ApiError::validation(vec![field(
                    "after",
                    FieldCode::InvalidValue,
                    "Use the seq of the last message you have.",
                )])
            }),
        }
    }
}

/// The URL of a chat, for `Location`.
fn location(chat_id: &str) -> HeaderValue {
    HeaderValue::from_str(&format!("/api/v1/chats/{chat_id}")).expect("ids are URL-safe")
}
