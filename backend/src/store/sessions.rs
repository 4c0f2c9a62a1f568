//! Sessions and sign-in: only the SHA-256 of a session token is stored, and a session belongs
//! to an active user. A person (an email) has an account in each organisation they belong to,
//! all with the same password: sign-in picks one, and a session may move to another.

use rusqlite::{params, Connection, OptionalExtension, Row};
use support_contract::{Organisation, User};

use super::{enum_at, opt_enum_at, Result};

/// A stored session: its user and their organisation, its start and expiry, the user's last
/// activity.
pub struct SessionRow {
    /// The signed-in user.
    pub user: User,
    /// Their organisation.
    pub organisation: Organisation,
    /// When the session was opened (signed in), Unix seconds: its absolute lifetime counts from
    /// here.
    pub created_at: i64,
    /// When the session ends unless used again, Unix seconds.
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
        created_at: r.get("created_at")?,
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
         s.created_at, s.expires_at, u.last_active_at FROM sessions s \
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

/// How sign-in picks among a person's active accounts (`u`, one per organisation `o`): the
/// organisation they used last (`person_last_organisation`), else the first by name.
const PICK_ACCOUNT: &str = "FROM users u JOIN organisations o ON o.id = u.organisation_id \
     LEFT JOIN person_last_organisation p ON p.email = u.email \
     WHERE u.email = ?1 AND u.status = 'active' \
     ORDER BY coalesce(p.organisation_id = u.organisation_id, 0) DESC, o.name, o.id LIMIT 1";

/// The id and password hash of the account a person (a lowercased email) signs in to: of
/// their active accounts, the one in the organisation they used last, else the first by the
/// organisation's name. `None` when they have no active account.
pub fn credentials(conn: &Connection, email: &str) -> Result<Option<(String, Option<String>)>> {
    let sql = format!("SELECT u.id, u.password_hash {PICK_ACCOUNT}");
    Ok(conn
        .query_row(&sql, [email], |r| {
            Ok((r.get("id")?, r.get("password_hash")?))
        })
        .optional()?)
}

/// The id of the account a person (a lowercased email) signs in to, as [`credentials`] picks
/// it; `None` when they have no active account.
pub fn active_user_id(conn: &Connection, email: &str) -> Result<Option<String>> {
    Ok(credentials(conn, email)?.map(|(id, _)| id))
}

/// The id of a person's (a lowercased email's) active account in an organisation, if any.
pub fn active_user_in(
    conn: &Connection,
    email: &str,
    organisation_id: &str,
) -> Result<Option<String>> {
    Ok(conn
        .query_row(
            "SELECT id FROM users WHERE email = ?1 AND organisation_id = ?2 AND status = 'active'",
            params![email, organisation_id],
            |r| r.get("id"),
        )
        .optional()?)
}

/// A person's (a lowercased email's) active accounts, by their organisation's name: each
/// account's id and organisation.
pub fn accounts_of(conn: &Connection, email: &str) -> Result<Vec<(String, Organisation)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT u.id AS user_id, o.id, o.name, o.plan, o.region FROM users u \
         JOIN organisations o ON o.id = u.organisation_id \
         WHERE u.email = ?1 AND u.status = 'active' ORDER BY o.name, o.id",
    )?;
    let rows = stmt.query_map([email], |r| {
        let organisation = Organisation {
            id: r.get("id")?,
            name: r.get("name")?,
            plan: enum_at(r, "plan")?,
            region: enum_at(r, "region")?,
        };
        Ok((r.get("user_id")?, organisation))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The organisations in which a person (a lowercased email) has an active account, by name.
pub fn organisations_of(conn: &Connection, email: &str) -> Result<Vec<Organisation>> {
    let accounts = accounts_of(conn, email)?;
    Ok(accounts.into_iter().map(|(_, o)| o).collect())
}

/// Remembers the organisation a person (a lowercased email) used last, for their next sign-in.
pub fn remember_organisation(conn: &Connection, email: &str, organisation_id: &str) -> Result<()> {
    conn.execute(
        "INSERT INTO person_last_organisation (email, organisation_id) VALUES (?1, ?2) \
         ON CONFLICT (email) DO UPDATE SET organisation_id = excluded.organisation_id",
        params![email, organisation_id],
    )?;
    Ok(())
}

/// Moves the session stored under a token's hash to another user (the same person's account
/// in another organisation); the token stays.
pub fn move_to(conn: &Connection, token_hash: &str, user_id: &str) -> Result<()> {
    conn.execute(
        "UPDATE sessions SET user_id = ?2 WHERE token_hash = ?1",
        params![token_hash, user_id],
    )?;
    Ok(())
}
