//! Support users in the database: reading them as contract types, their review state, the
//! records of reviews and invitations, and the audit log. The handlers in `routes::users`
//! decide who may do what; this module only knows how.

pub mod audit;
pub mod create;
pub mod invitations;
pub mod reviews;

use rusqlite::{params, Connection, OptionalExtension, Row};
use support_contract::cases::Person;
use support_contract::users::{
    AuditPerson, SupportUser, UserSnapshot, Validation, ValidationState,
};
use support_contract::Role;

use crate::clock::ts;
use crate::model::{enum_from_db, enum_to_db};

/// The columns [`support_user`] reads, from [`SUPPORT_USER_FROM`].
pub const SUPPORT_USER_COLUMNS: &str = "u.id, u.email, u.name, u.role, u.status, u.source, \
    u.created_at, u.created_by, cb.name, u.last_active_at, u.validation, u.validated_by, vb.name, \
    u.validated_at, u.validation_reason, u.version";

/// The user `u` with the people named by its creation and its last review.
pub const SUPPORT_USER_FROM: &str = "users u LEFT JOIN users cb ON cb.id = u.created_by \
    LEFT JOIN users vb ON vb.id = u.validated_by";

/// Validations made before this time (Unix seconds) are due for review.
pub fn review_cutoff(now: i64, review_days: i64) -> i64 {
    now - review_days * 86_400
}

fn person(id: Option<String>, name: Option<String>) -> Option<Person> {
    Some(Person {
        id: id?,
        name: name?,
    })
}

/// A support user from a row selected with [`SUPPORT_USER_COLUMNS`]; `cutoff` from
/// [`review_cutoff`] turns old validations into `review_due`.
pub fn support_user(r: &Row<'_>, cutoff: i64) -> rusqlite::Result<SupportUser> {
    let stored: ValidationState = enum_from_db(&r.get::<_, String>(10)?)?;
    let validated_at: Option<i64> = r.get(13)?;
    let state = match (stored, validated_at) {
        (ValidationState::Validated, Some(at)) if at < cutoff => ValidationState::ReviewDue,
        (s, _) => s,
    };
    Ok(SupportUser {
        id: r.get(0)?,
        email: r.get(1)?,
        name: r.get(2)?,
        role: enum_from_db(&r.get::<_, String>(3)?)?,
        status: enum_from_db(&r.get::<_, String>(4)?)?,
        source: enum_from_db(&r.get::<_, String>(5)?)?,
        created_at: r.get(6)?,
        created_by: person(r.get(7)?, r.get(8)?),
        last_active_at: r.get::<_, Option<i64>>(9)?.map(ts),
        validation: Validation {
            state,
            by: person(r.get(11)?, r.get(12)?),
            at: validated_at.map(ts),
            reason: r.get(14)?,
        },
        version: r.get(15)?,
    })
}

/// A support user (a user with a role, removed ones included) of an organisation.
pub fn load(
    conn: &Connection,
    org_id: &str,
    id: &str,
    cutoff: i64,
) -> rusqlite::Result<Option<SupportUser>> {
    let sql = format!(
        "SELECT {SUPPORT_USER_COLUMNS} FROM {SUPPORT_USER_FROM} \
         WHERE u.id = ?1 AND u.organisation_id = ?2 AND u.role IS NOT NULL"
    );
    conn.query_row(&sql, params![id, org_id], |r| support_user(r, cutoff))
        .optional()
}

/// How many active Support System Administrators the organisation has.
pub fn active_system_admins(conn: &Connection, org_id: &str) -> rusqlite::Result<u32> {
    conn.query_row(
        "SELECT count(*) FROM users WHERE organisation_id = ?1 \
         AND role = 'support_system_admin' AND status = 'active'",
        [org_id],
        |r| r.get(0),
    )
}

/// Changes a user's role, bumping the version.
pub fn set_role(conn: &Connection, id: &str, role: Role) -> rusqlite::Result<()> {
    conn.execute(
        "UPDATE users SET role = ?2, version = version + 1 WHERE id = ?1",
        params![id, enum_to_db(&role)],
    )?;
    Ok(())
}

/// Removes a support user: status `removed` (the role stays, for the record), every session
/// ended and every unused invitation deleted, so that the next request of theirs gets 401.
pub fn remove(conn: &Connection, id: &str) -> rusqlite::Result<()> {
    conn.execute(
        "UPDATE users SET status = 'removed', version = version + 1 WHERE id = ?1",
        [id],
    )?;
    conn.execute("DELETE FROM sessions WHERE user_id = ?1", [id])?;
    invitations::delete_unused(conn, id)?;
    Ok(())
}

/// The user as the audit log names them.
pub fn audit_person(u: &SupportUser) -> AuditPerson {
    AuditPerson {
        id: u.id.clone(),
        name: u.name.clone(),
        email: u.email.clone(),
    }
}

/// The role and status of a user, for an audit entry.
pub fn access_snapshot(u: &SupportUser) -> UserSnapshot {
    UserSnapshot {
        role: Some(u.role),
        status: Some(u.status),
        ..UserSnapshot::default()
    }
}

/// The review state of a user, for an audit entry.
pub fn review_snapshot(u: &SupportUser) -> UserSnapshot {
    UserSnapshot {
        validation: Some(u.validation.state),
        reason: u.validation.reason.clone(),
        ..UserSnapshot::default()
    }
}

/// Replaces control characters (line breaks, tabs) by spaces and trims: names end up in mail
/// headers and CSV cells, where such characters would change the structure.
pub fn clean_name(name: &str) -> String {
    name.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect::<String>()
        .trim()
        .to_string()
}
