//! Which databases the demo seeded. `--demo` turns on things that are public on purpose: the
//! agent and host tokens `demo-agent-token` and `demo-host-token`, and the demo console, whose
//! sign-in takes any active user's email without a password. On a database the demo seeded
//! that is the point; on any other one (a production database started with `--demo` by
//! mistake) it would open every account to anyone, so the demo marks its databases and a
//! start with `--demo` on an unmarked one leaves all of that off.

use rusqlite::{Connection, OptionalExtension};

use crate::config::{Config, DEMO_AGENT_TOKEN, DEMO_HOST_TOKEN};
use crate::store;

/// The `meta` key the demo seed writes, in the transaction that seeds.
const DEMO_SEEDED: &str = "demo_seeded";

/// Marks the database as the demo's; called by the seed inside its transaction, so that a
/// database is marked exactly when it holds the demo data.
pub(super) fn mark(conn: &Connection) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT OR REPLACE INTO meta (key, value) VALUES (?1, ?2)",
        [DEMO_SEEDED, &crate::clock::now_rfc3339()],
    )?;
    Ok(())
}

/// Whether the demo seeded this database.
pub fn is_demo_database(conn: &Connection) -> rusqlite::Result<bool> {
    Ok(conn
        .query_row(
            "SELECT 1 AS one FROM meta WHERE key = ?1",
            [DEMO_SEEDED],
            |r| r.get::<_, i64>("one"),
        )
        .optional()?
        .is_some())
}

/// What a start with `--demo` found.
#[derive(Debug, PartialEq, Eq)]
pub enum DemoStart {
    /// An empty database, now seeded with the demo data.
    Seeded,
    /// A database the demo seeded on an earlier start: the demo goes on as before.
    Again,
    /// A database with data the demo did not seed: left as it is, without the demo's tokens,
    /// console or accounts.
    NotTheDemos,
}

/// With `--demo`: seeds an empty database, or checks that a full one is the demo's. On one
/// that is not, `config` loses the demo (console, banner) and any token equal to a public demo
/// token, so that the server serves its data as a start without `--demo` would. A token set
/// to another value is the operator's and stays.
///
/// Serving on (rather than refusing to start) keeps a production service up after a wrong
/// flag, and costs nothing: without the demo's openings, the server is what it is without
/// `--demo`. The caller says so loudly.
pub fn start_demo(conn: &mut Connection, config: &mut Config) -> store::Result<DemoStart> {
    if super::seed_demo(conn)? {
        return Ok(DemoStart::Seeded);
    }
    if is_demo_database(conn)? {
        return Ok(DemoStart::Again);
    }
    config.demo = false;
    let public = |token: &Option<crate::config::Secret>, demo: &str| {
        token.as_ref().is_some_and(|t| t.0 == demo)
    };
    // The published values guard nothing, however they were set.
    if public(&config.agent_token, DEMO_AGENT_TOKEN) {
        config.agent_token = None;
    }
    if public(&config.host_token, DEMO_HOST_TOKEN) {
        config.host_token = None;
    }
    Ok(DemoStart::NotTheDemos)
}
