//! The changes both sides make to a chat: a message, typing, an agent accepting, the end. Each
//! is stored, then broadcast to the chat's streams while the database lock is still held, so
//! that a chat's events reach its streams in the order they were stored.

use axum::http::StatusCode;
use rusqlite::Connection;
use support_contract::cases::Person;
use support_contract::chat::{
    valid_message_id, Chat, ChatEvent, ChatMessage, ChatStatus, NewChatMessage, MESSAGE_MAX,
};
use support_contract::problem_types as types;
use support_contract::FieldCode;

use super::hub::ChatHub;
use super::{queue, to_contract};
use crate::attachments;
use crate::db::Db;
use crate::member::Member;
use crate::problem::{field, ApiError};
use crate::store::chat::messages::{self, NewMessage};
use crate::store::chat::{self as store, ChatRow};

/// What a change to a chat needs: the store, and the hub that tells the chat's streams.
#[derive(Clone, Copy)]
pub struct Env<'a> {
    /// The database.
    pub db: &'a Db,
    /// The chats' live channels.
    pub hub: &'a ChatHub,
}

/// Who acts on a chat: its customer, or support (the agent API and the demo agent).
#[derive(Clone, Copy)]
pub enum Side<'a> {
    Customer(Member<'a>),
    Support,
}

impl Side<'_> {
    fn is_support(self) -> bool {
        matches!(self, Side::Support)
    }
}

/// The chat as `side` may see it: the customer's own, or any for support; 404 otherwise.
pub fn find(conn: &Connection, id: &str, side: Side<'_>) -> Result<ChatRow, ApiError> {
    Ok(match side {
        Side::Customer(user) => store::load_own(conn, id, &user.user.id)?,
        Side::Support => store::load(conn, id)?,
    })
}

/// 409: the chat has ended.
pub fn chat_ended() -> ApiError {
    ApiError::problem(
        types::CHAT_ENDED,
        StatusCode::CONFLICT,
        "The chat has ended",
        "This chat has ended; start a new one or continue it as a case.",
    )
}

/// Sends every queued chat its place in line: a chat just left the queue.
fn publish_queue(hub: &ChatHub, conn: &Connection) -> crate::store::Result<()> {
    for (id, event) in queue::positions(conn)? {
        hub.publish(&id, event);
    }
    Ok(())
}

/// Checks a new message's fields; returns its attachments (the customer's own uploads).
fn check_message(
    conn: &Connection,
    side: Side<'_>,
    form: &NewChatMessage,
) -> Result<Vec<support_contract::cases::Attachment>, ApiError> {
    let mut errors = Vec::new();
    let attachments = match side {
        Side::Customer(user) => attachments::unlinked(conn, user, &form.attachments, &mut errors)?,
        Side::Support if form.attachments.is_empty() => Vec::new(),
        Side::Support => {
            errors.push(field(
                "attachments",
                FieldCode::NotAllowed,
                "Agents cannot attach files here.",
            ));
            Vec::new()
        }
    };
    // A file alone is a message; otherwise the text must say something.
    if form.body.trim().is_empty() && form.attachments.is_empty() {
        errors.push(field("body", FieldCode::Required, "Write a message."));
    } else if form.body.chars().count() > MESSAGE_MAX {
        errors.push(field(
            "body",
            FieldCode::TooLong,
            &format!("Use at most {MESSAGE_MAX} characters."),
        ));
    }
    if errors.is_empty() {
        Ok(attachments)
    } else {
        Err(ApiError::validation(errors))
    }
}

