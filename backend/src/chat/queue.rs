//! The queue of chats waiting for an agent: one line for every organisation, first come first
//! served. A customer sees their place in it and an estimate of the wait.

use rusqlite::Connection;
use support_contract::chat::{ChatEvent, ChatStatus};

use crate::store::chat::{self as store, ChatRow};
use crate::store::Result;

/// Minutes an agent takes, on average, to get to the next chat in line.
pub const MINUTES_PER_PLACE: u32 = 2;

/// The estimated wait at a place in the queue.
pub fn estimated_wait_minutes(position: u32) -> u32 {
    position * MINUTES_PER_PLACE
}

/// The chat's place in the queue (1 = next), `None` unless queued.
pub fn position(conn: &Connection, c: &ChatRow) -> Result<Option<u32>> {
    if c.status != ChatStatus::Queued {
        return Ok(None);
    }
    Ok(Some(store::queued_before(conn, c.queue_order)? + 1))
}

/// The `queue_position` event of a place in the queue.
pub fn position_event(position: u32) -> ChatEvent {
    ChatEvent::QueuePosition {
        position,
        estimated_wait_minutes: estimated_wait_minutes(position),
    }
}

/// Every queued chat with its `queue_position` event, in queue order: what to broadcast when a
/// chat leaves the queue and everyone behind it moves up.
pub fn positions(conn: &Connection) -> Result<Vec<(String, ChatEvent)>> {
    Ok(store::queued(conn)?
        .into_iter()
        .enumerate()
        .map(|(i, id)| (id, position_event(i as u32 + 1)))
        .collect())
}
