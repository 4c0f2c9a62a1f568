//! First data of a database: the demo organisations, or a bootstrap administrator. The demo
//! cases are in `cases`, the support users in their various review states in `users`, and
//! generated history for demos and benchmarks in `history`. The help library (`help`) and the
//! "Get started" material with the first announcement (`learning`), the vendor's own content,
//! fill every fresh database, demo or not.

mod cases;
pub mod help;
mod history;
mod learning;
mod load_users;
mod marker;
mod users;

use std::sync::OnceLock;

use rusqlite::{params, Connection, OptionalExtension};
use support_contract::{Plan, Region, Role, UserSource, UserStatus};

use crate::clock::now_rfc3339;
use crate::config::Bootstrap;
use crate::password;
use crate::store::{self, wire_name};
use crate::tokens::new_id;

pub use cases::seed_generated_cases;
use cases::{seed_cases, DemoCase, CONTOSO_CASES, DEMO_CASES};
pub use help::seed_help;
pub use history::seed_generated_history;
pub use learning::seed_learning;
pub use load_users::{load_user_email, seed_load_users};
pub use marker::{is_demo_database, start_demo, DemoStart};

/// The password of every demo account. Public on purpose: it is demo data.
pub const DEMO_PASSWORD: &str = "Support-Demo-1";

struct DemoUser {
    email: &'static str,
    name: &'static str,
    role: Option<Role>,
    status: UserStatus,
    source: UserSource,
}

const fn demo(
    email: &'static str,
    name: &'static str,
    role: Option<Role>,
    source: UserSource,
) -> DemoUser {
    DemoUser {
        email,
        name,
        role,
        status: UserStatus::Active,
        source,
    }
}

struct DemoOrg {
    name: &'static str,
    plan: Plan,
    region: Region,
    /// The first is the organisation's system administrator; with `cases`, the second files them.
    users: &'static [DemoUser],
    /// Filed by the second user, the first watching every other one.
    cases: &'static [DemoCase],
    /// The cases' contact phone and time zone.
    contact: (&'static str, &'static str),
}

/// The demo person in two organisations, with an account (a `DemoUser`) in each, the same
/// email and password: the organisation switcher's demo.
const MULTI_ORG_EMAIL: &str = "morgan.avery@partners.example";
const MULTI_ORG_NAME: &str = "Morgan Avery";

/// The demo data; tests (`tests/support/accounts.ts`) rely on these exact emails and names.
const DEMO: &[DemoOrg] = &[
    DemoOrg {
        name: "Northwind Traders",
        plan: Plan::Premium,
        region: Region::Emea,
        users: &[
            demo(
                "sysadmin@northwind.example",
                "Alex Morgan",
                Some(Role::SupportSystemAdmin),
                UserSource::PurchaseContract,
            ),
            demo(
                "support@northwind.example",
                "Casey Lee",
                Some(Role::CustomerSupportAdmin),
                UserSource::EarlierSupportRequest,
            ),
            demo(
                "member@northwind.example",
                "Sam Patel",
                None,
                UserSource::Portal,
            ),
            DemoUser {
                email: "jordan.blake@northwind.example",
                name: "Jordan Blake",
                role: Some(Role::CustomerSupportAdmin),
                status: UserStatus::Invited,
                source: UserSource::Portal,
            },
            demo(
                MULTI_ORG_EMAIL,
                MULTI_ORG_NAME,
                Some(Role::CustomerSupportAdmin),
                UserSource::EarlierSupportRequest,
            ),
        ],
        cases: DEMO_CASES,
        contact: ("+44 20 7946 0123", "Europe/London"),
    },
    // Robin stays Contoso's one Support System Administrator: the checks of the last-admin
    // rule rely on it, so Morgan is a Customer Support Administrator here too.
    DemoOrg {
        name: "Contoso Ltd",
        plan: Plan::Standard,
        region: Region::Americas,
        users: &[
            demo(
                "sysadmin@contoso.example",
                "Robin Diaz",
                Some(Role::SupportSystemAdmin),
                UserSource::PurchaseContract,
            ),
            demo(
                MULTI_ORG_EMAIL,
                MULTI_ORG_NAME,
                Some(Role::CustomerSupportAdmin),
                UserSource::EarlierSupportRequest,
            ),
        ],
        cases: CONTOSO_CASES,
        contact: ("+1 212 555 0147", "America/New_York"),
    },
    // Two colleagues whose chats nothing else touches: a user has one open chat at a time, so
    // the chat conformance checks need accounts of their own (one each for the two spec files,
    // each the other's "same organisation, not their chat").
    DemoOrg {
        name: "Fabrikam Inc",
        plan: Plan::Standard,
        region: Region::Emea,
        users: &[
            demo(
                "jesse.moreau@fabrikam.example",
                "Jesse Moreau",
                Some(Role::CustomerSupportAdmin),
                UserSource::EarlierSupportRequest,
            ),
            demo(
                "noor.haddad@fabrikam.example",
                "Noor Haddad",
                Some(Role::CustomerSupportAdmin),
                UserSource::EarlierSupportRequest,
            ),
        ],
        cases: &[],
        contact: ("", ""),
    },
];

