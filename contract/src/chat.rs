//! Live chat with support: the wire types of the REST calls and of the realtime stream, and the
//! rules both sides apply (message ids, rating bounds).

use serde::{Deserialize, Serialize};

#[cfg(feature = "openapi")]
use utoipa::ToSchema;

use crate::cases::{Attachment, Person};
use crate::Product;

/// Where a chat stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ChatStatus {
    /// Waiting for an agent to accept it.
    Queued,
    /// An agent accepted it.
    Active,
    Ended,
    #[serde(other)]
    Unknown,
}

/// Why chat is not offered for a product right now.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ChatUnavailable {
    /// The product's channels do not include chat.
    NotOfferedForProduct,
    /// Outside the region's business hours.
    OutsideBusinessHours,
    /// The portal is in its setup phase.
    SetupPhase,
    #[serde(other)]
    Unknown,
}

/// `GET /chat/availability`: whether the signed-in user can chat about each product now.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct ChatAvailability {
    pub product: Product,
    pub available: bool,
    /// Why not, when `available` is false.
    pub reason: Option<ChatUnavailable>,
    /// RFC 3339: when chat opens next, for `outside_business_hours`.
    pub opens_at: Option<String>,
}

/// `POST /chats` body: the pre-chat form.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct NewChat {
    pub product: Product,
    /// A few words: "Report suite data", "Login".
    pub topic: String,
    /// What the user needs, in a sentence or two; the agent reads it before accepting.
    pub summary: String,
}

/// A customer's satisfaction rating of an ended chat.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct ChatRating {
    /// 1 (poor) to 5 (excellent).
    pub score: u8,
    #[serde(default)]
    pub comment: String,
}

/// A chat session of one user about one product.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct Chat {
    pub id: String,
    pub product: Product,
    pub topic: String,
    pub summary: String,
    pub status: ChatStatus,
    /// The customer who started it.
    pub customer: Person,
    /// The support engineer, once one accepted.
    pub agent: Option<String>,
    /// 1 = next in line; `None` unless queued.
    pub queue_position: Option<u32>,
    /// Estimated minutes until an agent accepts; `None` unless queued.
    pub estimated_wait_minutes: Option<u32>,
    /// The highest message `seq` so far (0: none).
    pub last_seq: i64,
    /// RFC 3339.
    pub created_at: String,
    /// RFC 3339.
    pub ended_at: Option<String>,
    pub rating: Option<ChatRating>,
    /// The case the chat was continued as, if any.
    pub case_id: Option<String>,
}

/// One message of a chat.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct ChatMessage {
    /// Chosen by the sender (a UUID): a resend with the same id returns the stored message.
    pub id: String,
    pub chat_id: String,
    /// Position in the chat, from 1; a client resumes with "everything after N".
    pub seq: i64,
    /// RFC 3339.
    pub at: String,
    /// `None` for messages the system wrote.
    pub author: Option<Person>,
    pub from_support: bool,
    /// Plain text, shown as text, never as HTML.
    pub body: String,
    pub attachments: Vec<Attachment>,
}

/// `GET /chats/{id}/transcript?format=json`: the chat and every message, in order.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct ChatTranscript {
    pub chat: Chat,
    pub messages: Vec<ChatMessage>,
}

/// `POST /chats/{id}/messages` body.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct NewChatMessage {
    /// A client-generated id (UUID): sending the same id again never duplicates the message.
    pub id: String,
    pub body: String,
    /// Ids of files uploaded with `POST /attachments`.
    #[serde(default)]
    pub attachments: Vec<String>,
}

/// `POST /chats/{id}/typing` body.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct Typing {
    pub typing: bool,
}

/// An event on a chat's stream (`GET /chats/{id}/stream`, a WebSocket). The server sends JSON
/// text frames, one event each; the client sends `{"type":"typing","typing":true}` frames only.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ChatEvent {
    /// A new message (also every message after the `after` cursor, first, on connect).
    Message { message: ChatMessage },
    /// The other side started or stopped typing.
    Typing { from_support: bool, typing: bool },
    /// The chat's status changed (and, on connect, the current status).
    Status {
        status: ChatStatus,
        agent: Option<String>,
    },
    /// The chat's place in the queue changed.
    QueuePosition {
        position: u32,
        estimated_wait_minutes: u32,
    },
    /// An agent accepted the chat.
    AgentJoined { agent: String },
    /// Sent every 15 seconds, so a client can tell a quiet chat from a stalled link.
    Heartbeat,
    #[serde(other)]
    Unknown,
}

