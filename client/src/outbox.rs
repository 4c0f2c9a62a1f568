//! The chat outbox: what the user wrote that the backend has not stored yet. It is kept on the
//! device (under `ids::user_key("chat-outbox", user, "")`, the same key in the portal and the
//! widget, so either resumes what the other left), sent in order one message at a time, each
//! with its client id, so that a message sent again is stored once.

use crate::chat::{merge_messages, ChatLine, Delivery};
use serde::{Deserialize, Serialize};
use support_contract::cases::Attachment;
use support_contract::chat::{ChatMessage, NewChatMessage};

/// The kind of what the outbox is kept under, per user (see `ids::user_key`).
pub const OUTBOX_KIND: &str = "chat-outbox";

/// A message written but not yet stored by the backend.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OutboxItem {
    pub id: String,
    pub chat_id: String,
    pub body: String,
    #[serde(default)]
    pub attachments: Vec<Attachment>,
    pub at: String,
}

impl OutboxItem {
    /// The line the conversation shows for it while it is on its way.
    pub fn line(&self) -> ChatLine {
        ChatLine::pending(&self.id, &self.body, &self.attachments, &self.at)
    }

    /// The request that stores it.
    pub fn message(&self) -> NewChatMessage {
        NewChatMessage {
            id: self.id.clone(),
            body: self.body.clone(),
            attachments: self.attachments.iter().map(|a| a.id.clone()).collect(),
        }
    }
}

/// What became of one attempt to store a message.
#[derive(Clone, Debug, PartialEq)]
pub enum Sent {
    /// Stored: here is the stored form.
    Stored(ChatMessage),
    /// The backend could not be reached: keep it, and try again later.
    Unreachable,
    /// The session ended: keep it, for after the user signed in again (nothing is tried until
    /// then; the link's reopening sends it).
    SignedOut,
    /// The backend refused it: it leaves the outbox, and its line offers a retry.
    Refused,
}

/// Of the outbox kept on the device, what belongs to the chat `chat_id` (the rest was for an
/// ended chat and is dropped), and the lines to show for it until history arrives.
pub fn resume(saved: Vec<OutboxItem>, chat_id: &str) -> (Vec<OutboxItem>, Vec<ChatLine>) {
    let pending: Vec<OutboxItem> = saved.into_iter().filter(|i| i.chat_id == chat_id).collect();
    let lines = pending.iter().map(OutboxItem::line).collect();
    (pending, lines)
}

/// Applies the outcome of sending `id`. Returns whether to go on with the next item (false
/// when unreachable: the rest waits, in order, behind it).
pub fn settle(
    outbox: &mut Vec<OutboxItem>,
    lines: &mut Vec<ChatLine>,
    id: &str,
    sent: Sent,
) -> bool {
    match sent {
        Sent::Unreachable | Sent::SignedOut => return false,
        Sent::Stored(stored) => merge_messages(lines, std::slice::from_ref(&stored)),
        Sent::Refused => set_delivery(lines, id, Delivery::Failed),
    }
    outbox.retain(|i| i.id != id);
    true
}

/// Puts the failed line `id` back in the outbox, with its id, so it cannot arrive twice.
/// Returns false when there is no such line.
pub fn requeue(
    outbox: &mut Vec<OutboxItem>,
    lines: &mut [ChatLine],
    id: &str,
    chat_id: &str,
) -> bool {
    let Some(line) = lines
        .iter()
        .find(|l| l.id == id && l.seq.is_none())
        .cloned()
    else {
        return false;
    };
    set_delivery(lines, id, Delivery::Sending);
    if !outbox.iter().any(|i| i.id == id) {
        outbox.push(OutboxItem {
            id: line.id,
            chat_id: chat_id.to_string(),
            body: line.body,
            attachments: line.attachments,
            at: line.at,
        });
    }
    true
}

/// Marks the line of a message not stored yet.
pub fn set_delivery(lines: &mut [ChatLine], id: &str, delivery: Delivery) {
    if let Some(line) = lines.iter_mut().find(|l| l.id == id && l.seq.is_none()) {
        line.delivery = delivery;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(id: &str, chat: &str) -> OutboxItem {
        OutboxItem {
            id: id.into(),
            chat_id: chat.into(),
            body: format!("body {id}"),
            attachments: vec![],
            at: "2026-12-06T10:00:00Z".into(),
        }
    }

    fn stored(id: &str, seq: i64) -> ChatMessage {
        ChatMessage {
            id: id.into(),
            chat_id: "c1".into(),
            seq,
            at: "2026-12-06T10:00:01Z".into(),
            author: None,
            from_support: false,
            body: format!("body {id}"),
            attachments: vec![],
        }
    }

    #[test]
    fn a_reload_resumes_only_the_open_chats_messages_as_sending() {
        let (outbox, lines) = resume(vec![item("a", "old"), item("b", "c1")], "c1");
        assert_eq!(outbox, vec![item("b", "c1")]);
        assert_eq!(lines.len(), 1);
        assert_eq!(lines[0].delivery, Delivery::Sending);
    }

    #[test]
    fn a_stored_message_leaves_the_outbox_and_an_unreachable_one_holds_the_rest() {
        let mut outbox = vec![item("a", "c1"), item("b", "c1")];
        let mut lines: Vec<ChatLine> = outbox.iter().map(OutboxItem::line).collect();
        assert!(!settle(&mut outbox, &mut lines, "a", Sent::Unreachable));
        assert!(!settle(&mut outbox, &mut lines, "a", Sent::SignedOut));
        assert_eq!(outbox.len(), 2);
        assert_eq!(lines[0].delivery, Delivery::Sending);
        assert!(settle(
            &mut outbox,
            &mut lines,
            "a",
            Sent::Stored(stored("a", 7))
        ));
        assert_eq!(outbox, vec![item("b", "c1")]);
        assert_eq!((lines[0].seq, lines[0].delivery), (Some(7), Delivery::Sent));
    }

    #[test]
    fn a_refused_message_fails_and_a_retry_sends_it_again_with_its_id() {
        let mut outbox = vec![item("a", "c1")];
        let mut lines: Vec<ChatLine> = outbox.iter().map(OutboxItem::line).collect();
        assert!(settle(&mut outbox, &mut lines, "a", Sent::Refused));
        assert!(outbox.is_empty());
        assert_eq!(lines[0].delivery, Delivery::Failed);
        assert!(requeue(&mut outbox, &mut lines, "a", "c1"));
        assert!(requeue(&mut outbox, &mut lines, "a", "c1"));
        assert_eq!(outbox, vec![item("a", "c1")]);
        assert_eq!(lines[0].delivery, Delivery::Sending);
        assert!(!requeue(&mut outbox, &mut lines, "gone", "c1"));
    }
}
