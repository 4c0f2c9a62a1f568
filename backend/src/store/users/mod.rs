//! Support users: users of an organisation with a support role, their review state, and what
//! creating, changing and removing them writes. `list` holds the list query, `audit` the audit
//! log, `reviews` the record of review decisions, `invitations` the set-password links.

pub mod audit;
pub mod invitations;
mod list;
pub mod reviews;

pub use list::{list, SortKey, UserFilter, UserKey};

use rusqlite::{params, Connection, OptionalExtension, Row};
use support_contract::users::{
    SupportUser, SupportUserCounts, UserStatus, Validation, ValidationState,
};
use support_contract::{Locale, Role};

use super::{enum_at, found, opt_enum_at, opt_person_at, wire_name, Result};
use crate::clock::ts;
use crate::tokens::new_id;

/// The columns [`support_user`] reads, from [`SUPPORT_USER_FROM`].
const SUPPORT_USER_COLUMNS: &str = "u.id, u.email, u.name, u.role, u.status, u.source, \
    u.created_at, u.created_by, cb.name AS created_by_name, u.last_active_at, u.validation, \
    u.validated_by, vb.name AS validated_by_name, u.validated_at, u.validation_reason, u.version";

/// The user `u` with the people named by its creation and its last review.
const SUPPORT_USER_FROM: &str = "users u LEFT JOIN users cb ON cb.id = u.created_by \
    LEFT JOIN users vb ON vb.id = u.validated_by";

/// A support user from a row selected with [`SUPPORT_USER_COLUMNS`]; validations from before
/// `cutoff` (Unix seconds) read as `review_due`.
fn support_user(r: &Row<'_>, cutoff: i64) -> rusqlite::Result<SupportUser> {
    let stored: ValidationState = enum_at(r, "validation")?;
    let validated_at: Option<i64> = r.get("validated_at")?;
    let state = match (stored, validated_at) {
        (ValidationState::Validated, Some(at)) if at < cutoff => ValidationState::ReviewDue,
        (s, _) => s,
    };
    Ok(SupportUser {
        id: r.get("id")?,
        email: r.get("email")?,
        name: r.get("name")?,
        role: enum_at(r, "role")?,
        status: enum_at(r, "status")?,
        source: enum_at(r, "source")?,
        created_at: r.get("created_at")?,
        created_by: opt_person_at(r, "created_by", "created_by_name")?,
        last_active_at: r.get::<_, Option<i64>>("last_active_at")?.map(ts),
        validation: Validation {
            state,
            by: opt_person_at(r, "validated_by", "validated_by_name")?,
            at: validated_at.map(ts),
            reason: r.get("validation_reason")?,
        },
        version: r.get("version")?,
    })
}

/// A support user (a user with a role, removed ones included) of an organisation;
/// validations from before `cutoff` read as due for review.
pub fn load(conn: &Connection, org_id: &str, id: &str, cutoff: i64) -> Result<SupportUser> {
    let sql = format!(
        "SELECT {SUPPORT_USER_COLUMNS} FROM {SUPPORT_USER_FROM} \
         WHERE u.id = ?1 AND u.organisation_id = ?2 AND u.role IS NOT NULL"
    );
    found(
        conn.query_row(&sql, params![id, org_id], |r| support_user(r, cutoff))
            .optional()?,
    )
}

/// How many current (not removed) support users the organisation has, by role and state.
pub fn counts(conn: &Connection, org_id: &str, cutoff: i64) -> Result<SupportUserCounts> {
    Ok(conn.query_row(
        "SELECT \
           coalesce(sum(role = 'support_system_admin'), 0) AS system_admins, \
           coalesce(sum(role = 'customer_support_admin'), 0) AS support_admins, \
           coalesce(sum(status = 'invited'), 0) AS invited, \
           coalesce(sum(validation = 'pending' OR (validation = 'validated' AND validated_at < ?2)), 0) AS needs_review, \
           coalesce(sum(validation = 'flagged'), 0) AS flagged \
         FROM users WHERE organisation_id = ?1 AND role IS NOT NULL AND status != 'removed'",
        params![org_id, cutoff],
        |r| {
            Ok(SupportUserCounts {
                support_system_admins: r.get("system_admins")?,
                customer_support_admins: r.get("support_admins")?,
                invited: r.get("invited")?,
                needs_review: r.get("needs_review")?,
                flagged: r.get("flagged")?,
            })
        },
    )?)
}

/// How many active Support System Administrators the organisation has.
pub fn active_system_admins(conn: &Connection, org_id: &str) -> Result<u32> {
    Ok(conn.query_row(
        "SELECT count(*) AS n FROM users WHERE organisation_id = ?1 \
         AND role = 'support_system_admin' AND status = 'active'",
        [org_id],
        |r| r.get("n"),
    )?)
}

/// Changes a user's role, bumping the version.
pub fn set_role(conn: &Connection, id: &str, role: Role) -> Result<()> {
    conn.execute(
        "UPDATE users SET role = ?2, version = version + 1 WHERE id = ?1",
        params![id, wire_name(&role)],
    )?;
    Ok(())
}

/// Removes a support user: status `removed` (the role stays, for the record), every session
/// ended and every unused invitation deleted, so that the next request of theirs gets 401.
pub fn remove(conn: &Connection, id: &str) -> Result<()> {
    conn.execute(
        "UPDATE users SET status = 'removed', version = version + 1 WHERE id = ?1",
        [id],
    )?;
    conn.execute("DELETE FROM sessions WHERE user_id = ?1", [id])?;
    invitations::delete_unused(conn, id)?;
    Ok(())
}

