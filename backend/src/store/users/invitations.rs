//! Set-password invitations: a random token in the mailed link, only its SHA-256 stored, valid
//! for `--invitation-days`, usable once.

use rusqlite::{params, Connection, OptionalExtension};

use crate::store::Result;
use crate::tokens::{random_token, token_hash};

/// Issues a fresh invitation for a user, replacing their unused ones, and returns the token
/// and its expiry (Unix seconds). The token goes into the mail only; it is never logged.
pub fn issue(conn: &Connection, user_id: &str, now: i64, days: i64) -> Result<(String, i64)> {
    delete_unused(conn, user_id)?;
    let token = random_token(32);
    let expires_at = now + days * 86_400;
    conn.execute(
        "INSERT INTO invitations (token_hash, user_id, created_at, expires_at) VALUES (?1, ?2, ?3, ?4)",
        params![token_hash(&token), user_id, now, expires_at],
    )?;
    Ok((token, expires_at))
}

/// The user a token invites and when it expires, if the token is unused, unexpired, and its user
/// still an invited support user. Unknown, used and expired tokens are all simply `None`.
pub fn find(conn: &Connection, token: &str, now: i64) -> Result<Option<(String, i64)>> {
    Ok(conn
        .query_row(
            "SELECT i.user_id, i.expires_at FROM invitations i JOIN users u ON u.id = i.user_id \
         WHERE i.token_hash = ?1 AND i.used_at IS NULL AND i.expires_at > ?2 \
         AND u.status = 'invited' AND u.role IS NOT NULL",
            params![token_hash(token), now],
            |r| Ok((r.get("user_id")?, r.get("expires_at")?)),
        )
        .optional()?)
}

/// Marks a token used: the link works once.
pub fn mark_used(conn: &Connection, token: &str, now: i64) -> Result<()> {
    conn.execute(
        "UPDATE invitations SET used_at = ?2 WHERE token_hash = ?1",
        params![token_hash(token), now],
    )?;
    Ok(())
}

/// Deletes a user's unused invitations (on removal, or before issuing a new one).
pub fn delete_unused(conn: &Connection, user_id: &str) -> Result<()> {
    conn.execute(
        "DELETE FROM invitations WHERE user_id = ?1 AND used_at IS NULL",
        [user_id],
    )?;
    Ok(())
}
