//! Live chat in the database and on the wire: chats, their messages, the queue, availability,
//! the per-chat broadcast hub behind the streams, transcripts, and the demo agent. The handlers
//! in `routes::chat` decide who may do what; [`actions`] holds the changes both sides make
//! (each one stored, then broadcast to the chat's streams).

pub mod actions;
pub mod availability;
pub mod demo_agent;
pub mod hub;
pub mod messages;
pub mod queue;
pub mod transcript;

use rusqlite::{params, Connection, OptionalExtension, Row};
use support_contract::cases::Person;
use support_contract::chat::{Chat, ChatRating, ChatStatus, NewChat};
use support_contract::Product;

use crate::clock::ts;
use crate::model::{enum_from_db, enum_to_db};
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
const CHAT_COLUMNS: &str = "c.id, c.organisation_id, c.customer_id, u.name, c.product, c.topic, \
    c.summary, c.status, c.agent, c.queue_order, c.created_at, c.ended_at, c.last_seq, \
    c.rating_score, c.rating_comment, c.case_id";

fn chat_row(r: &Row<'_>) -> rusqlite::Result<ChatRow> {
    let score: Option<u8> = r.get(13)?;
    let comment: Option<String> = r.get(14)?;
    Ok(ChatRow {
        id: r.get(0)?,
        organisation_id: r.get(1)?,
        customer: Person {
            id: r.get(2)?,
            name: r.get(3)?,
        },
        product: enum_from_db(&r.get::<_, String>(4)?)?,
        topic: r.get(5)?,
        summary: r.get(6)?,
        status: enum_from_db(&r.get::<_, String>(7)?)?,
        agent: r.get(8)?,
        queue_order: r.get(9)?,
        created_at: r.get(10)?,
        ended_at: r.get(11)?,
        last_seq: r.get(12)?,
        rating: score.map(|score| ChatRating {
            score,
            comment: comment.unwrap_or_default(),
        }),
        case_id: r.get(15)?,
    })
}

fn select(filter: &str) -> String {
    format!(
        "SELECT {CHAT_COLUMNS} FROM chats c JOIN users u ON u.id = c.customer_id WHERE {filter}"
    )
}

/// A chat by id, of any customer (for agents).
pub fn load(conn: &Connection, id: &str) -> rusqlite::Result<Option<ChatRow>> {
    conn.prepare_cached(&select("c.id = ?1"))?
        .query_row([id], chat_row)
        .optional()
}

/// A chat by id, only if `customer_id` started it: another user's chat, even in the same
/// organisation, is simply not found.
pub fn load_own(
    conn: &Connection,
    id: &str,
    customer_id: &str,
) -> rusqlite::Result<Option<ChatRow>> {
    conn.prepare_cached(&select("c.id = ?1 AND c.customer_id = ?2"))?
        .query_row(params![id, customer_id], chat_row)
        .optional()
}

/// The customer's open (queued or active) chat, if any; there is at most one.
pub fn open_of(conn: &Connection, customer_id: &str) -> rusqlite::Result<Option<ChatRow>> {
    conn.prepare_cached(&select(
        "c.customer_id = ?1 AND c.status IN ('queued', 'active')",
    ))?
    .query_row([customer_id], chat_row)
    .optional()
}

/// Every chat of a customer, newest first.
pub fn list_of(conn: &Connection, customer_id: &str) -> rusqlite::Result<Vec<ChatRow>> {
    let sql = select("c.customer_id = ?1") + " ORDER BY c.queue_order DESC";
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map([customer_id], chat_row)?;
    rows.collect()
}

/// The chats of every organisation in these statuses, oldest first (the agents' view).
pub fn list_by_status(
    conn: &Connection,
    statuses: &[ChatStatus],
) -> rusqlite::Result<Vec<ChatRow>> {
    let wanted: Vec<String> = statuses.iter().map(enum_to_db).collect();
    let sql = select("c.status IN (SELECT value FROM json_each(?1))") + " ORDER BY c.queue_order";
    let mut stmt = conn.prepare_cached(&sql)?;
    let json = serde_json::to_string(&wanted).unwrap_or_else(|_| "[]".into());
    let rows = stmt.query_map([json], chat_row)?;
    rows.collect()
}

/// Stores a new queued chat (the form already checked) and returns its id.
pub fn insert(
    conn: &Connection,
    org_id: &str,
    customer_id: &str,
    new: &NewChat,
    at: i64,
) -> rusqlite::Result<String> {
    let id = new_id("chat");
    conn.execute(
        "INSERT INTO chats (id, organisation_id, customer_id, product, topic, summary, status, \
         queue_order, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'queued', \
         (SELECT COALESCE(MAX(queue_order), 0) + 1 FROM chats), ?7)",
        params![
            id,
            org_id,
            customer_id,
            enum_to_db(&new.product),
            new.topic,
            new.summary,
            at
        ],
    )?;
    Ok(id)
}

/// Moves a queued chat to active with its agent.
pub fn set_active(conn: &Connection, id: &str, agent: &str, at: i64) -> rusqlite::Result<()> {
    conn.execute(
        "UPDATE chats SET status = 'active', agent = ?2, accepted_at = ?3 WHERE id = ?1",
        params![id, agent, at],
    )?;
    Ok(())
}

/// Ends a chat.
pub fn set_ended(conn: &Connection, id: &str, at: i64) -> rusqlite::Result<()> {
    conn.execute(
        "UPDATE chats SET status = 'ended', ended_at = ?2 WHERE id = ?1",
        params![id, at],
    )?;
    Ok(())
}

/// Records (or replaces) the customer's rating.
pub fn set_rating(conn: &Connection, id: &str, rating: &ChatRating) -> rusqlite::Result<()> {
    conn.execute(
        "UPDATE chats SET rating_score = ?2, rating_comment = ?3 WHERE id = ?1",
        params![id, rating.score, rating.comment],
    )?;
    Ok(())
}

/// Records the case a chat was continued as.
pub fn set_case(conn: &Connection, id: &str, case_id: &str) -> rusqlite::Result<()> {
    conn.execute(
        "UPDATE chats SET case_id = ?2 WHERE id = ?1",
        params![id, case_id],
    )?;
    Ok(())
}

/// The chat as the contract shows it, with its place in the queue when queued.
pub fn to_contract(conn: &Connection, c: &ChatRow) -> rusqlite::Result<Chat> {
    let position = queue::position(conn, c)?;
    Ok(Chat {
        id: c.id.clone(),
        product: c.product,
        topic: c.topic.clone(),
        summary: c.summary.clone(),
        status: c.status,
        customer: c.customer.clone(),
        agent: c.agent.clone(),
        queue_position: position,
        estimated_wait_minutes: position.map(queue::estimated_wait_minutes),
        last_seq: c.last_seq,
        created_at: ts(c.created_at),
        ended_at: c.ended_at.map(ts),
        rating: c.rating.clone(),
        case_id: c.case_id.clone(),
    })
}

/// [`to_contract`] for a chat known by id.
pub fn contract_by_id(conn: &Connection, id: &str) -> rusqlite::Result<Option<Chat>> {
    load(conn, id)?.map(|c| to_contract(conn, &c)).transpose()
}
