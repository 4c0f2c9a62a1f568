//! Callback requests: a customer asks support to phone them.

use rusqlite::{params, Connection, OptionalExtension, Row};
use support_contract::callbacks::{Callback, CallbackStatus, NewCallback};

use super::{enum_at, found, json_names, person_at, wire_name, Result};
use crate::clock::ts;
use crate::tokens::new_id;

/// The columns [`callback_row`] reads, for `SELECT … FROM callbacks c JOIN users u ON u.id = c.requester_id`.
const CALLBACK_COLUMNS: &str = "c.id, c.requester_id, u.name AS requester_name, c.product, \
    c.phone, c.topic, c.preferred_time, c.status, c.requested_at";

fn callback_row(r: &Row<'_>) -> rusqlite::Result<Callback> {
    Ok(Callback {
        id: r.get("id")?,
        requester: person_at(r, "requester_id", "requester_name")?,
        product: enum_at(r, "product")?,
        phone: r.get("phone")?,
        topic: r.get("topic")?,
        preferred_time: r.get("preferred_time")?,
        status: enum_at(r, "status")?,
        requested_at: ts(r.get("requested_at")?),
    })
}

fn select(filter: &str) -> String {
    format!(
        "SELECT {CALLBACK_COLUMNS} FROM callbacks c JOIN users u ON u.id = c.requester_id \
         WHERE {filter}"
    )
}

/// Stores a new request (the form already checked) and returns it.
pub fn insert(
    conn: &Connection,
    org_id: &str,
    requester_id: &str,
    new: &NewCallback,
    at: i64,
) -> Result<Callback> {
    let id = new_id("cb");
    conn.execute(
        "INSERT INTO callbacks (id, organisation_id, requester_id, product, phone, topic, \
         preferred_time, status, requested_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'requested', ?8)",
        params![
            id,
            org_id,
            requester_id,
            wire_name(&new.product),
            new.phone,
            new.topic,
            new.preferred_time,
            at
        ],
    )?;
    load(conn, &id)
}

/// A request by id, of any organisation (for agents).
pub fn load(conn: &Connection, id: &str) -> Result<Callback> {
    found(
        conn.prepare_cached(&select("c.id = ?1"))?
            .query_row([id], callback_row)
            .optional()?,
    )
}

/// Every request of one user, newest first (the insertion order breaks ties within a second).
pub fn list_of(conn: &Connection, requester_id: &str) -> Result<Vec<Callback>> {
    let sql = select("c.requester_id = ?1") + " ORDER BY c.requested_at DESC, c.rowid DESC";
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map([requester_id], callback_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The requests of every organisation in these statuses, oldest first (the agents' view).
pub fn list_by_status(conn: &Connection, statuses: &[CallbackStatus]) -> Result<Vec<Callback>> {
    let sql = select("c.status IN (SELECT value FROM json_each(?1))")
        + " ORDER BY c.requested_at, c.rowid";
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map([json_names(statuses)], callback_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Marks a request done at `at` (a done one stays as it is, with its first time) and returns it.
pub fn set_done(conn: &Connection, id: &str, at: i64) -> Result<Callback> {
    let callback = load(conn, id)?;
    conn.execute(
        "UPDATE callbacks SET status = 'done', done_at = ?2 WHERE id = ?1 AND status != 'done'",
        params![id, at],
    )?;
    load(conn, &callback.id)
}
