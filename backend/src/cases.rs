//! Cases in the database: reading them as contract types, the thread, status changes, search
//! indexing and the automatic close. The handlers in `routes::cases` and `routes::agent` decide
//! who may do what; this module only knows how.

use rusqlite::{params, Connection, OptionalExtension, Row};
use support_contract::cases::{
    may_reopen, response_target_minutes, Attachment, Case, CaseAction, CaseStatus, CaseSummary,
    NewCase, Person, Priority, ProductDetails, ResponseTarget, ThreadEntry, ThreadEvent,
    REOPEN_WINDOW_DAYS,
};
use support_contract::{Plan, Region};

use crate::clock::ts;
use crate::model::{enum_from_db, enum_to_db};
use crate::tokens::new_id;

/// Seconds between two urgency-change requests of one case.
pub const URGENCY_CHANGE_INTERVAL: i64 = 24 * 3600;

/// A case as stored, with its requester's name.
#[derive(Clone, Debug)]
pub struct CaseRow {
    pub id: String,
    pub organisation_id: String,
    pub number: String,
    pub requester: Person,
    pub product: support_contract::Product,
    pub priority: Priority,
    pub title: String,
    pub description: String,
    pub details: ProductDetails,
    pub reproducible: bool,
    pub steps: Option<String>,
    pub environment: Option<String>,
    pub business_impact: Option<String>,
    pub contact_phone: String,
    pub time_zone: String,
    pub status: CaseStatus,
    pub engineer: Option<String>,
    pub created_at: i64,
    pub updated_at: i64,
    pub closed_at: Option<i64>,
    pub first_response_at: Option<i64>,
    pub target_minutes: i64,
    pub due_at: i64,
    pub version: i64,
    pub last_urgency_change_at: Option<i64>,
}

/// The columns [`case_row`] reads, for `SELECT … FROM cases c JOIN users u ON u.id = c.requester_id`.
pub const CASE_COLUMNS: &str = "c.id, c.organisation_id, c.number, c.requester_id, u.name, \
    c.product, c.priority, c.title, c.description, c.details, c.reproducible, c.steps, \
    c.environment, c.business_impact, c.contact_phone, c.time_zone, c.status, c.engineer, \
    c.created_at, c.updated_at, c.closed_at, c.first_response_at, c.target_minutes, c.due_at, \
    c.version, c.last_urgency_change_at";

/// A case from a row selected with [`CASE_COLUMNS`].
pub fn case_row(r: &Row<'_>) -> rusqlite::Result<CaseRow> {
    let details: String = r.get(9)?;
    Ok(CaseRow {
        id: r.get(0)?,
        organisation_id: r.get(1)?,
        number: r.get(2)?,
        requester: Person {
            id: r.get(3)?,
            name: r.get(4)?,
        },
        product: enum_from_db(&r.get::<_, String>(5)?)?,
        priority: enum_from_db(&r.get::<_, String>(6)?)?,
        title: r.get(7)?,
        description: r.get(8)?,
        details: serde_json::from_str(&details).unwrap_or_default(),
        reproducible: r.get(10)?,
        steps: r.get(11)?,
        environment: r.get(12)?,
        business_impact: r.get(13)?,
        contact_phone: r.get(14)?,
        time_zone: r.get(15)?,
        status: enum_from_db(&r.get::<_, String>(16)?)?,
        engineer: r.get(17)?,
        created_at: r.get(18)?,
        updated_at: r.get(19)?,
        closed_at: r.get(20)?,
        first_response_at: r.get(21)?,
        target_minutes: r.get(22)?,
        due_at: r.get(23)?,
        version: r.get(24)?,
        last_urgency_change_at: r.get(25)?,
    })
}

/// A case by id, within an organisation (`None`: any organisation, for agents). A case of
/// another organisation is simply not found.
pub fn load(conn: &Connection, id: &str, org: Option<&str>) -> rusqlite::Result<Option<CaseRow>> {
    let sql = format!(
        "SELECT {CASE_COLUMNS} FROM cases c JOIN users u ON u.id = c.requester_id \
         WHERE c.id = ?1 AND (?2 IS NULL OR c.organisation_id = ?2)"
    );
    conn.prepare_cached(&sql)?
        .query_row(params![id, org], case_row)
        .optional()
}

