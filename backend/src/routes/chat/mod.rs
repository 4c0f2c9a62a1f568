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

use serde::Deserialize;

use crate::auth::CurrentUser;
use crate::chat::actions::Side;
use crate::problem::ApiError;
use crate::routes::query::after_seq;

/// `?after=N`: a message cursor.
#[derive(Deserialize)]
pub struct AfterQuery {
    after: Option<String>,
}

impl AfterQuery {
    /// The cursor: 0 when absent; a field error unless a whole number from 0.
    fn after(&self) -> Result<i64, ApiError> {
        after_seq(
            self.after.as_deref(),
            "Use the seq of the last message you have.",
        )
    }
}

/// The signed-in user as the customer side of their chats.
fn customer(user: &CurrentUser) -> Side<'_> {
    Side::Customer(user.member())
}