/// Emails and roles of the demo accounts that can sign in, for the startup banner and the demo
/// console: one line a person, naming the organisations of the person who has two.
pub fn demo_accounts() -> Vec<(&'static str, String)> {
    let mut accounts: Vec<(&'static str, Vec<(&'static str, &'static str)>)> = Vec::new();
    for org in DEMO {
        for u in org.users.iter().filter(|u| u.status == UserStatus::Active) {
            let role = match u.role {
                Some(Role::SupportSystemAdmin) => "Support System Administrator",
                Some(_) => "Customer Support Administrator",
                None => "Member without a support role",
            };
            match accounts.iter_mut().find(|(email, _)| *email == u.email) {
                Some((_, roles)) => roles.push((role, org.name)),
                None => accounts.push((u.email, vec![(role, org.name)])),
            }
        }
    }
    accounts
        .into_iter()
        .map(|(email, roles)| {
            let line = match roles.as_slice() {
                [(role, _)] => role.to_string(),
                [(first, _), rest @ ..] if rest.iter().all(|(role, _)| role == first) => {
                    let orgs: Vec<&str> = roles.iter().map(|(_, org)| *org).collect();
                    format!("{first} in {}", orgs.join(" and "))
                }
                _ => {
                    let each: Vec<String> = roles
                        .iter()
                        .map(|(role, org)| format!("{role} in {org}"))
                        .collect();
                    each.join(", ")
                }
            };
            (email, line)
        })
        .collect()
}

/// Seeds the demo organisations unless the database already has an organisation, and marks the
/// database as the demo's (see [`start_demo`]). Returns whether it seeded.
pub fn seed_demo(conn: &mut Connection) -> store::Result<bool> {
    let tx = conn.transaction()?;
    let any: bool = tx.query_row(
        "SELECT EXISTS (SELECT 1 FROM organisations) AS seeded",
        [],
        |r| r.get("seeded"),
    )?;
    if any {
        return Ok(false);
    }
    for (i, org) in DEMO.iter().enumerate() {
        let org_id = insert_org(&tx, org.name, org.plan, org.region)?;
        let mut ids = Vec::new();
        for u in org.users {
            let hash = (u.status == UserStatus::Active).then(demo_hash);
            ids.push(insert_user(
                &tx, &org_id, u.email, u.name, u.role, u.status, u.source, hash,
            )?);
        }
        if !org.cases.is_empty() {
            seed_cases(
                &tx,
                &org_id,
                org.plan,
                org.cases,
                org.contact,
                &ids[1],
                &ids[0],
            )?;
        }
        if i == 0 {
            // Northwind's support users in every review state, created by its system administrator.
            users::seed_support_users(&tx, &org_id, &ids[0])?;
        }
    }
    marker::mark(&tx)?;
    tx.commit()?;
    Ok(true)
}

/// Creates the bootstrap organisation and administrator when the database has no users.
/// Returns whether it created them.
pub fn bootstrap(conn: &mut Connection, b: &Bootstrap) -> store::Result<bool> {
    let tx = conn.transaction()?;
    let any: Option<i64> = tx
        .query_row("SELECT 1 AS one FROM users LIMIT 1", [], |r| r.get("one"))
        .optional()?;
    if any.is_some() {
        return Ok(false);
    }
    let org_id = insert_org(&tx, &b.org_name, b.org_plan, b.org_region)?;
    let hash = password::hash(&b.admin_password.0);
    insert_user(
        &tx,
        &org_id,
        &b.admin_email,
        &b.admin_name,
        Some(Role::SupportSystemAdmin),
        UserStatus::Active,
        UserSource::PurchaseContract,
        Some(&hash),
    )?;
    tx.commit()?;
    Ok(true)
}

/// The organisation and user id of Northwind's Customer Support Administrator, whose account
/// the generated benchmark data sets (`--demo-cases`, `--demo-history`) belong to.
fn benchmark_requester(conn: &Connection) -> rusqlite::Result<(String, String)> {
    conn.query_row(
        "SELECT organisation_id, id FROM users WHERE email = 'support@northwind.example'",
        [],
        |r| Ok((r.get("organisation_id")?, r.get("id")?)),
    )
}

/// Hashing is slow on purpose; the demo password is public, so one hash serves every demo
/// account and every seeding in this process (the test suite seeds many databases).
fn demo_hash() -> &'static str {
    static HASH: OnceLock<String> = OnceLock::new();
    HASH.get_or_init(|| password::hash(DEMO_PASSWORD))
}