/// Longest message body, in characters.
pub const MESSAGE_MAX: usize = 4000;
/// Longest topic, in characters.
pub const TOPIC_MAX: usize = 120;
/// Longest summary, in characters.
pub const SUMMARY_MAX: usize = 1000;
/// Seconds between heartbeats; a client that hears nothing for three of them reconnects.
pub const HEARTBEAT_SECS: u64 = 15;

/// The `type` of each [`ChatEvent`] on the wire, for a client that reads a frame's type first
/// and then only that event's fields (serde's internally tagged decoding buffers the whole
/// frame and keeps a second decoder of every type inside it: kilobytes of a small wasm).
pub mod event_type {
    pub const MESSAGE: &str = "message";
    pub const TYPING: &str = "typing";
    pub const STATUS: &str = "status";
    pub const QUEUE_POSITION: &str = "queue_position";
    pub const AGENT_JOINED: &str = "agent_joined";
}

/// Whether a client message id is acceptable: 8 to 64 characters of `[A-Za-z0-9_-]`.
pub fn valid_message_id(id: &str) -> bool {
    (8..=64).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// Whether a rating is acceptable: a score from 1 to 5 and a comment of at most 1000 characters.
pub fn valid_rating(rating: &ChatRating) -> bool {
    (1..=5).contains(&rating.score) && rating.comment.chars().count() <= 1000
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn event_types_are_the_wire_tags_of_chat_events() {
        let tag = |e: ChatEvent| serde_json::to_value(e).unwrap()["type"].clone();
        let message = ChatMessage {
            id: "m".into(),
            chat_id: "c".into(),
            seq: 1,
            at: String::new(),
            author: None,
            from_support: true,
            body: String::new(),
            attachments: vec![],
        };
        let cases = [
            (ChatEvent::Message { message }, event_type::MESSAGE),
            (
                ChatEvent::Typing {
                    from_support: true,
                    typing: true,
                },
                event_type::TYPING,
            ),
            (
                ChatEvent::Status {
                    status: ChatStatus::Active,
                    agent: None,
                },
                event_type::STATUS,
            ),
            (
                ChatEvent::QueuePosition {
                    position: 1,
                    estimated_wait_minutes: 2,
                },
                event_type::QUEUE_POSITION,
            ),
            (
                ChatEvent::AgentJoined { agent: "A".into() },
                event_type::AGENT_JOINED,
            ),
        ];
        for (event, name) in cases {
            assert_eq!(tag(event), name);
        }
    }

    #[test]
    fn message_ids_are_uuid_like_tokens() {
        assert!(valid_message_id("0b7f6a2e-3c1d-4f5e-9a8b-7c6d5e4f3a2b"));
        assert!(!valid_message_id("short"));
        assert!(!valid_message_id("has space in it"));
        assert!(!valid_message_id(&"x".repeat(65)));
    }

    #[test]
    fn ratings_are_one_to_five() {
        let r = |score| ChatRating {
            score,
            comment: String::new(),
        };
        assert!(valid_rating(&r(1)) && valid_rating(&r(5)));
        assert!(!valid_rating(&r(0)) && !valid_rating(&r(6)));
    }

    #[test]
    fn stream_events_are_tagged_by_type() {
        let e: ChatEvent = serde_json::from_str(r#"{"type":"heartbeat"}"#).unwrap();
        assert_eq!(e, ChatEvent::Heartbeat);
        let e: ChatEvent = serde_json::from_str(r#"{"type":"confetti"}"#).unwrap();
        assert_eq!(e, ChatEvent::Unknown);
        let json = serde_json::to_string(&ChatEvent::Typing {
            from_support: true,
            typing: true,
        })
        .unwrap();
        assert_eq!(
            json,
            r#"{"type":"typing","from_support":true,"typing":true}"#
        );
    }
}