/// The first-response target of a case at `now`. Plain minutes from filing: the business-hours
/// calendars of the regions are not applied yet.
pub fn response_target(c: &CaseRow, now: i64) -> ResponseTarget {
    let met = match c.first_response_at {
        Some(at) => Some(at <= c.due_at),
        None if now > c.due_at => Some(false),
        None => None,
    };
    ResponseTarget {
        minutes: c.target_minutes,
        due_at: ts(c.due_at),
        responded_at: c.first_response_at.map(ts),
        met,
    }
}

/// The list view of a case.
pub fn summary(c: &CaseRow, now: i64) -> CaseSummary {
    CaseSummary {
        id: c.id.clone(),
        number: c.number.clone(),
        title: c.title.clone(),
        product: c.product,
        priority: c.priority,
        status: c.status,
        requester: c.requester.clone(),
        created_at: ts(c.created_at),
        updated_at: ts(c.updated_at),
        response: response_target(c, now),
    }
}

/// Whether an urgency change may be requested now.
pub fn urgency_change_allowed(c: &CaseRow, now: i64) -> bool {
    c.last_urgency_change_at
        .is_none_or(|at| now - at >= URGENCY_CHANGE_INTERVAL)
}

/// What a customer may do to the case now.
pub fn allowed_actions(c: &CaseRow, now: i64) -> Vec<CaseAction> {
    if c.status == CaseStatus::Closed {
        return match c.closed_at {
            Some(at) if may_reopen(at, now) => vec![CaseAction::Reopen],
            _ => Vec::new(),
        };
    }
    let mut actions = vec![CaseAction::Reply, CaseAction::Close];
    if urgency_change_allowed(c, now) {
        actions.push(CaseAction::RequestUrgencyChange);
    }
    if c.priority != Priority::P4 {
        actions.push(CaseAction::RequestCall);
    }
    actions
}

/// The people watching a case.
pub fn watchers(conn: &Connection, case_id: &str) -> rusqlite::Result<Vec<Person>> {
    let mut stmt = conn.prepare_cached(
        "SELECT u.id, u.name FROM case_watchers w JOIN users u ON u.id = w.user_id \
         WHERE w.case_id = ?1 ORDER BY u.name, u.id",
    )?;
    let rows = stmt.query_map([case_id], |r| {
        Ok(Person {
            id: r.get(0)?,
            name: r.get(1)?,
        })
    })?;
    rows.collect()
}

/// The full case, with the actions a customer may take at `now`.
pub fn full(conn: &Connection, c: &CaseRow, now: i64) -> rusqlite::Result<Case> {
    Ok(Case {
        summary: summary(c, now),
        description: c.description.clone(),
        details: c.details.clone(),
        reproducible: c.reproducible,
        steps_to_reproduce: c.steps.clone(),
        environment: c.environment.clone(),
        business_impact: c.business_impact.clone(),
        contact_phone: c.contact_phone.clone(),
        time_zone: c.time_zone.clone(),
        watchers: watchers(conn, &c.id)?,
        engineer: c.engineer.clone(),
        closed_at: c.closed_at.map(ts),
        reopen_until: c.closed_at.map(|at| ts(at + REOPEN_WINDOW_DAYS * 86_400)),
        allowed_actions: allowed_actions(c, now),
        version: c.version,
    })
}