fn insert_org(conn: &Connection, name: &str, plan: Plan, region: Region) -> store::Result<String> {
    let id = new_id("org");
    conn.execute(
        "INSERT INTO organisations (id, name, plan, region) VALUES (?1, ?2, ?3, ?4)",
        params![id, name, wire_name(&plan), wire_name(&region)],
    )?;
    Ok(id)
}

/// Inserts one user of an organisation; emails are stored lowercased.
#[allow(clippy::too_many_arguments)]
pub fn insert_user(
    conn: &Connection,
    org_id: &str,
    email: &str,
    name: &str,
    role: Option<Role>,
    status: UserStatus,
    source: UserSource,
    password_hash: Option<&str>,
) -> store::Result<String> {
    let id = new_id("usr");
    conn.execute(
        "INSERT INTO users (id, organisation_id, email, name, role, status, source, password_hash, created_at) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            id,
            org_id,
            email.to_lowercase(),
            name,
            role.as_ref().map(wire_name),
            wire_name(&status),
            wire_name(&source),
            password_hash,
            now_rfc3339()
        ],
    )?;
    Ok(id)
}

#[cfg(test)]
mod tests {
    use super::cases::D;
    use super::*;
    use crate::clock;
    use crate::config::Secret;

    fn count(conn: &Connection, table: &str) -> i64 {
        conn.query_row(&format!("SELECT count(*) AS n FROM {table}"), [], |r| {
            r.get("n")
        })
        .unwrap()
    }

    fn fresh() -> Connection {
        let mut conn = Connection::open_in_memory().unwrap();
        crate::db::migrate(&mut conn).unwrap();
        conn
    }

    #[test]
    fn the_demo_seed_runs_once() {
        let mut conn = fresh();
        assert!(seed_demo(&mut conn).unwrap());
        assert!(!seed_demo(&mut conn).unwrap());
        assert_eq!(count(&conn, "organisations"), 3);
        assert_eq!(
            count(&conn, "users"),
            9 + users::DEMO_SUPPORT_USERS.len() as i64
        );
        assert_eq!(
            count(&conn, "cases"),
            (DEMO_CASES.len() + CONTOSO_CASES.len()) as i64
        );
        let reopenable: i64 = conn
            .query_row(
                "SELECT count(*) AS n FROM cases WHERE status = 'closed' AND closed_at > ?1",
                [clock::now() - 14 * D],
                |r| r.get("n"),
            )
            .unwrap();
        assert_eq!(reopenable, 1, "one closed case can still be reopened");
        let invited: Option<String> = conn
            .query_row(
                "SELECT password_hash FROM users WHERE email = 'jordan.blake@northwind.example'",
                [],
                |r| r.get("password_hash"),
            )
            .unwrap();
        assert_eq!(invited, None, "invited users have no password yet");
    }

    #[test]
    fn bootstrap_creates_one_administrator_in_an_empty_database_only() {
        let b = Bootstrap {
            admin_email: "admin@example.com".into(),
            admin_password: Secret("a long password".into()),
            admin_name: "Ada".into(),
            org_name: "Example".into(),
            org_plan: Plan::Standard,
            org_region: Region::Japan,
        };
        let mut conn = fresh();
        assert!(bootstrap(&mut conn, &b).unwrap());
        assert!(!bootstrap(&mut conn, &b).unwrap());
        assert_eq!(count(&conn, "users"), 1);
        let mut seeded = fresh();
        seed_demo(&mut seeded).unwrap();
        assert!(!bootstrap(&mut seeded, &b).unwrap());
    }
}
