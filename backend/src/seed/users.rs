//! Northwind's support users in the states the administration pages show: validated recently,
//! validated long ago (due for review), flagged, removed, and the invited Jordan Blake; with
//! their review records and audit entries. The accounts the tests sign in as stay as they are.

use rusqlite::{params, Connection};
use support_contract::users::{AuditAction, AuditPerson, UserSnapshot, ValidationState};
use support_contract::{Role, UserStatus};

use super::cases::D;
use super::demo_hash;
use crate::clock;
use crate::clock::ts;
use crate::store::users::audit::{self, Change};
use crate::store::users::{self as store, reviews};
use crate::store::Result;
use crate::tokens::new_id;

/// The last review decision of a demo user: (days ago, flag reason; `None` validates).
type Decision = (i64, Option<&'static str>);

/// A demo support user created by the system administrator.
pub(super) struct DemoSupportUser {
    pub(super) email: &'static str,
    name: &'static str,
    /// Days before now.
    created: i64,
    last_active: Option<i64>,
    decision: Option<Decision>,
    /// Days before now that they were removed.
    removed: Option<i64>,
}

pub(super) const DEMO_SUPPORT_USERS: &[DemoSupportUser] = &[
    DemoSupportUser {
        email: "taylor.brooks@northwind.example",
        name: "Taylor Brooks",
        created: 60,
        last_active: Some(2),
        decision: Some((12, None)),
        removed: None,
    },
    DemoSupportUser {
        email: "jamie.chen@northwind.example",
        name: "Jamie Chen",
        created: 250,
        last_active: Some(40),
        // Longer ago than the default review period (180 days): due for review.
        decision: Some((200, None)),
        removed: None,
    },
    DemoSupportUser {
        email: "riley.evans@northwind.example",
        name: "Riley Evans",
        created: 90,
        last_active: Some(30),
        decision: Some((
            3,
            Some("Moved to the finance team in March; confirm whether support access is still needed."),
        )),
        removed: None,
    },
    DemoSupportUser {
        email: "drew.quinn@northwind.example",
        name: "Drew Quinn",
        created: 120,
        last_active: Some(25),
        decision: None,
        removed: Some(20),
    },
];

/// Days before now that Jordan Blake (invited, in the main demo table) was created.
const JORDAN_CREATED: i64 = 2;

/// Adds the demo support users of Northwind, whose system administrator is `admin_id`.
pub(super) fn seed_support_users(tx: &Connection, org_id: &str, admin_id: &str) -> Result<()> {
    let now = clock::now();
    let person = |id: &str| -> rusqlite::Result<AuditPerson> {
        tx.query_row(
            "SELECT id, name, email FROM users WHERE id = ?1",
            [id],
            |r| {
                Ok(AuditPerson {
                    id: r.get("id")?,
                    name: r.get("name")?,
                    email: r.get("email")?,
                })
            },
        )
    };
    let admin = person(admin_id)?;
    let csa = Some(Role::CustomerSupportAdmin);
    let snapshot = |status| UserSnapshot {
        role: csa,
        status: Some(status),
        ..UserSnapshot::default()
    };
    let log = |at: i64, action, target: &AuditPerson, before, after| {
        audit::record(
            tx,
            &Change {
                organisation_id: org_id,
                at,
                actor: Some(&admin),
                action,
                target,
                before,
                after,
                rows: None,
            },
        )
    };

    let jordan: String = tx.query_row(
        "SELECT id FROM users WHERE email = 'jordan.blake@northwind.example'",
        [],
        |r| r.get("id"),
    )?;
    let created = now - JORDAN_CREATED * D;
    tx.execute(
        "UPDATE users SET created_by = ?2, created_at = ?3 WHERE id = ?1",
        params![jordan, admin_id, ts(created)],
    )?;
    log(
        created,
        AuditAction::UserCreated,
        &person(&jordan)?,
        None,
        Some(snapshot(UserStatus::Invited)),
    )?;

    for u in DEMO_SUPPORT_USERS {
        let id = new_id("usr");
        let created = now - u.created * D;
        tx.execute(
            "INSERT INTO users (id, organisation_id, email, name, role, status, source, password_hash, \
             created_at, created_by, last_active_at) \
             VALUES (?1, ?2, ?3, ?4, 'customer_support_admin', 'active', 'portal', ?5, ?6, ?7, ?8)",
            params![
                id,
                org_id,
                u.email,
                u.name,
                demo_hash(),
                ts(created),
                admin_id,
                u.last_active.map(|d| now - d * D - 3_600),
            ],
        )?;
        let target = person(&id)?;
        log(
            created,
            AuditAction::UserCreated,
            &target,
            None,
            Some(snapshot(UserStatus::Invited)),
        )?;
        if let Some((days, reason)) = u.decision {
            let at = now - days * D;
            let (decision, action, state) = match reason {
                None => (
                    support_contract::users::ReviewDecision::Validated,
                    AuditAction::UserValidated,
                    ValidationState::Validated,
                ),
                Some(_) => (
                    support_contract::users::ReviewDecision::Flagged,
                    AuditAction::UserFlagged,
                    ValidationState::Flagged,
                ),
            };
            reviews::decide(tx, &id, decision, reason, admin_id, at)?;
            let review = |validation, reason: Option<&str>| UserSnapshot {
                validation: Some(validation),
                reason: reason.map(str::to_string),
                ..UserSnapshot::default()
            };
            log(
                at,
                action,
                &target,
                Some(review(ValidationState::Pending, None)),
                Some(review(state, reason)),
            )?;
        }
        if let Some(days) = u.removed {
            store::remove(tx, &id)?;
            log(
                now - days * D,
                AuditAction::UserRemoved,
                &target,
                Some(snapshot(UserStatus::Active)),
                Some(snapshot(UserStatus::Removed)),
            )?;
        }
    }
    Ok(())
}
