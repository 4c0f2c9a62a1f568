//! Live chat: the changes both sides make (each stored, then broadcast to the chat's streams),
//! the queue, availability, the per-chat broadcast hub behind the streams, transcripts, and the
//! demo agent. The handlers in `routes::chat` decide who may do what; the SQL is in
//! `store::chat`.

pub mod actions;
pub mod availability;
pub mod case;
pub mod demo_agent;
pub mod hub;
pub mod queue;
pub mod transcript;
pub mod typing;

use rusqlite::Connection;
use support_contract::chat::Chat;

use crate::clock::ts;
use crate::store::chat::ChatRow;
use crate::store::Result;

/// The chat as the contract shows it, with its place in the queue when queued.
pub fn to_contract(conn: &Connection, c: &ChatRow) -> Result<Chat> {
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
