//! First data of a database: the demo organisations, or a bootstrap administrator.

use std::sync::OnceLock;

use rusqlite::{params, Connection, OptionalExtension};
use support_contract::cases::{CaseStatus, NewCase, Person, Priority, ThreadEvent};
use support_contract::{Plan, Product, Region, Role, UserSource, UserStatus};

use crate::cases;
use crate::config::Bootstrap;
use crate::db::{new_id, now_rfc3339, unix_now};
use crate::model::enum_to_db;
use crate::password;

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
    users: &'static [DemoUser],
}

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
        ],
    },
    DemoOrg {
        name: "Contoso Ltd",
        plan: Plan::Standard,
        region: Region::Americas,
        users: &[demo(
            "sysadmin@contoso.example",
            "Robin Diaz",
            Some(Role::SupportSystemAdmin),
            UserSource::PurchaseContract,
        )],
    },
];

/// Emails and roles of the demo accounts that can sign in, for the startup banner.
pub fn demo_accounts() -> Vec<(&'static str, &'static str)> {
    DEMO.iter()
        .flat_map(|o| o.users.iter())
        .filter(|u| u.status == UserStatus::Active)
        .map(|u| {
            let role = match u.role {
                Some(Role::SupportSystemAdmin) => "Support System Administrator",
                Some(_) => "Customer Support Administrator",
                None => "Member without a support role",
            };
            (u.email, role)
        })
        .collect()
}

/// Seeds the demo organisations unless the database already has an organisation.
/// Returns whether it seeded.
pub fn seed_demo(conn: &mut Connection) -> rusqlite::Result<bool> {
    let tx = conn.transaction()?;
    let any: bool = tx.query_row("SELECT EXISTS (SELECT 1 FROM organisations)", [], |r| {
        r.get(0)
    })?;
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
        if i == 0 {
            // Northwind: the system administrator and the customer support administrator.
            seed_cases(&tx, &org_id, org.plan, &ids[1], &ids[0])?;
        }
    }
    tx.commit()?;
    Ok(true)
}

/// One demo case: filed `age` seconds ago, then taken through `steps`.
struct DemoCase {
    product: Product,
    priority: Priority,
    title: &'static str,
    description: &'static str,
    /// Seconds before now that it was filed.
    age: i64,
    /// (seconds after filing, what happened), in order.
    steps: &'static [(i64, Step)],
}

