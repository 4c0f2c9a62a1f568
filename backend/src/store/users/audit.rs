//! The audit log of administrative changes: writing entries and reading them back, newest first.

use rusqlite::types::Value as SqlValue;
use rusqlite::{params, params_from_iter, Connection, Row};
use support_contract::users::{AuditAction, AuditEntry, AuditPerson, UserSnapshot};

use crate::clock::ts;
use crate::store::{enum_at, wire_name, Result};
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
    /// How many rows an import or a dry run read; `None` for other actions.
    pub rows: Option<u32>,
}

/// Appends an entry. People are copied as they are now: a later rename does not rewrite history.
pub fn record(conn: &Connection, c: &Change) -> Result<()> {
    let json = |s: &Option<UserSnapshot>| {
        s.as_ref()
            .map(|s| serde_json::to_string(s).unwrap_or_default())
    };
    conn.execute(
        "INSERT INTO audit_log (id, organisation_id, at, actor_id, actor_name, actor_email, action, \
         target_id, target_name, target_email, before, after, rows) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
        params![
            new_id("aud"),
            c.organisation_id,
            c.at,
            c.actor.map(|a| &a.id),
            c.actor.map(|a| &a.name),
            c.actor.map(|a| &a.email),
            wire_name(&c.action),
            c.target.id,
            c.target.name,
            c.target.email,
            json(&c.before),
            json(&c.after),
            c.rows,
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
) -> Result<Vec<(Position, AuditEntry)>> {
    let mut sql = String::from(
        "SELECT at, seq, id, actor_id, actor_name, actor_email, action, target_id, target_name, \
         target_email, before, after, rows FROM audit_log WHERE organisation_id = ?",
    );
    let mut args: Vec<SqlValue> = vec![org_id.to_string().into()];
    if let Some(a) = filter.action {
        sql.push_str(" AND action = ?");
        args.push(wire_name(&a).to_string().into());
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
        Ok(((r.get("at")?, r.get("seq")?), entry(r)?))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn entry(r: &Row<'_>) -> rusqlite::Result<AuditEntry> {
    let snapshot = |column: &str| -> rusqlite::Result<Option<UserSnapshot>> {
        Ok(r.get::<_, Option<String>>(column)?
            .and_then(|s| serde_json::from_str(&s).ok()))
    };
    let actor = match (
        r.get::<_, Option<String>>("actor_id")?,
        r.get("actor_name")?,
        r.get("actor_email")?,
    ) {
        (Some(id), Some(name), Some(email)) => Some(AuditPerson { id, name, email }),
        _ => None,
    };
    Ok(AuditEntry {
        id: r.get("id")?,
        at: ts(r.get("at")?),
        actor,
        action: enum_at(r, "action")?,
        target: AuditPerson {
            id: r.get("target_id")?,
            name: r.get("target_name")?,
            email: r.get("target_email")?,
        },
        before: snapshot("before")?,
        after: snapshot("after")?,
        rows: r.get("rows")?,
    })
}
