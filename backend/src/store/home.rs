//! The home page's reads: how many of a user's cases and callback requests need them, and the
//! vendor's announcements (the same for every organisation) with their words per language.

use rusqlite::{params, Connection, OptionalExtension, Row};
use support_contract::home::{Announcement, AnnouncementText, Severity};
use support_contract::Locale;

use super::{enum_at, found, text_language, wire_name, Result};
use crate::clock::ts;
use crate::tokens::new_id;

/// How many of the user's cases (filed or watched, in their organisation) await their reply,
/// and how many are open, whenever they were filed.
pub fn case_counts(conn: &Connection, org_id: &str, user_id: &str) -> Result<(u32, u32)> {
    Ok(conn
        .prepare_cached(
            "SELECT coalesce(sum(c.status = 'awaiting_your_reply'), 0) AS awaiting, \
               coalesce(sum(c.status <> 'closed'), 0) AS open \
             FROM cases c WHERE c.organisation_id = ?1 AND (c.requester_id = ?2 \
               OR EXISTS (SELECT 1 FROM case_watchers w WHERE w.case_id = c.id AND w.user_id = ?2))",
        )?
        .query_row([org_id, user_id], |r| Ok((r.get("awaiting")?, r.get("open")?)))?)
}

/// How many of the user's callback requests support has not called back yet.
pub fn callbacks_waiting(conn: &Connection, user_id: &str) -> Result<u32> {
    Ok(conn
        .prepare_cached(
            "SELECT count(*) AS n FROM callbacks WHERE requester_id = ?1 AND status = 'requested'",
        )?
        .query_row([user_id], |r| r.get("n"))?)
}

/// Stores an announcement with its words; answers its id.
pub fn insert_announcement(
    conn: &Connection,
    severity: Severity,
    starts_at: i64,
    ends_at: Option<i64>,
    texts: &[AnnouncementText],
    now: i64,
) -> Result<String> {
    let id = new_id("ann");
    conn.prepare_cached(
        "INSERT INTO announcements (id, severity, starts_at, ends_at, created_at) \
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(params![id, wire_name(&severity), starts_at, ends_at, now])?;
    let mut text = conn.prepare_cached(
        "INSERT INTO announcement_texts (announcement_id, language, title, body) \
         VALUES (?1, ?2, ?3, ?4)",
    )?;
    for t in texts {
        text.execute(params![id, wire_name(&t.language), t.title, t.body])?;
    }
    Ok(id)
}

/// How many announcements there are, current or not.
pub fn announcement_count(conn: &Connection) -> Result<i64> {
    Ok(
        conn.query_row("SELECT count(*) AS n FROM announcements", [], |r| {
            r.get("n")
        })?,
    )
}

fn announcement_row(r: &Row<'_>) -> rusqlite::Result<Announcement> {
    Ok(Announcement {
        id: r.get("id")?,
        severity: enum_at(r, "severity")?,
        title: r.get("title")?,
        body: r.get("body")?,
        language: enum_at(r, "language")?,
        starts_at: ts(r.get("starts_at")?),
        ends_at: r.get::<_, Option<i64>>("ends_at")?.map(ts),
    })
}

/// The SELECT of announcements in `?1`'s language (else English), narrowed by `filter`.
fn select(filter: &str) -> String {
    format!(
        "SELECT a.id, a.severity, a.starts_at, a.ends_at, t.language, t.title, t.body \
         FROM announcements a JOIN announcement_texts t ON t.announcement_id = a.id \
           AND t.language = {} WHERE {filter}",
        text_language("announcement_texts", "announcement_id", "a.id")
    )
}

/// The announcements shown at `now` (started, not ended), in `language` (else English): the
/// most severe first, then the newest.
pub fn current_announcements(
    conn: &Connection,
    language: Locale,
    now: i64,
) -> Result<Vec<Announcement>> {
    let sql = select("a.starts_at <= ?2 AND (a.ends_at IS NULL OR a.ends_at > ?2)")
        + " ORDER BY CASE a.severity WHEN 'critical' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END, \
           a.starts_at DESC, a.id";
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(params![wire_name(&language), now], announcement_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// One announcement, current or not, in `language` (else English).
pub fn announcement(conn: &Connection, id: &str, language: Locale) -> Result<Announcement> {
    found(
        conn.prepare_cached(&select("a.id = ?2"))?
            .query_row(params![wire_name(&language), id], announcement_row)
            .optional()?,
    )
}
