//! Learning material and each user's completion of it. Items are the vendor's, the same for
//! every organisation; a completion belongs to its user alone.

use rusqlite::{params, Connection, Row};
use support_contract::learning::{Audience, LearningItem, LearningKind, LearningProgress};
use support_contract::Locale;

use super::{enum_at, json_names, text_language, wire_name, Result};
use crate::clock::ts;

/// One item as the vendor writes it: its target, and its words per language.
pub struct NewItem<'a> {
    pub id: &'a str,
    pub kind: LearningKind,
    /// The guide's portal path, the video's address or the article's slug.
    pub target: &'a str,
    pub duration_minutes: u32,
    pub audience: Audience,
    pub position: u32,
    /// `(language, title, summary)`.
    pub texts: &'a [(Locale, &'a str, &'a str)],
}

/// Stores an item with its words.
pub fn insert_item(conn: &Connection, item: &NewItem<'_>) -> Result<()> {
    let target = |kind: LearningKind| (item.kind == kind).then_some(item.target);
    conn.prepare_cached(
        "INSERT INTO learning_items (id, kind, path, url, article_slug, duration_minutes, \
         audience, position) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?
    .execute(params![
        item.id,
        wire_name(&item.kind),
        target(LearningKind::Guide),
        target(LearningKind::Video),
        target(LearningKind::Article),
        item.duration_minutes,
        wire_name(&item.audience),
        item.position
    ])?;
    let mut text = conn.prepare_cached(
        "INSERT INTO learning_texts (item_id, language, title, summary) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for (language, title, summary) in item.texts {
        text.execute(params![item.id, wire_name(language), title, summary])?;
    }
    Ok(())
}

/// How many items there are.
pub fn item_count(conn: &Connection) -> Result<i64> {
    Ok(
        conn.query_row("SELECT count(*) AS n FROM learning_items", [], |r| {
            r.get("n")
        })?,
    )
}

fn item_row(r: &Row<'_>) -> rusqlite::Result<LearningItem> {
    Ok(LearningItem {
        id: r.get("id")?,
        kind: enum_at(r, "kind")?,
        title: r.get("title")?,
        summary: r.get("summary")?,
        language: enum_at(r, "language")?,
        path: r.get("path")?,
        url: r.get("url")?,
        article_slug: r.get("article_slug")?,
        duration_minutes: r.get("duration_minutes")?,
        audience: enum_at(r, "audience")?,
        done_at: r.get::<_, Option<i64>>("done_at")?.map(ts),
    })
}

/// The items for `audiences`, in the vendor's order, in `language` (else English), with
/// `user_id`'s completion.
pub fn items(
    conn: &Connection,
    user_id: &str,
    language: Locale,
    audiences: &[Audience],
) -> Result<Vec<LearningItem>> {
    let sql = format!(
        "SELECT i.id, i.kind, i.path, i.url, i.article_slug, i.duration_minutes, i.audience, \
           t.language, t.title, t.summary, p.done_at \
         FROM learning_items i \
         JOIN learning_texts t ON t.item_id = i.id \
           AND t.language = {} \
         LEFT JOIN learning_progress p ON p.item_id = i.id AND p.user_id = ?2 \
         WHERE i.audience IN (SELECT value FROM json_each(?3)) \
         ORDER BY i.position, i.id",
        text_language("learning_texts", "item_id", "i.id")
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(
        params![wire_name(&language), user_id, json_names(audiences)],
        item_row,
    )?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Whether an item of this id exists for `audiences`.
pub fn item_exists(conn: &Connection, id: &str, audiences: &[Audience]) -> Result<bool> {
    Ok(conn
        .prepare_cached(
            "SELECT EXISTS (SELECT 1 FROM learning_items WHERE id = ?1 \
             AND audience IN (SELECT value FROM json_each(?2))) AS found",
        )?
        .query_row(params![id, json_names(audiences)], |r| r.get("found"))?)
}

/// Marks an item done for a user; one already done keeps the time it was first marked.
/// Answers when it was marked done.
pub fn mark_done(conn: &Connection, user_id: &str, item_id: &str, at: i64) -> Result<i64> {
    // The no-op update makes `RETURNING` answer the row that was already there.
    Ok(conn
        .prepare_cached(
            "INSERT INTO learning_progress (user_id, item_id, done_at) VALUES (?1, ?2, ?3) \
             ON CONFLICT (user_id, item_id) DO UPDATE SET done_at = learning_progress.done_at \
             RETURNING done_at",
        )?
        .query_row(params![user_id, item_id, at], |r| r.get("done_at"))?)
}

/// Marks an item not done for a user (it may not have been done).
pub fn mark_not_done(conn: &Connection, user_id: &str, item_id: &str) -> Result<()> {
    conn.prepare_cached("DELETE FROM learning_progress WHERE user_id = ?1 AND item_id = ?2")?
        .execute([user_id, item_id])?;
    Ok(())
}

/// How many of the items for `audiences` the user has done, of how many.
pub fn progress(
    conn: &Connection,
    user_id: &str,
    audiences: &[Audience],
) -> Result<LearningProgress> {
    Ok(conn
        .prepare_cached(
            "SELECT count(p.item_id) AS done, count(*) AS total FROM learning_items i \
             LEFT JOIN learning_progress p ON p.item_id = i.id AND p.user_id = ?1 \
             WHERE i.audience IN (SELECT value FROM json_each(?2))",
        )?
        .query_row(params![user_id, json_names(audiences)], |r| {
            Ok(LearningProgress {
                done: r.get("done")?,
                total: r.get("total")?,
            })
        })?)
}
