//! Review decisions: the user's current state and the record of every decision.

use rusqlite::{params, Connection};
use support_contract::users::{ReviewDecision, ReviewRecord};

use crate::clock::ts;
use crate::store::{enum_at, person_at, wire_name, Result};

/// Records a decision about a user and makes it their current state (bumping the version).
pub fn decide(
    conn: &Connection,
    user_id: &str,
    decision: ReviewDecision,
    reason: Option<&str>,
    reviewer_id: &str,
    now: i64,
) -> Result<()> {
    let decision = wire_name(&decision);
    conn.execute(
        "INSERT INTO user_reviews (user_id, decision, reason, reviewer_id, at) \
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![user_id, decision, reason, reviewer_id, now],
    )?;
    conn.execute(
        "UPDATE users SET validation = ?2, validated_by = ?3, validated_at = ?4, \
         validation_reason = ?5, version = version + 1 WHERE id = ?1",
        params![user_id, decision, reviewer_id, now, reason],
    )?;
    Ok(())
}

/// Every decision about a user, newest first.
pub fn list(conn: &Connection, user_id: &str) -> Result<Vec<ReviewRecord>> {
    let mut stmt = conn.prepare_cached(
        "SELECT r.decision, r.reason, r.reviewer_id, u.name AS reviewer_name, r.at FROM user_reviews r \
         JOIN users u ON u.id = r.reviewer_id WHERE r.user_id = ?1 ORDER BY r.at DESC, r.id DESC",
    )?;
    let rows = stmt.query_map([user_id], |r| {
        Ok(ReviewRecord {
            decision: enum_at(r, "decision")?,
            reason: r.get("reason")?,
            by: person_at(r, "reviewer_id", "reviewer_name")?,
            at: ts(r.get("at")?),
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