#[derive(Clone, Copy)]
enum Step {
    Agent(&'static str),
    Customer(&'static str),
    Status(CaseStatus),
    Engineer(&'static str),
}

const H: i64 = 3600;
const D: i64 = 86_400;

const DEMO_CASES: &[DemoCase] = &[
    DemoCase {
        product: Product::Analytics,
        priority: Priority::P2,
        title: "Report suite data delayed by six hours",
        description: "Since yesterday morning the Northwind Web report suite shows no data for the last six hours; real-time reports are empty.",
        age: 2 * D,
        steps: &[
            (20 * 60, Step::Agent("Thanks for the details. We see processing latency on your report suite and are investigating.")),
            (25 * 60, Step::Engineer("Priya Nair")),
            (3 * H, Step::Customer("Any update? Our daily dashboard is due at noon.")),
        ],
    },
    DemoCase {
        product: Product::Target,
        priority: Priority::P1,
        title: "Activities not delivering on the checkout page",
        description: "None of our Target activities render on /checkout since this morning's release; revenue tests are stopped.",
        age: D,
        steps: &[
            (10 * 60, Step::Agent("Could you send a HAR file of the checkout page and the at.js version you deploy?")),
            (11 * 60, Step::Status(CaseStatus::AwaitingYourReply)),
        ],
    },
    DemoCase {
        product: Product::AudienceManager,
        priority: Priority::P3,
        title: "Segment population lower than expected",
        description: "The 'Frequent buyers' segment shows 40% fewer devices than last month, although the trait counts are stable.",
        age: 2 * H,
        steps: &[],
    },
    DemoCase {
        product: Product::Analytics,
        priority: Priority::P4,
        title: "Question about calculated metrics rounding",
        description: "How are decimals rounded in calculated metrics that divide revenue by orders?",
        age: 3 * D,
        steps: &[
            (5 * H, Step::Agent("Calculated metrics keep full precision and round only for display, to the decimals set in the metric's format.")),
            (5 * H + 60, Step::Status(CaseStatus::ResolutionProvided)),
        ],
    },
    DemoCase {
        product: Product::Target,
        priority: Priority::P3,
        title: "Preview links do not open the activity",
        description: "QA preview links for our homepage activity open the default experience.",
        age: 10 * D,
        steps: &[
            (40 * 60, Step::Agent("Preview links need third-party cookies in the browser; please allow them for the QA session.")),
            (41 * 60, Step::Status(CaseStatus::ResolutionProvided)),
            (7 * D, Step::Status(CaseStatus::Closed)),
        ],
    },
    DemoCase {
        product: Product::Analytics,
        priority: Priority::P2,
        title: "Data feed missing two hours of hits",
        description: "The hourly data feed for 3 AM and 4 AM UTC was delivered empty.",
        age: 30 * D,
        steps: &[
            (30 * 60, Step::Agent("The feed was regenerated and redelivered to your FTP location.")),
            (31 * 60, Step::Status(CaseStatus::ResolutionProvided)),
            (10 * D, Step::Status(CaseStatus::Closed)),
        ],
    },
];

/// Northwind's demo cases, across statuses, priorities and products.
fn seed_cases(
    tx: &Connection,
    org_id: &str,
    plan: Plan,
    requester: &str,
    watcher: &str,
) -> rusqlite::Result<()> {
    let now = unix_now();
    let person = |id: &str| -> rusqlite::Result<Person> {
        let name = tx.query_row("SELECT name FROM users WHERE id = ?1", [id], |r| r.get(0))?;
        Ok(Person {
            id: id.to_string(),
            name,
        })
    };
    let customer = person(requester)?;
    for (n, d) in DEMO_CASES.iter().enumerate() {
        let filed = now - d.age;
        let new = NewCase {
            product: d.product,
            priority: d.priority,
            title: d.title.into(),
            description: d.description.into(),
            details: Default::default(),
            reproducible: n % 2 == 0,
            steps_to_reproduce: None,
            environment: Some("Production".into()),
            business_impact: (d.priority == Priority::P1)
                .then(|| "Checkout experiments drive a third of online revenue.".into()),
            contact_phone: "+44 20 7946 0123".into(),
            time_zone: "Europe/London".into(),
            watchers: if n % 2 == 0 {
                vec![watcher.to_string()]
            } else {
                Vec::new()
            },
            attachments: Vec::new(),
        };
        let id = cases::insert(tx, org_id, plan, requester, &new, filed)?;
        for (after, step) in d.steps {
            let at = filed + after;
            let c = cases::load(tx, &id, None)?.expect("just inserted");
            match *step {
                Step::Agent(body) => {
                    let comment = ThreadEvent::Comment {
                        body: body.into(),
                        attachments: Vec::new(),
                    };
                    cases::add_entry(tx, &id, at, None, true, comment)?;
                    tx.execute(
                        "UPDATE cases SET first_response_at = COALESCE(first_response_at, ?2) WHERE id = ?1",
                        params![id, at],
                    )?;
                    cases::touch(tx, &id, at)?;
                    if c.status == CaseStatus::New {
                        cases::set_status(tx, &c, CaseStatus::InProgress, at, None, true)?;
                    }
                }
                Step::Customer(body) => {
                    let comment = ThreadEvent::Comment {
                        body: body.into(),
                        attachments: Vec::new(),
                    };
                    cases::add_entry(tx, &id, at, Some(&customer), false, comment)?;
                    cases::touch(tx, &id, at)?;
                }
                Step::Status(to) => {
                    cases::set_status(tx, &c, to, at, None, true)?;
                }
                Step::Engineer(name) => {
                    tx.execute(
                        "UPDATE cases SET engineer = ?2 WHERE id = ?1",
                        params![id, name],
                    )?;
                    let e = ThreadEvent::EngineerAssigned {
                        engineer: name.into(),
                    };
                    cases::add_entry(tx, &id, at, None, true, e)?;
                    cases::touch(tx, &id, at)?;
                }
            }
        }
    }
    Ok(())
}

/// Creates the bootstrap organisation and administrator when the database has no users.
/// Files `n` generated cases for Northwind's Customer Support Administrator, spread over the
/// last 80 days across products, priorities and statuses: the data set of the list benchmarks.
pub fn seed_generated_cases(conn: &mut Connection, n: u32) -> rusqlite::Result<()> {
    let tx = conn.transaction()?;
    let (org, requester): (String, String) = tx.query_row(
        "SELECT organisation_id, id FROM users WHERE email = 'support@northwind.example'",
        [],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    let now = unix_now();
    let products = [
        Product::Analytics,
        Product::Target,
        Product::AudienceManager,
    ];
    let priorities = [Priority::P1, Priority::P2, Priority::P3, Priority::P4];
    let statuses = [
        CaseStatus::New,
        CaseStatus::InProgress,
        CaseStatus::AwaitingYourReply,
        CaseStatus::Closed,
    ];
    for i in 0..i64::from(n) {
        let case = NewCase {
            product: products[(i % 3) as usize],
            priority: priorities[(i % 4) as usize],
            title: format!("Case {i} about report {}", i % 97),
            description: format!("Generated case {i} for the list benchmarks."),
            details: Default::default(),
            reproducible: false,
            steps_to_reproduce: None,
            environment: None,
            business_impact: Some("Generated.".into()),
            contact_phone: "+44 20 7946 0000".into(),
            time_zone: "Europe/London".into(),
            watchers: vec![],
            attachments: vec![],
        };
        let id = cases::insert(
            &tx,
            &org,
            Plan::Premium,
            &requester,
            &case,
            now - (i * 700) % (80 * 86_400),
        )?;
        tx.execute(
            "UPDATE cases SET status = ?2 WHERE id = ?1",
            params![id, enum_to_db(&statuses[(i % 4) as usize])],
        )?;
    }
    tx.commit()
}

/// Returns whether it created them.
pub fn bootstrap(conn: &mut Connection, b: &Bootstrap) -> rusqlite::Result<bool> {
    let tx = conn.transaction()?;
    let any: Option<i64> = tx
        .query_row("SELECT 1 FROM users LIMIT 1", [], |r| r.get(0))
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

/// Hashing is slow on purpose; the demo password is public, so one hash serves every demo
/// account and every seeding in this process (the test suite seeds many databases).
fn demo_hash() -> &'static str {
    static HASH: OnceLock<String> = OnceLock::new();
    HASH.get_or_init(|| password::hash(DEMO_PASSWORD))
}

fn insert_org(
    conn: &Connection,
    name: &str,
    plan: Plan,
    region: Region,
) -> rusqlite::Result<String> {
    let id = new_id("org");
    conn.execute(
        "INSERT INTO organisations (id, name, plan, region) VALUES (?1, ?2, ?3, ?4)",
        params![id, name, enum_to_db(&plan), enum_to_db(&region)],
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
) -> rusqlite::Result<String> {
    let id = new_id("usr");
    conn.execute(
        "INSERT INTO users (id, organisation_id, email, name, role, status, source, password_hash, created_at) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            id,
            org_id,
            email.to_lowercase(),
            name,
            role.as_ref().map(enum_to_db),
            enum_to_db(&status),
            enum_to_db(&source),
            password_hash,
            now_rfc3339()
        ],
    )?;
    Ok(id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Secret;

    fn count(conn: &Connection, table: &str) -> i64 {
        conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
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
        assert_eq!(count(&conn, "organisations"), 2);
        assert_eq!(count(&conn, "users"), 5);
        assert_eq!(count(&conn, "cases"), DEMO_CASES.len() as i64);
        let reopenable: i64 = conn
            .query_row(
                "SELECT count(*) FROM cases WHERE status = 'closed' AND closed_at > ?1",
                [unix_now() - 14 * D],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(reopenable, 1, "one closed case can still be reopened");
        let invited: Option<String> = conn
            .query_row(
                "SELECT password_hash FROM users WHERE email = 'jordan.blake@northwind.example'",
                [],
                |r| r.get(0),
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
