//! Support users as the administration pages see them: who is due for review, what the audit
//! log records of a user, clean names, and creating a user (`create`). The handlers in
//! `routes::users` decide who may do what; the SQL is in `store::users`.

pub mod create;
pub mod import;
pub mod review;

use rusqlite::Connection;
use support_contract::users::{AuditAction, AuditPerson, SupportUser, UserSnapshot};

use crate::member::Member;
use crate::store::users::audit::{self, Change};
use crate::store::Result;

/// Validations made before this time (Unix seconds) are due for review.
pub fn review_cutoff(now: i64, review_days: i64) -> i64 {
    now - review_days * 86_400
}

/// The user as the audit log names them.
pub fn audit_person(u: &SupportUser) -> AuditPerson {
    AuditPerson {
        id: u.id.clone(),
        name: u.name.clone(),
        email: u.email.clone(),
    }
}

/// Records in the audit log that `actor` changed support user `u` at `at`: the action, and
/// the user before and after.
pub fn record_change(
    conn: &Connection,
    actor: Member<'_>,
    u: &SupportUser,
    (action, before, after): (AuditAction, UserSnapshot, UserSnapshot),
    at: i64,
) -> Result<()> {
    audit::record(
        conn,
        &Change {
            organisation_id: &actor.organisation.id,
            at,
            actor: Some(&actor.audit_person()),
            action,
            target: &audit_person(u),
            before: Some(before),
            after: Some(after),
            rows: None,
        },
    )
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
