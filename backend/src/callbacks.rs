//! Callback requests in the database: a customer asks support to phone them. The handlers in
//! `routes::callbacks` decide who may do what.

use rusqlite::{params, Connection, OptionalExtension, Row};
use support_contract::callbacks::{Callback, CallbackStatus, NewCallback};
use support_contract::cases::Person;

use crate::clock::ts;
use crate::model::{enum_from_db, enum_to_db};
use crate::tokens::new_id;

/// The columns [`callback_row`] reads, for `SELECT … FROM callbacks c JOIN users u ON u.id = c.requester_id`.
const CALLBACK_COLUMNS: &str = "c.id, c.requester_id, u.name, c.product, c.phone, c.topic, \
    c.preferred_time, c.status, c.requested_at";

fn callback_row(r: &Row<'_>) -> rusqlite::Result<Callback> {
    Ok(Callback {
        id: r.get(0)?,
        requester: Person {
            id: r.get(1)?,
            name: r.get(2)?,
        },
        product: enum_from_db(&r.get::<_, String>(3)?)?,
        phone: r.get(4)?,
        topic: r.get(5)?,
        preferred_time: r.get(6)?,
        status: enum_from_db(&r.get::<_, String>(7)?)?,
        requested_at: ts(r.get(8)?),
    })
}

fn select(filter: &str) -> String {
    format!(
        "SELECT {CALLBACK_COLUMNS} FROM callbacks c JOIN users u ON u.id = c.requester_id \
         WHERE {filter}"
    )
}

/// Stores a new request (the form already checked) and returns its id.
pub fn insert(
    conn: &Connection,
    org_id: &str,
    requester_id: &str,
    new: &NewCallback,
    at: i64,
) -> rusqlite::Result<String> {
    let id = new_id("cb");
    conn.execute(
        "INSERT INTO callbacks (id, organisation_id, requester_id, product, phone, topic, \
         preferred_time, status, requested_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'requested', ?8)",
        params![
            id,
            org_id,
            requester_id,
            enum_to_db(&new.product),
            new.phone,
            new.topic,
            new.preferred_time,
            at
        ],
    )?;
    Ok(id)
}

/// A request by id, of any organisation (for agents).
pub fn load(conn: &Connection, id: &str) -> rusqlite::Result<Option<Callback>> {
    conn.prepare_cached(&select("c.id = ?1"))?
        .query_row([id], callback_row)
        .optional()
}

/// Every request of one user, newest first (the insertion order breaks ties within a second).
pub fn list_of(conn: &Connection, requester_id: &str) -> rusqlite::Result<Vec<Callback>> {
    let sql = select("c.requester_id = ?1") + " ORDER BY c.requested_at DESC, c.rowid DESC";
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map([requester_id], callback_row)?;
    rows.collect()
}

/// The requests of every organisation in these statuses, oldest first (the agents' view).
pub fn list_by_status(
    conn: &Connection,
    statuses: &[CallbackStatus],
) -> rusqlite::Result<Vec<Callback>> {
    let wanted: Vec<String> = statuses.iter().map(enum_to_db).collect();
    let sql = select("c.status IN (SELECT value FROM json_each(?1))")
        + " ORDER BY c.requested_at, c.rowid";
    let mut stmt = conn.prepare_cached(&sql)?;
    let json = serde_json::to_string(&wanted).unwrap_or_else(|_| "[]".into());
    let rows = stmt.query_map([json], callback_row)?;
    rows.collect()
}

/// Marks a request done (a done one stays as it is).
pub fn set_done(conn: &Connection, id: &str) -> rusqlite::Result<()> {
    conn.execute(
        "UPDATE callbacks SET status = 'done' WHERE id = ?1",
        params![id],
    )?;
    Ok(())
}