/// Inserts a validated case (its watchers included), indexes it for search and starts its
/// thread with a `case_filed` entry; returns its id. The caller links attachments.
pub fn insert(
    conn: &Connection,
    org_id: &str,
    plan: Plan,
    requester_id: &str,
    new: &NewCase,
    at: i64,
) -> rusqlite::Result<String> {
    let id = new_id("case");
    let seq: i64 = conn.query_row(
        "SELECT COALESCE(MAX(seq), 0) + 1 FROM cases WHERE organisation_id = ?1",
        [org_id],
        |r| r.get(0),
    )?;
    let number = format!("C-{seq:06}");
    let minutes = response_target_minutes(new.priority, plan);
    let region: String = conn.query_row(
        "SELECT region FROM organisations WHERE id = ?1",
        [org_id],
        |r| r.get(0),
    )?;
    let region: Region =
        serde_json::from_value(serde_json::Value::String(region)).unwrap_or(Region::Unknown);
    let due = crate::business_hours::due_at(at, new.priority, plan, region);
    conn.execute(
        "INSERT INTO cases (id, organisation_id, seq, number, requester_id, product, priority, title, \
         description, details, reproducible, steps, environment, business_impact, contact_phone, \
         time_zone, status, created_at, updated_at, status_changed_at, target_minutes, due_at) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, 'new', \
         ?17, ?17, ?17, ?18, ?19)",
        params![
            id,
            org_id,
            seq,
            number,
            requester_id,
            enum_to_db(&new.product),
            enum_to_db(&new.priority),
            new.title,
            new.description,
            serde_json::to_string(&new.details).unwrap_or_else(|_| "{}".into()),
            new.reproducible,
            new.steps_to_reproduce,
            new.environment,
            new.business_impact,
            new.contact_phone,
            new.time_zone,
            at,
            minutes,
            due,
        ],
    )?;
    for w in &new.watchers {
        conn.execute(
            "INSERT OR IGNORE INTO case_watchers (case_id, user_id) VALUES (?1, ?2)",
            params![id, w],
        )?;
    }
    index(
        conn,
        &id,
        &format!("{number} {}\n{}", new.title, new.description),
    )?;
    let requester = Person {
        id: requester_id.into(),
        name: String::new(),
    };
    let filed = ThreadEvent::CaseFiled {
        priority: new.priority,
    };
    add_entry(conn, &id, at, Some(&requester), false, filed)?;
    Ok(id)
}

/// Adds text under which a case is found by search.
pub fn index(conn: &Connection, case_id: &str, text: &str) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO case_search (case_id, body) VALUES (?1, ?2)",
        params![case_id, text],
    )?;
    Ok(())
}

/// An FTS5 query matching every word of `q` (as a prefix), with FTS syntax neutralised:
/// each word becomes a quoted string. `None` when `q` has no words.
pub fn fts_query(q: &str) -> Option<String> {
    let terms: Vec<String> = q
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .take(20)
        .map(|w| format!("\"{}\"*", w.replace('"', "\"\"")))
        .collect();
    (!terms.is_empty()).then(|| terms.join(" "))
}

/// Appends an entry to a case's thread and returns it. `author` is `None` for the system.
pub fn add_entry(
    conn: &Connection,
    case_id: &str,
    at: i64,
    author: Option<&Person>,
    from_support: bool,
    event: ThreadEvent,
) -> rusqlite::Result<ThreadEntry> {
    let id = new_id("evt");
    let seq: i64 = conn.query_row(
        "SELECT COALESCE(MAX(seq), 0) + 1 FROM thread_entries WHERE case_id = ?1",
        [case_id],
        |r| r.get(0),
    )?;
    let payload = serde_json::to_value(&event).unwrap_or_default();
    let kind = payload["kind"].as_str().unwrap_or("unknown").to_string();
    conn.execute(
        "INSERT INTO thread_entries (id, case_id, seq, at, author_id, from_support, kind, payload) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            id,
            case_id,
            seq,
            at,
            author.map(|p| p.id.as_str()),
            from_support,
            kind,
            payload.to_string()
        ],
    )?;
    if let ThreadEvent::Comment { body, .. } = &event {
        index(conn, case_id, body)?;
    }
    Ok(ThreadEntry {
        id,
        seq,
        at: ts(at),
        author: author.cloned(),
        from_support,
        event,
    })
}

/// A case's thread after `after` (0: from the start), in order.
pub fn thread(conn: &Connection, case_id: &str, after: i64) -> rusqlite::Result<Vec<ThreadEntry>> {
    let mut stmt = conn.prepare_cached(
        "SELECT t.id, t.seq, t.at, t.author_id, u.name, t.from_support, t.payload \
         FROM thread_entries t LEFT JOIN users u ON u.id = t.author_id \
         WHERE t.case_id = ?1 AND t.seq > ?2 ORDER BY t.seq",
    )?;
    let rows = stmt.query_map(params![case_id, after], |r| {
        let author = match (
            r.get::<_, Option<String>>(3)?,
            r.get::<_, Option<String>>(4)?,
        ) {
            (Some(id), Some(name)) => Some(Person { id, name }),
            _ => None,
        };
        let payload: String = r.get(6)?;
        Ok(ThreadEntry {
            id: r.get(0)?,
            seq: r.get(1)?,
            at: ts(r.get(2)?),
            author,
            from_support: r.get(5)?,
            event: serde_json::from_str(&payload).unwrap_or(ThreadEvent::Unknown),
        })
    })?;
    rows.collect()
}

