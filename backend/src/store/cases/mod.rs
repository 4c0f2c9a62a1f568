//! Support cases: their rows, filing, the changes of status, priority and engineer, the
//! idempotency keys of filings, and the automatic close. `thread` holds the entries of a case,
//! `list` the query of the case list.

mod list;
mod similar;
mod thread;

pub use list::{key_of, list, CaseFilter, CaseKey};
pub use similar::{similar, watch};
pub use thread::{add_entry, thread};

use rusqlite::{params, Connection, OptionalExtension, Row};
use support_contract::cases::{
    response_target_minutes, CaseStatus, NewCase, Person, Priority, ProductDetails, ThreadEvent,
};
use support_contract::{Plan, Product, Region};

use super::{enum_at, found, from_db, person_at, wire_name, Result};
use crate::tokens::new_id;

/// A case as stored, with its requester's name.
#[derive(Clone, Debug)]
pub struct CaseRow {
    pub id: String,
    pub organisation_id: String,
    pub number: String,
    pub requester: Person,
    pub product: Product,
    pub priority: Priority,
    pub title: String,
    pub description: String,
    pub details: ProductDetails,
    pub reproducible: bool,
    pub steps: Option<String>,
    pub environment: Option<String>,
    pub business_impact: Option<String>,
    pub contact_phone: String,
    pub time_zone: String,
    pub status: CaseStatus,
    pub engineer: Option<String>,
    pub created_at: i64,
    pub updated_at: i64,
    pub closed_at: Option<i64>,
    pub first_response_at: Option<i64>,
    pub target_minutes: i64,
    pub due_at: i64,
    pub version: i64,
    pub last_urgency_change_at: Option<i64>,
}

/// The columns [`case_row`] reads, for `SELECT … FROM cases c JOIN users u ON u.id = c.requester_id`.
const CASE_COLUMNS: &str = "c.id, c.organisation_id, c.number, c.requester_id, \
    u.name AS requester_name, c.product, c.priority, c.title, c.description, c.details, \
    c.reproducible, c.steps, c.environment, c.business_impact, c.contact_phone, c.time_zone, \
    c.status, c.engineer, c.created_at, c.updated_at, c.closed_at, c.first_response_at, \
    c.target_minutes, c.due_at, c.version, c.last_urgency_change_at";

/// The cases with their requesters, for a `WHERE` to follow.
const CASES_FROM: &str = "cases c JOIN users u ON u.id = c.requester_id";

/// A case from a row selected with [`CASE_COLUMNS`].
fn case_row(r: &Row<'_>) -> rusqlite::Result<CaseRow> {
    let details: String = r.get("details")?;
    Ok(CaseRow {
        id: r.get("id")?,
        organisation_id: r.get("organisation_id")?,
        number: r.get("number")?,
        requester: person_at(r, "requester_id", "requester_name")?,
        product: enum_at(r, "product")?,
        priority: enum_at(r, "priority")?,
        title: r.get("title")?,
        description: r.get("description")?,
        details: serde_json::from_str(&details).unwrap_or_default(),
        reproducible: r.get("reproducible")?,
        steps: r.get("steps")?,
        environment: r.get("environment")?,
        business_impact: r.get("business_impact")?,
        contact_phone: r.get("contact_phone")?,
        time_zone: r.get("time_zone")?,
        status: enum_at(r, "status")?,
        engineer: r.get("engineer")?,
        created_at: r.get("created_at")?,
        updated_at: r.get("updated_at")?,
        closed_at: r.get("closed_at")?,
        first_response_at: r.get("first_response_at")?,
        target_minutes: r.get("target_minutes")?,
        due_at: r.get("due_at")?,
        version: r.get("version")?,
        last_urgency_change_at: r.get("last_urgency_change_at")?,
    })
}

/// A case by id, within an organisation (`None`: any organisation, for agents). A case of
/// another organisation is simply not found.
pub fn load(conn: &Connection, id: &str, org: Option<&str>) -> Result<CaseRow> {
    let sql = format!(
        "SELECT {CASE_COLUMNS} FROM {CASES_FROM} \
         WHERE c.id = ?1 AND (?2 IS NULL OR c.organisation_id = ?2)"
    );
    found(
        conn.prepare_cached(&sql)?
            .query_row(params![id, org], case_row)
            .optional()?,
    )
}

