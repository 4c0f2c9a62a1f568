//! What a user's `Idempotency-Key` already made, by kind: a reply, a support user.

use rusqlite::{params, Connection, OptionalExtension};

use crate::store::Result;

/// What one key made: the target's id, and an entry number where the target has several.
#[derive(Debug, PartialEq, Eq)]
pub struct Made {
    pub target: String,
    pub seq: Option<i64>,
}

/// What user `user_id`'s `key` of `kind` made, if it made something.
pub fn made_with(conn: &Connection, user_id: &str, kind: &str, key: &str) -> Result<Option<Made>> {
    Ok(conn
        .query_row(
            "SELECT target, seq FROM request_keys WHERE user_id = ?1 AND kind = ?2 AND key = ?3",
            params![user_id, kind, key],
            |r| {
                Ok(Made {
                    target: r.get("target")?,
                    seq: r.get("seq")?,
                })
            },
        )
        .optional()?)
}

/// Remembers that user `user_id`'s `key` of `kind` made `made` (a key reused for something
/// else now names that).
pub fn remember(
    conn: &Connection,
    user_id: &str,
    kind: &str,
    key: &str,
    made: &Made,
    at: i64,
) -> Result<()> {
    conn.execute(
        "INSERT OR REPLACE INTO request_keys (user_id, kind, key, target, seq, created_at) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![user_id, kind, key, made.target, made.seq, at],
    )?;
    Ok(())
}
