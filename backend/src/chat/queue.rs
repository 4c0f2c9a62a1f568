//! The queue of chats waiting for an agent: one line for every organisation, first come first
//! served. A customer sees their place in it and an estimate of the wait.

use rusqlite::Connection;
use support_contract::chat::{ChatEvent, ChatStatus};

use super::ChatRow;

/// Minutes an agent takes, on average, to get to the next chat in line.
pub const MINUTES_PER_PLACE: u32 = 2;

/// The estimated wait at a place in the queue.
pub fn estimated_wait_minutes(position: u32) -> u32 {
    position * MINUTES_PER_PLACE
}

/// The chat's place in the queue (1 = next), `None` unless queued.
pub fn position(conn: &Connection, c: &ChatRow) -> rusqlite::Result<Option<u32>> {
    if c.status != ChatStatus::Queued {
        return Ok(None);
    }
    let earlier: u32 = conn
        .prepare_cached("SELECT count(*) FROM chats WHERE status = 'queued' AND queue_order < ?1")?
        .query_row([c.queue_order], |r| r.get(0))?;
    Ok(Some(earlier + 1))
}

/// Every queued chat with its `queue_position` event, in queue order: what to broadcast when a
/// chat leaves the queue and everyone behind it moves up.
pub fn positions(conn: &Connection) -> rusqlite::Result<Vec<(String, ChatEvent)>> {
    let mut stmt =
        conn.prepare_cached("SELECT id FROM chats WHERE status = 'queued' ORDER BY queue_order")?;
    let ids = stmt.query_map([], |r| r.get::<_, String>(0))?;
    ids.enumerate()
        .map(|(i, id)| {
            let position = i as u32 + 1;
            Ok((
                id?,
                ChatEvent::QueuePosition {
                    position,
                    estimated_wait_minutes: estimated_wait_minutes(position),
                },
            ))
        })
        .collect()
}
