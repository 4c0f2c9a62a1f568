//! The audit log of administrative changes: writing entries and reading them back, newest first.

use rusqlite::types::Value as SqlValue;
use rusqlite::{params, params_from_iter, Connection, Row};
use support_contract::users::{AuditAction, AuditEntry, AuditPerson, UserSnapshot};

use crate::clock::ts;
use crate::model::{enum_from_db, enum_to_db};
use crate::tokens::new_id;

/// One change to record.
pub struct Change<'a> {
    pub organisation_id: &'a str,
    /// Unix seconds.
    pub at: i64,
    /// `None`: the system.
    pub actor: Option<&'a AuditPerson>,
    pub action: AuditAction,
    pub target: &'a AuditPerson,
    pub before: Option<UserSnapshot>,
    pub after: Option<UserSnapshot>,
}

/// Appends an entry. People are copied as they are now: a later rename does not rewrite history.
pub fn record(conn: &Connection, c: &Change) -> rusqlite::Result<()> {
    let json = |s: &Option<UserSnapshot>| {
        s.as_ref()
            .map(|s| serde_json::to_string(s).unwrap_or_default())
    };
    conn.execute(
        "INSERT INTO audit_log (id, organisation_id, at, actor_id, actor_name, actor_email, action, \
         target_id, target_name, target_email, before, after) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
        params![
            new_id("aud"),
            c.organisation_id,
            c.at,
            c.actor.map(|a| &a.id),
            c.actor.map(|a| &a.name),
            c.actor.map(|a| &a.email),
            enum_to_db(&c.action),
            c.target.id,
            c.target.name,
            c.target.email,
            json(&c.before),
            json(&c.after),
        ],
    )?;
    Ok(())
}

/// Which entries to read.
#[derive(Default)]
pub struct Filter {
    pub action: Option<AuditAction>,
    /// Actor's user id.
    pub actor: Option<String>,
    /// A substring of the target's name or email, any case.
    pub q: Option<String>,
    /// Unix seconds, inclusive.
    pub from: Option<i64>,
    pub to: Option<i64>,
}

/// The position of an entry in the newest-first order: (at, seq).
pub type Position = (i64, i64);

/// An organisation's entries matching `filter`, newest first, after `after`, at most `limit`
/// (all without one), each with its position for the next page's cursor.
pub fn query(
    conn: &Connection,
    org_id: &str,
    filter: &Filter,
    after: Option<Position>,
    limit: Option<u32>,
) -> rusqlite::Result<Vec<(Position, AuditEntry)>> {
    let mut sql = String::from(
        "SELECT at, seq, id, actor_id, actor_name, actor_email, action, target_id, target_name, \
         target_email, before, after FROM audit_log WHERE organisation_id = ?",
    );
    let mut args: Vec<SqlValue> = vec![org_id.to_string().into()];
    if let Some(a) = filter.action {
        sql.push_str(" AND action = ?");
        args.push(enum_to_db(&a).into());
    }
    if let Some(a) = &filter.actor {
        sql.push_str(" AND actor_id = ?");
        args.push(a.clone().into());
    }
    if let Some(q) = &filter.q {
        sql.push_str(" AND (instr(fold(target_name), ?) > 0 OR instr(fold(target_email), ?) > 0)");
        let q = q.to_lowercase();
        args.push(q.clone().into());
        args.push(q.into());
    }
    if let Some(from) = filter.from {
        sql.push_str(" AND at >= ?");
        args.push(from.into());
    }
    if let Some(to) = filter.to {
        sql.push_str(" AND at <= ?");
        args.push(to.into());
    }
    if let Some((at, seq)) = after {
        sql.push_str(" AND (at, seq) < (?, ?)");
        args.push(at.into());
        args.push(seq.into());
    }
    sql.push_str(" ORDER BY at DESC, seq DESC");
    if let Some(limit) = limit {
        sql.push_str(" LIMIT ?");
        args.push(i64::from(limit).into());
    }
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(params_from_iter(args), |r| {
        Ok(((r.get(0)?, r.get(1)?), entry(r)?))
    })?;
    rows.collect()
}

fn entry(r: &Row<'_>) -> rusqlite::Result<AuditEntry> {
    let snapshot = |i: usize| -> rusqlite::Result<Option<UserSnapshot>> {
        Ok(r.get::<_, Option<String>>(i)?
            .and_then(|s| serde_json::from_str(&s).ok()))
    };
    let actor = match (r.get::<_, Option<String>>(3)?, r.get(4)?, r.get(5)?) {
        (Some(id), Some(name), Some(email)) => Some(AuditPerson { id, name, email }),
        _ => None,
    };
    Ok(AuditEntry {
        id: r.get(2)?,
        at: ts(r.get(0)?),
        actor,
        action: enum_from_db(&r.get::<_, String>(6)?)?,
        target: AuditPerson {
            id: r.get(7)?,
            name: r.get(8)?,
            email: r.get(9)?,
        },
        before: snapshot(10)?,
        after: snapshot(11)?,
    })
}
