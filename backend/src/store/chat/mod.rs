//! Live chats: their rows, the queue's order, and the changes of status, rating and case.
//! `messages` holds the conversation.

pub mod messages;

use rusqlite::{params, Connection, OptionalExtension, Row};
use support_contract::cases::Person;
use support_contract::chat::{ChatRating, ChatStatus, NewChat};
use support_contract::Product;

use super::{enum_at, found, json_names, person_at, wire_name, Result};
use crate::tokens::new_id;

/// A chat as stored, with its customer's name.
#[derive(Clone, Debug)]
pub struct ChatRow {
    pub id: String,
    pub organisation_id: String,
    pub customer: Person,
    pub product: Product,
    pub topic: String,
    pub summary: String,
    pub status: ChatStatus,
    pub agent: Option<String>,
    pub queue_order: i64,
    pub created_at: i64,
    pub ended_at: Option<i64>,
    pub last_seq: i64,
    pub rating: Option<ChatRating>,
    pub case_id: Option<String>,
}

/// The columns [`chat_row`] reads, for `SELECT … FROM chats c JOIN users u ON u.id = c.customer_id`.
const CHAT_COLUMNS: &str = "c.id, c.organisation_id, c.customer_id, u.name AS customer_name, \
    c.product, c.topic, c.summary, c.status, c.agent, c.queue_order, c.created_at, c.ended_at, \
    c.last_seq, c.rating_score, c.rating_comment, c.case_id";

fn chat_row(r: &Row<'_>) -> rusqlite::Result<ChatRow> {
    let score: Option<u8> = r.get("rating_score")?;
    let comment: Option<String> = r.get("rating_comment")?;
    Ok(ChatRow {
        id: r.get("id")?,
        organisation_id: r.get("organisation_id")?,
        customer: person_at(r, "customer_id", "customer_name")?,
        product: enum_at(r, "product")?,
        topic: r.get("topic")?,
        summary: r.get("summary")?,
        status: enum_at(r, "status")?,
        agent: r.get("agent")?,
        queue_order: r.get("queue_order")?,
        created_at: r.get("created_at")?,
        ended_at: r.get("ended_at")?,
        last_seq: r.get("last_seq")?,
        rating: score.map(|score| ChatRating {
            score,
            comment: comment.unwrap_or_default(),
        }),
        case_id: r.get("case_id")?,
    })
}

fn select(filter: &str) -> String {
    format!(
        "SELECT {CHAT_COLUMNS} FROM chats c JOIN users u ON u.id = c.customer_id WHERE {filter}"
    )
}

/// A chat by id, of any customer (for agents).
pub fn load(conn: &Connection, id: &str) -> Result<ChatRow> {
    found(
        conn.prepare_cached(&select("c.id = ?1"))?
            .query_row([id], chat_row)
            .optional()?,
    )
}

/// A chat by id, only if `customer_id` started it: another user's chat, even in the same
/// organisation, is simply not found.
pub fn load_own(conn: &Connection, id: &str, customer_id: &str) -> Result<ChatRow> {
    found(
        conn.prepare_cached(&select("c.id = ?1 AND c.customer_id = ?2"))?
            .query_row(params![id, customer_id], chat_row)
            .optional()?,
    )
}

/// The customer's open (queued or active) chat, if any; there is at most one.
pub fn open_of(conn: &Connection, customer_id: &str) -> Result<Option<ChatRow>> {
    Ok(conn
        .prepare_cached(&select(
            "c.customer_id = ?1 AND c.status IN ('queued', 'active')",
        ))?
        .query_row([customer_id], chat_row)
        .optional()?)
}

/// Every chat of a customer, newest first.
pub fn list_of(conn: &Connection, customer_id: &str) -> Result<Vec<ChatRow>> {
    let sql = select("c.customer_id = ?1") + " ORDER BY c.queue_order DESC";
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map([customer_id], chat_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The chats of every organisation in these statuses, oldest first (the agents' view).
pub fn list_by_status(conn: &Connection, statuses: &[ChatStatus]) -> Result<Vec<ChatRow>> {
    let sql = select("c.status IN (SELECT value FROM json_each(?1))") + " ORDER BY c.queue_order";
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map([json_names(statuses)], chat_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// How many queued chats are ahead of a place in the queue.
pub fn queued_before(conn: &Connection, queue_order: i64) -> Result<u32> {
    Ok(conn
        .prepare_cached(
            "SELECT count(*) AS n FROM chats WHERE status = 'queued' AND queue_order < ?1",
        )?
        .query_row([queue_order], |r| r.get("n"))?)
}

/// The ids of the queued chats, in queue order.
pub fn queued(conn: &Connection) -> Result<Vec<String>> {
    let mut stmt =
        conn.prepare_cached("SELECT id FROM chats WHERE status = 'queued' ORDER BY queue_order")?;
    let ids = stmt.query_map([], |r| r.get("id"))?;
    Ok(ids.collect::<rusqlite::Result<_>>()?)
}

/// Stores a new queued chat at the end of the queue (the form already checked); returns its id.
pub fn insert(
    conn: &Connection,
    org_id: &str,
    customer_id: &str,
    new: &NewChat,
    at: i64,
) -> Result<String> {
    let id = new_id("chat");
    conn.execute(
        "INSERT INTO chats (id, organisation_id, customer_id, product, topic, summary, status, \
         queue_order, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'queued', \
         (SELECT COALESCE(MAX(queue_order), 0) + 1 FROM chats), ?7)",
        params![
            id,
            org_id,
            customer_id,
            wire_name(&new.product),
            new.topic,
            new.summary,
            at
        ],
    )?;
    Ok(id)
}

/// Moves a queued chat to active with its agent.
pub fn set_active(conn: &Connection, id: &str, agent: &str, at: i64) -> Result<()> {
    conn.execute(
        "UPDATE chats SET status = 'active', agent = ?2, accepted_at = ?3 WHERE id = ?1",
        params![id, agent, at],
    )?;
    Ok(())
}

/// Ends a chat.
pub fn set_ended(conn: &Connection, id: &str, at: i64) -> Result<()> {
    conn.execute(
        "UPDATE chats SET status = 'ended', ended_at = ?2 WHERE id = ?1",
        params![id, at],
    )?;
    Ok(())
}

/// Records (or replaces) the customer's rating.
pub fn set_rating(conn: &Connection, id: &str, rating: &ChatRating) -> Result<()> {
    conn.execute(
        "UPDATE chats SET rating_score = ?2, rating_comment = ?3 WHERE id = ?1",
        params![id, rating.score, rating.comment],
    )?;
    Ok(())
}

/// Records the case a chat was continued as.
pub fn set_case(conn: &Connection, id: &str, case_id: &str) -> Result<()> {
    conn.execute(
        "UPDATE chats SET case_id = ?2 WHERE id = ?1",
        params![id, case_id],
    )?;
    Ok(())
}
