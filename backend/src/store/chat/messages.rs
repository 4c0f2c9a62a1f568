//! Chat messages in the database: stored once per client id, numbered per chat.

use std::collections::HashMap;

use rusqlite::{params, Connection, OptionalExtension, Row};
use support_contract::cases::{Attachment, Person};
use support_contract::chat::ChatMessage;

use crate::clock::ts;
use crate::store::attachments::{attachment, ATTACHMENT_COLUMNS};
use crate::store::{opt_person_at, Result};

/// The columns [`message`] reads, for `SELECT … FROM chat_messages m LEFT JOIN users u ON u.id = m.author_id`.
const MESSAGE_COLUMNS: &str =
    "m.id, m.chat_id, m.seq, m.at, m.author_id, u.name AS author_name, m.from_support, m.body";

fn message(r: &Row<'_>) -> rusqlite::Result<ChatMessage> {
    let author = opt_person_at(r, "author_id", "author_name")?;
    Ok(ChatMessage {
        id: r.get("id")?,
        chat_id: r.get("chat_id")?,
        seq: r.get("seq")?,
        at: ts(r.get("at")?),
        author,
        from_support: r.get("from_support")?,
        body: r.get("body")?,
        attachments: Vec::new(),
    })
}

/// The attachments of a chat's messages after `after`, by message seq, in the sender's order.
fn attachments_after(
    conn: &Connection,
    chat_id: &str,
    after: i64,
) -> Result<HashMap<i64, Vec<Attachment>>> {
    let sql = format!(
        "SELECT ca.seq AS message_seq, {ATTACHMENT_COLUMNS} \
         FROM chat_attachments ca JOIN attachments a ON a.id = ca.attachment_id \
         WHERE ca.chat_id = ?1 AND ca.seq > ?2 ORDER BY ca.seq, ca.position"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(params![chat_id, after], |r| {
        Ok((r.get::<_, i64>("message_seq")?, attachment(r)?))
    })?;
    let mut by_seq: HashMap<i64, Vec<Attachment>> = HashMap::new();
    for row in rows {
        let (seq, a) = row?;
        by_seq.entry(seq).or_default().push(a);
    }
    Ok(by_seq)
}

/// A chat's messages with a seq greater than `after` (0: all), in order.
pub fn after(conn: &Connection, chat_id: &str, after: i64) -> Result<Vec<ChatMessage>> {
    let sql = format!(
        "SELECT {MESSAGE_COLUMNS} FROM chat_messages m LEFT JOIN users u ON u.id = m.author_id \
         WHERE m.chat_id = ?1 AND m.seq > ?2 ORDER BY m.seq"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let mut messages = stmt
        .query_map(params![chat_id, after], message)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut attachments = attachments_after(conn, chat_id, after)?;
    for m in &mut messages {
        if let Some(a) = attachments.remove(&m.seq) {
            m.attachments = a;
        }
    }
    Ok(messages)
}

/// A message by its client id, in whichever chat holds it.
pub fn by_id(conn: &Connection, id: &str) -> Result<Option<ChatMessage>> {
    let sql = format!(
        "SELECT {MESSAGE_COLUMNS} FROM chat_messages m LEFT JOIN users u ON u.id = m.author_id \
         WHERE m.id = ?1"
    );
    let Some(mut m) = conn
        .prepare_cached(&sql)?
        .query_row([id], message)
        .optional()?
    else {
        return Ok(None);
    };
    m.attachments = attachments_after(conn, &m.chat_id, m.seq - 1)?
        .remove(&m.seq)
        .unwrap_or_default();
    Ok(Some(m))
}

/// A new message to store.
pub struct NewMessage<'a> {
    pub id: &'a str,
    /// `None` for the agent's messages.
    pub author: Option<&'a Person>,
    pub from_support: bool,
    pub body: &'a str,
    /// Checked by the caller: the sender's own uploads, attached nowhere yet.
    pub attachments: Vec<Attachment>,
}

/// Stores a message as the chat's next seq, links its attachments and returns it.
pub fn insert(
    conn: &Connection,
    chat_id: &str,
    new: NewMessage<'_>,
    at: i64,
) -> Result<ChatMessage> {
    // The seq lives on the chat so that it is never reused, whatever happens to messages.
    let seq: i64 = conn.query_row(
        "UPDATE chats SET last_seq = last_seq + 1 WHERE id = ?1 RETURNING last_seq",
        [chat_id],
        |r| r.get("last_seq"),
    )?;
    conn.execute(
        "INSERT INTO chat_messages (chat_id, seq, id, at, author_id, from_support, body) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            chat_id,
            seq,
            new.id,
            at,
            new.author.map(|p| p.id.as_str()),
            new.from_support,
            new.body
        ],
    )?;
    for (position, a) in new.attachments.iter().enumerate() {
        conn.execute(
            "INSERT INTO chat_attachments (attachment_id, chat_id, seq, position) \
             VALUES (?1, ?2, ?3, ?4)",
            params![a.id, chat_id, seq, position as i64],
        )?;
    }
    Ok(ChatMessage {
        id: new.id.to_string(),
        chat_id: chat_id.to_string(),
        seq,
        at: ts(at),
        author: new.author.cloned(),
        from_support: new.from_support,
        body: new.body.to_string(),
        attachments: new.attachments,
    })
}

/// The seq of a chat's last message and whether support wrote it.
pub fn last(conn: &Connection, chat_id: &str) -> Result<Option<(i64, bool)>> {
    Ok(conn
        .prepare_cached(
            "SELECT seq, from_support FROM chat_messages WHERE chat_id = ?1 ORDER BY seq DESC LIMIT 1",
        )?
        .query_row([chat_id], |r| Ok((r.get("seq")?, r.get("from_support")?)))
        .optional()?)
}