/// Whom an email belongs to in an organisation: the user's id, role and status.
pub struct EmailOwner {
    /// The user's id.
    pub id: String,
    /// `None`: a member without a support role.
    pub role: Option<Role>,
    /// Invited, active or removed.
    pub status: UserStatus,
}

/// The user with this (lowercased) email in an organisation. The same person may have an
/// account in other organisations too: each organisation has its own.
pub fn email_owner(conn: &Connection, org_id: &str, email: &str) -> Result<Option<EmailOwner>> {
    Ok(conn
        .query_row(
            "SELECT id, role, status FROM users WHERE organisation_id = ?1 AND email = ?2",
            params![org_id, email],
            |r| {
                Ok(EmailOwner {
                    id: r.get("id")?,
                    role: opt_enum_at(r, "role")?,
                    status: enum_at(r, "status")?,
                })
            },
        )
        .optional()?)
}

/// Inserts an invited support user created in the portal by `creator_id`; returns the id.
pub fn insert_invited(
    conn: &Connection,
    org_id: &str,
    email: &str,
    name: &str,
    role: Role,
    at: i64,
    creator_id: &str,
) -> Result<String> {
    let id = new_id("usr");
    conn.execute(
        "INSERT INTO users (id, organisation_id, email, name, role, status, source, \
         created_at, created_by) VALUES (?1, ?2, ?3, ?4, ?5, 'invited', 'portal', ?6, ?7)",
        params![
            id,
            org_id,
            email,
            name,
            wire_name(&role),
            ts(at),
            creator_id
        ],
    )?;
    Ok(id)
}

/// Gives a member of the organisation a support role; they keep their account, name and
/// password.
pub fn grant_role(conn: &Connection, id: &str, role: Role, granted_by: &str) -> Result<()> {
    conn.execute(
        "UPDATE users SET role = ?2, created_by = COALESCE(created_by, ?3), \
         version = version + 1 WHERE id = ?1",
        params![id, wire_name(&role), granted_by],
    )?;
    Ok(())
}

/// Starts a removed user afresh as invited: no password, no review, no session.
pub fn reinvite(conn: &Connection, id: &str, role: Role, name: &str, by: &str) -> Result<()> {
    conn.execute(
        "UPDATE users SET role = ?2, name = ?3, status = 'invited', password_hash = NULL, \
         created_by = ?4, validation = 'pending', validated_by = NULL, validated_at = NULL, \
         validation_reason = NULL, version = version + 1 WHERE id = ?1",
        params![id, wire_name(&role), name, by],
    )?;
    conn.execute("DELETE FROM sessions WHERE user_id = ?1", [id])?;
    Ok(())
}

/// Where and how to write to a user.
pub struct Recipient {
    /// The name to greet.
    pub name: String,
    /// Where the mail goes.
    pub email: String,
    /// `None`: no language chosen yet.
    pub locale: Option<Locale>,
}

fn recipient(r: &Row<'_>) -> rusqlite::Result<Recipient> {
    Ok(Recipient {
        name: r.get("name")?,
        email: r.get("email")?,
        locale: opt_enum_at(r, "locale")?,
    })
}

/// A user's name, email, language and status.
pub fn recipient_of(conn: &Connection, id: &str) -> Result<(Recipient, UserStatus)> {
    Ok(conn.query_row(
        "SELECT name, email, locale, status FROM users WHERE id = ?1",
        [id],
        |r| Ok((recipient(r)?, enum_at(r, "status")?)),
    )?)
}

/// Every active administrator of either role of the organisation but `except`, by name.
pub fn administrators(conn: &Connection, org_id: &str, except: &str) -> Result<Vec<Recipient>> {
    let mut stmt = conn.prepare_cached(
        "SELECT name, email, locale FROM users WHERE organisation_id = ?1 AND status = 'active' \
         AND role IN ('support_system_admin', 'customer_support_admin') AND id != ?2 \
         ORDER BY name, id",
    )?;
    let rows = stmt.query_map(params![org_id, except], recipient)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// What an invitation page shows of its invitee: email, name, organisation's name, role.
pub fn invitee(conn: &Connection, id: &str) -> Result<(String, String, String, Role)> {
    Ok(conn.query_row(
        "SELECT u.email, u.name, o.name AS organisation_name, u.role FROM users u \
         JOIN organisations o ON o.id = u.organisation_id WHERE u.id = ?1",
        [id],
        |r| {
            Ok((
                r.get("email")?,
                r.get("name")?,
                r.get("organisation_name")?,
                enum_at(r, "role")?,
            ))
        },
    )?)
}

/// Sets an invited user's password and makes them active; returns their organisation's id.
/// The password is the person's: their accounts in other organisations that have one get the
/// new one too (those still invited there keep waiting for their own invitation), and every
/// session of theirs ends, in whichever organisation: whoever signed in with the old password
/// (perhaps someone who learnt it) must sign in again with the new one.
pub fn activate(conn: &Connection, id: &str, password_hash: &str) -> Result<String> {
    let org = conn.query_row(
        "UPDATE users SET password_hash = ?2, status = 'active', version = version + 1 \
         WHERE id = ?1 RETURNING organisation_id",
        params![id, password_hash],
        |r| r.get("organisation_id"),
    )?;
    conn.execute(
        "UPDATE users SET password_hash = ?2 WHERE id != ?1 AND password_hash IS NOT NULL \
         AND email = (SELECT email FROM users WHERE id = ?1)",
        params![id, password_hash],
    )?;
    conn.execute(
        "DELETE FROM sessions WHERE user_id IN \
         (SELECT id FROM users WHERE email = (SELECT email FROM users WHERE id = ?1))",
        [id],
    )?;
    Ok(org)
}