/// Marks a case changed at `at`: bumps its version (the ETag) and `updated_at`.
pub fn touch(conn: &Connection, case_id: &str, at: i64) -> rusqlite::Result<()> {
    conn.execute(
        "UPDATE cases SET updated_at = MAX(updated_at, ?2), version = version + 1 WHERE id = ?1",
        params![case_id, at],
    )?;
    Ok(())
}

/// Moves a case to `to`, records the change in the thread and bumps the version. The caller
/// has checked that the transition is allowed.
pub fn set_status(
    conn: &Connection,
    c: &CaseRow,
    to: CaseStatus,
    at: i64,
    author: Option<&Person>,
    from_support: bool,
) -> rusqlite::Result<ThreadEntry> {
    let closed_at = (to == CaseStatus::Closed).then_some(at);
    conn.execute(
        "UPDATE cases SET status = ?2, status_changed_at = ?3, closed_at = ?4 WHERE id = ?1",
        params![c.id, enum_to_db(&to), at, closed_at],
    )?;
    touch(conn, &c.id, at)?;
    add_entry(
        conn,
        &c.id,
        at,
        author,
        from_support,
        ThreadEvent::StatusChanged { from: c.status, to },
    )
}

/// Attachments by id that `uploader` uploaded in `org` and that neither a case nor a chat
/// message holds yet. Returns `None` when any of them is not such an attachment.
pub fn unlinked_attachments(
    conn: &Connection,
    org: &str,
    uploader: &str,
    ids: &[String],
) -> rusqlite::Result<Option<Vec<Attachment>>> {
    let mut found = Vec::new();
    let mut stmt = conn.prepare_cached(
        "SELECT id, name, size, content_type, uploaded_at FROM attachments \
         WHERE id = ?1 AND organisation_id = ?2 AND uploader_id = ?3 AND case_id IS NULL \
         AND NOT EXISTS (SELECT 1 FROM chat_attachments c WHERE c.attachment_id = attachments.id)",
    )?;
    for id in ids {
        if found.iter().any(|a: &Attachment| &a.id == id) {
            continue;
        }
        let a = stmt
            .query_row(params![id, org, uploader], |r| {
                Ok(Attachment {
                    id: r.get(0)?,
                    name: r.get(1)?,
                    size: r.get::<_, i64>(2)? as u64,
                    content_type: r.get(3)?,
                    uploaded_at: ts(r.get(4)?),
                })
            })
            .optional()?;
        match a {
            Some(a) => found.push(a),
            None => return Ok(None),
        }
    }
    Ok(Some(found))
}

/// Links attachments to a case.
pub fn link_attachments(
    conn: &Connection,
    case_id: &str,
    attachments: &[Attachment],
) -> rusqlite::Result<()> {
    for a in attachments {
        conn.execute(
            "UPDATE attachments SET case_id = ?2 WHERE id = ?1",
            params![a.id, case_id],
        )?;
    }
    Ok(())
}

/// Closes every case that has been awaiting the customer (awaiting their reply, or a proposed
/// resolution) for more than `days` days, each with a system `status_changed` entry.
/// Returns how many it closed.
pub fn auto_close(conn: &mut Connection, days: i64, now: i64) -> rusqlite::Result<usize> {
    let tx = conn.transaction()?;
    let stale: Vec<String> = {
        let mut stmt = tx.prepare_cached(
            "SELECT id FROM cases WHERE status IN ('awaiting_your_reply', 'resolution_provided') \
             AND status_changed_at < ?1",
        )?;
        let rows = stmt.query_map([now - days * 86_400], |r| r.get(0))?;
        rows.collect::<Result<_, _>>()?
    };
    for id in &stale {
        if let Some(c) = load(&tx, id, None)? {
            set_status(&tx, &c, CaseStatus::Closed, now, None, false)?;
        }
    }
    tx.commit()?;
    Ok(stale.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn search_words_are_quoted_prefixes() {
        assert_eq!(fts_query("  "), None);
        assert_eq!(fts_query("- *"), None);
        assert_eq!(
            fts_query("report \"x* OR"),
            Some("\"report\"* \"\"\"x*\"* \"OR\"*".into())
        );
    }
}