/// The people watching a case.
pub fn watchers(conn: &Connection, case_id: &str) -> Result<Vec<Person>> {
    let mut stmt = conn.prepare_cached(
        "SELECT u.id, u.name FROM case_watchers w JOIN users u ON u.id = w.user_id \
         WHERE w.case_id = ?1 ORDER BY u.name, u.id",
    )?;
    let rows = stmt.query_map([case_id], |r| person_at(r, "id", "name"))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Inserts a validated case (its watchers included) with its number and first-response
/// target, indexes it for search and starts its thread with a `case_filed` entry; returns its
/// id. The caller links attachments.
pub fn insert(
    conn: &Connection,
    org_id: &str,
    plan: Plan,
    requester_id: &str,
    new: &NewCase,
    at: i64,
) -> Result<String> {
    let id = new_id("case");
    let seq: i64 = conn.query_row(
        "SELECT COALESCE(MAX(seq), 0) + 1 AS seq FROM cases WHERE organisation_id = ?1",
        [org_id],
        |r| r.get("seq"),
    )?;
    let number = format!("C-{seq:06}");
    let minutes = response_target_minutes(new.priority, plan);
    let region: String = conn.query_row(
        "SELECT region FROM organisations WHERE id = ?1",
        [org_id],
        |r| r.get("region"),
    )?;
    let region: Region = from_db(&region).unwrap_or(Region::Unknown);
    let due = crate::business_hours::due_at(at, new.priority, plan, region);
    conn.execute(
        "INSERT INTO cases (id, organisation_id, seq, number, requester_id, product, priority, title, \
         description, details, reproducible, steps, environment, business_impact, contact_phone, \
         time_zone, status, created_at, updated_at, status_changed_at, target_minutes, due_at) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, 'new', \
         ?17, ?17, ?17, ?18, ?19)",
        params![
            id,
            org_id,
            seq,
            number,
            requester_id,
            wire_name(&new.product),
            wire_name(&new.priority),
            new.title,
            new.description,
            serde_json::to_string(&new.details).unwrap_or_else(|_| "{}".into()),
            new.reproducible,
            new.steps_to_reproduce,
            new.environment,
            new.business_impact,
            new.contact_phone,
            new.time_zone,
            at,
            minutes,
            due,
        ],
    )?;
    for w in &new.watchers {
        conn.execute(
            "INSERT OR IGNORE INTO case_watchers (case_id, user_id) VALUES (?1, ?2)",
            params![id, w],
        )?;
    }
    thread::index(
        conn,
        &id,
        &format!("{number} {}\n{}", new.title, new.description),
    )?;
    let requester = Person {
        id: requester_id.into(),
        name: String::new(),
    };
    let filed = ThreadEvent::CaseFiled {
        priority: new.priority,
    };
    add_entry(conn, &id, at, Some(&requester), false, filed)?;
    Ok(id)
}

/// Marks a case changed at `at`: bumps its version (the ETag) and `updated_at`.
pub fn touch(conn: &Connection, case_id: &str, at: i64) -> Result<()> {
    conn.execute(
        "UPDATE cases SET updated_at = MAX(updated_at, ?2), version = version + 1 WHERE id = ?1",
        params![case_id, at],
    )?;
    Ok(())
}

/// Moves a case to `to`, records the change in the thread and bumps the version. The caller
/// has checked that the transition is allowed.
pub fn set_status(
    conn: &Connection,
    c: &CaseRow,
    to: CaseStatus,
    at: i64,
    author: Option<&Person>,
    from_support: bool,
) -> Result<support_contract::cases::ThreadEntry> {
    let closed_at = (to == CaseStatus::Closed).then_some(at);
    conn.execute(
        "UPDATE cases SET status = ?2, status_changed_at = ?3, closed_at = ?4 WHERE id = ?1",
        params![c.id, wire_name(&to), at, closed_at],
    )?;
    touch(conn, &c.id, at)?;
    add_entry(
        conn,
        &c.id,
        at,
        author,
        from_support,
        ThreadEvent::StatusChanged { from: c.status, to },
    )
}

/// Changes a case's priority at the customer's request, remembering when (one change a day).
pub fn set_priority(conn: &Connection, case_id: &str, to: Priority, at: i64) -> Result<()> {
    conn.execute(
        "UPDATE cases SET priority = ?2, last_urgency_change_at = ?3 WHERE id = ?1",
        params![case_id, wire_name(&to), at],
    )?;
    Ok(())
}

/// Names the engineer working a case.
pub fn set_engineer(conn: &Connection, case_id: &str, engineer: &str) -> Result<()> {
    conn.execute(
        "UPDATE cases SET engineer = ?2 WHERE id = ?1",
        params![case_id, engineer],
    )?;
    Ok(())
}

/// Records support's first response, unless it has one already.
pub fn record_first_response(conn: &Connection, case_id: &str, at: i64) -> Result<()> {
    conn.execute(
        "UPDATE cases SET first_response_at = COALESCE(first_response_at, ?2) WHERE id = ?1",
        params![case_id, at],
    )?;
    Ok(())
}

/// The case an `Idempotency-Key` of a user filed, and the hash of the request that filed it.
pub fn filed_with_key(
    conn: &Connection,
    user_id: &str,
    key: &str,
) -> Result<Option<(String, String)>> {
    Ok(conn
        .query_row(
            "SELECT case_id, request_hash FROM idempotency_keys WHERE user_id = ?1 AND key = ?2",
            params![user_id, key],
            |r| Ok((r.get("case_id")?, r.get("request_hash")?)),
        )
        .optional()?)
}

/// Remembers that a user's `Idempotency-Key` filed a case, with the hash of the request.
pub fn remember_key(
    conn: &Connection,
    user_id: &str,
    key: &str,
    case_id: &str,
    request_hash: &str,
    at: i64,
) -> Result<()> {
    conn.execute(
        "INSERT INTO idempotency_keys (user_id, key, case_id, request_hash, created_at) \
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![user_id, key, case_id, request_hash, at],
    )?;
    Ok(())
}

/// Closes every case that has been awaiting the customer (awaiting their reply, or a proposed
/// resolution) for more than `days` days, each with a system `status_changed` entry.
/// Returns how many it closed.
pub fn auto_close(conn: &mut Connection, days: i64, now: i64) -> Result<usize> {
    let tx = conn.transaction()?;
    let stale: Vec<String> = {
        let mut stmt = tx.prepare_cached(
            "SELECT id FROM cases WHERE status IN ('awaiting_your_reply', 'resolution_provided') \
             AND status_changed_at < ?1",
        )?;
        let rows = stmt.query_map([now - days * 86_400], |r| r.get("id"))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    for id in &stale {
        match load(&tx, id, None) {
            Ok(c) => {
                set_status(&tx, &c, CaseStatus::Closed, now, None, false)?;
            }
            Err(super::StoreError::NotFound) => {}
            Err(e) => return Err(e),
        }
    }
    tx.commit()?;
    Ok(stale.len())
}
