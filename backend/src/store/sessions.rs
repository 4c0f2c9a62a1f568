//! Sessions and sign-in: only the SHA-256 of a session token is stored, and a session belongs
//! to an active user.

use rusqlite::{params, Connection, OptionalExtension, Row};
use support_contract::{Organisation, User};

use super::{enum_at, opt_enum_at, Result};

/// A stored session: its user and their organisation, its expiry, the user's last activity.
pub struct SessionRow {
    /// The signed-in user.
    pub user: User,
    /// Their organisation.
    pub organisation: Organisation,
    /// Unix seconds.
    pub expires_at: i64,
    /// Unix seconds; `None` before the first authenticated request.
    pub last_active_at: Option<i64>,
}

fn session_row(r: &Row<'_>) -> rusqlite::Result<SessionRow> {
    Ok(SessionRow {
        user: User {
            id: r.get("user_id")?,
            email: r.get("email")?,
            name: r.get("user_name")?,
            role: opt_enum_at(r, "role")?,
            locale: opt_enum_at(r, "locale")?,
            time_zone: r.get("time_zone")?,
        },
        organisation: Organisation {
            id: r.get("organisation_id")?,
            name: r.get("organisation_name")?,
            plan: enum_at(r, "plan")?,
            region: enum_at(r, "region")?,
        },
        expires_at: r.get("expires_at")?,
        last_active_at: r.get("last_active_at")?,
    })
}

/// Stores a new session under a token's hash, and forgets the sessions that have expired.
pub fn insert(
    conn: &Connection,
    token_hash: &str,
    user_id: &str,
    now: i64,
    expires_at: i64,
) -> Result<()> {
    // Sign-ins are rare enough to carry the cleanup of abandoned sessions.
    conn.execute("DELETE FROM sessions WHERE expires_at <= ?1", [now])?;
    conn.execute(
        "INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES (?1, ?2, ?3, ?4)",
        params![token_hash, user_id, now, expires_at],
    )?;
    Ok(())
}

/// The session stored under a token's hash, of an active user, expired or not.
pub fn find(conn: &Connection, token_hash: &str) -> Result<Option<SessionRow>> {
    let sql = "SELECT u.id AS user_id, u.email, u.name AS user_name, u.role, u.locale, \
         u.time_zone, o.id AS organisation_id, o.name AS organisation_name, o.plan, o.region, \
         s.expires_at, u.last_active_at FROM sessions s \
         JOIN users u ON u.id = s.user_id JOIN organisations o ON o.id = u.organisation_id \
         WHERE s.token_hash = ?1 AND u.status = 'active'";
    Ok(conn
        .prepare_cached(sql)?
        .query_row([token_hash], session_row)
        .optional()?)
}

/// Moves a session's expiry.
pub fn renew(conn: &Connection, token_hash: &str, expires_at: i64) -> Result<()> {
    conn.execute(
        "UPDATE sessions SET expires_at = ?1 WHERE token_hash = ?2",
        params![expires_at, token_hash],
    )?;
    Ok(())
}

/// Deletes the session stored under a token's hash, if any.
pub fn delete(conn: &Connection, token_hash: &str) -> Result<()> {
    conn.execute("DELETE FROM sessions WHERE token_hash = ?1", [token_hash])?;
    Ok(())
}

/// Records when a user was last active.
pub fn touch_activity(conn: &Connection, user_id: &str, now: i64) -> Result<()> {
    conn.execute(
        "UPDATE users SET last_active_at = ?2 WHERE id = ?1",
        params![user_id, now],
    )?;
    Ok(())
}

/// The id and password hash of the active user with this (lowercased) email, if any.
pub fn credentials(conn: &Connection, email: &str) -> Result<Option<(String, Option<String>)>> {
    Ok(conn
        .query_row(
            "SELECT id, password_hash FROM users WHERE email = ?1 AND status = 'active'",
            [email],
            |r| Ok((r.get("id")?, r.get("password_hash")?)),
        )
        .optional()?)
}

/// The id of the active user with this (lowercased) email, if any.
pub fn active_user_id(conn: &Connection, email: &str) -> Result<Option<String>> {
    Ok(conn
        .query_row(
            "SELECT id FROM users WHERE email = ?1 AND status = 'active'",
            [email],
            |r| r.get("id"),
        )
        .optional()?)
}