/// Stores a message once per client id and broadcasts it. A repeat of an id in the same chat
/// (from the same side) answers the stored message with 200 and changes nothing; an id already
/// used elsewhere is a conflict.
pub fn post_message(
    env: Env<'_>,
    chat_id: &str,
    side: Side<'_>,
    form: NewChatMessage,
    now: i64,
) -> Result<(StatusCode, ChatMessage), ApiError> {
    let mut conn = env.db.conn();
    let tx = conn.transaction()?;
    let chat = find(&tx, chat_id, side)?;
    if !valid_message_id(&form.id) {
        return Err(ApiError::validation(vec![field(
            "id",
            FieldCode::InvalidId,
            "Use 8 to 64 letters, digits, '-' or '_' (a UUID).",
        )]));
    }
    if let Some(stored) = messages::by_id(&tx, &form.id)? {
        if stored.chat_id == chat.id && stored.from_support == side.is_support() {
            return Ok((StatusCode::OK, stored));
        }
        return Err(ApiError::conflict(
            "This message id is already used by another message.",
        ));
    }
    let attachments = check_message(&tx, side, &form)?;
    if chat.status == ChatStatus::Ended {
        return Err(chat_ended());
    }
    let author: Option<Person> = match side {
        Side::Customer(user) => Some(user.person()),
        Side::Support => None,
    };
    let new = NewMessage {
        id: &form.id,
        author: author.as_ref(),
        from_support: side.is_support(),
        body: &form.body,
        attachments,
    };
    let message = messages::insert(&tx, &chat.id, new, now)?;
    tx.commit()?;
    env.hub.publish(
        &chat.id,
        ChatEvent::Message {
            message: message.clone(),
        },
    );
    drop(conn);
    Ok((StatusCode::CREATED, message))
}

/// Tells the other side that `side` started or stopped typing. Nothing is stored; on an ended
/// chat nothing is sent either (a late "stopped typing" is harmless).
pub fn typing(env: Env<'_>, chat_id: &str, side: Side<'_>, typing: bool) -> Result<(), ApiError> {
    let conn = env.db.conn();
    let chat = find(&conn, chat_id, side)?;
    if chat.status != ChatStatus::Ended {
        env.hub.publish(
            &chat.id,
            ChatEvent::Typing {
                from_support: side.is_support(),
                typing,
            },
        );
    }
    Ok(())
}

/// An agent takes a queued chat: it becomes active, its streams hear `agent_joined` and the new
/// status, and everyone behind it in the queue moves up. Any other status is a conflict.
pub fn accept(env: Env<'_>, chat_id: &str, agent: &str, now: i64) -> Result<Chat, ApiError> {
    let mut conn = env.db.conn();
    let tx = conn.transaction()?;
    let chat = find(&tx, chat_id, Side::Support)?;
    if chat.status != ChatStatus::Queued {
        return Err(ApiError::conflict("Only a queued chat can be accepted."));
    }
    store::set_active(&tx, &chat.id, agent, now)?;
    let accepted = to_contract(&tx, &find(&tx, chat_id, Side::Support)?)?;
    tx.commit()?;
    let hub = env.hub;
    hub.publish(
        &chat.id,
        ChatEvent::AgentJoined {
            agent: agent.to_string(),
        },
    );
    hub.publish(
        &chat.id,
        ChatEvent::Status {
            status: ChatStatus::Active,
            agent: Some(agent.to_string()),
        },
    );
    publish_queue(env.hub, &conn)?;
    drop(conn);
    Ok(accepted)
}

/// Ends a chat (either side). Ending an ended chat changes nothing. A queued chat leaving the
/// queue moves everyone behind it up.
pub fn end(env: Env<'_>, chat_id: &str, side: Side<'_>, now: i64) -> Result<Chat, ApiError> {
    let mut conn = env.db.conn();
    let tx = conn.transaction()?;
    let chat = find(&tx, chat_id, side)?;
    if chat.status == ChatStatus::Ended {
        return Ok(to_contract(&tx, &chat)?);
    }
    store::set_ended(&tx, &chat.id, now)?;
    let ended = to_contract(&tx, &find(&tx, chat_id, side)?)?;
    tx.commit()?;
    env.hub.publish(
        &chat.id,
        ChatEvent::Status {
            status: ChatStatus::Ended,
            agent: chat.agent.clone(),
        },
    );
    if chat.status == ChatStatus::Queued {
        publish_queue(env.hub, &conn)?;
    }
    drop(conn);
    Ok(ended)
}
