//! A case's thread: its entries numbered per case, and the search index the comments feed.

use rusqlite::{params, Connection};
use support_contract::cases::{Person, ThreadEntry, ThreadEvent};

use crate::clock::ts;
use crate::store::{opt_person_at, Result};
use crate::tokens::new_id;

/// Adds text under which a case is found by search.
pub(super) fn index(conn: &Connection, case_id: &str, text: &str) -> Result<()> {
    conn.execute(
        "INSERT INTO case_search (case_id, body) VALUES (?1, ?2)",
        params![case_id, text],
    )?;
    Ok(())
}

/// Appends an entry to a case's thread and returns it. `author` is `None` for the system.
pub fn add_entry(
    conn: &Connection,
    case_id: &str,
    at: i64,
    author: Option<&Person>,
    from_support: bool,
    event: ThreadEvent,
) -> Result<ThreadEntry> {
    let id = new_id("evt");
    let seq: i64 = conn.query_row(
        "SELECT COALESCE(MAX(seq), 0) + 1 AS seq FROM thread_entries WHERE case_id = ?1",
        [case_id],
        |r| r.get("seq"),
    )?;
    let payload = serde_json::to_value(&event).unwrap_or_default();
    let kind = payload["kind"].as_str().unwrap_or("unknown").to_string();
    conn.execute(
        "INSERT INTO thread_entries (id, case_id, seq, at, author_id, from_support, kind, payload) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            id,
            case_id,
            seq,
            at,
            author.map(|p| p.id.as_str()),
            from_support,
            kind,
            payload.to_string()
        ],
    )?;
    if let ThreadEvent::Comment { body, .. } = &event {
        index(conn, case_id, body)?;
    }
    Ok(ThreadEntry {
        id,
        seq,
        at: ts(at),
        author: author.cloned(),
        from_support,
        event,
    })
}

/// A case's thread after `after` (0: from the start), in order.
pub fn thread(conn: &Connection, case_id: &str, after: i64) -> Result<Vec<ThreadEntry>> {
    let mut stmt = conn.prepare_cached(
        "SELECT t.id, t.seq, t.at, t.author_id, u.name AS author_name, t.from_support, t.payload \
         FROM thread_entries t LEFT JOIN users u ON u.id = t.author_id \
         WHERE t.case_id = ?1 AND t.seq > ?2 ORDER BY t.seq",
    )?;
    let rows = stmt.query_map(params![case_id, after], |r| {
        let author = opt_person_at(r, "author_id", "author_name")?;
        let payload: String = r.get("payload")?;
        Ok(ThreadEntry {
            id: r.get("id")?,
            seq: r.get("seq")?,
            at: ts(r.get("at")?),
            author,
            from_support: r.get("from_support")?,
            event: serde_json::from_str(&payload).unwrap_or(ThreadEvent::Unknown),
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
