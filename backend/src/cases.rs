//! Support cases as the contract shows them (the summary, the full case with the actions a
//! customer may take, the response target) and the changes more than one caller makes: filing,
//! and support's answers. The handlers in `routes::cases` and `routes::agent` decide who may do
//! what; the SQL is in `store::cases`.

use rusqlite::Connection;
use support_contract::cases::{
    may_reopen, Attachment, Case, CaseAction, CaseStatus, CaseSummary, NewCase, Priority,
    ResponseTarget, ThreadEntry, ThreadEvent, REOPEN_WINDOW_DAYS,
};

use crate::clock::ts;
use crate::member::Member;
use crate::store::attachments as uploads;
use crate::store::cases::{self as store, CaseRow};
use crate::store::Result;

/// Seconds between two urgency-change requests of one case.
pub const URGENCY_CHANGE_INTERVAL: i64 = 24 * 3600;

/// Whether a first response at `first` met the due time `due`: `None` while it still runs.
pub fn target_met(first: Option<i64>, due: i64, now: i64) -> Option<bool> {
    match first {
        Some(at) => Some(at <= due),
        None if now > due => Some(false),
        None => None,
    }
}

/// The first-response target of a case at `now`. Plain minutes from filing: the business-hours
/// calendars of the regions are not applied yet.
pub fn response_target(c: &CaseRow, now: i64) -> ResponseTarget {
    let met = target_met(c.first_response_at, c.due_at, now);
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

/// The full case, with the actions a customer may take at `now`.
pub fn full(conn: &Connection, c: &CaseRow, now: i64) -> Result<Case> {
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
        watchers: store::watchers(conn, &c.id)?,
        engineer: c.engineer.clone(),
        closed_at: c.closed_at.map(ts),
        reopen_until: c.closed_at.map(|at| ts(at + REOPEN_WINDOW_DAYS * 86_400)),
        allowed_actions: allowed_actions(c, now),
        version: c.version,
    })
}

/// The full case by id, as it stands now, within an organisation (`None`: any, for agents).
pub fn view(conn: &Connection, id: &str, org: Option<&str>, now: i64) -> Result<Case> {
    full(conn, &store::load(conn, id, org)?, now)
}

/// Files a checked case for `requester` with its attachments (checked too: theirs, attached
/// nowhere) and returns its id: the case, its `case_filed` entry, and an `attachments_added`
/// entry when there are files. Shared by `POST /cases` and a chat continued as a case.
pub fn file(
    conn: &Connection,
    requester: Member<'_>,
    new: &NewCase,
    attachments: Vec<Attachment>,
    now: i64,
) -> Result<String> {
    let id = store::insert(
        conn,
        &requester.organisation.id,
        requester.organisation.plan,
        &requester.user.id,
        new,
        now,
    )?;
    if !attachments.is_empty() {
        uploads::link_to_case(conn, &id, &attachments)?;
        store::add_entry(
            conn,
            &id,
            now,
            Some(&requester.person()),
            false,
            ThreadEvent::AttachmentsAdded { attachments },
        )?;
    }
    Ok(id)
}

/// The customer adds to an open case's thread (a reply, a call request): a reply's files join
/// the case, and a reply to a case awaiting the customer puts it back in progress.
pub fn add_customer_entry(
    conn: &Connection,
    c: &CaseRow,
    customer: Member<'_>,
    event: ThreadEvent,
    at: i64,
) -> Result<ThreadEntry> {
    let reply = matches!(event, ThreadEvent::Comment { .. });
    if let ThreadEvent::Comment { attachments, .. } = &event {
        uploads::link_to_case(conn, &c.id, attachments)?;
    }
    let me = customer.person();
    let entry = store::add_entry(conn, &c.id, at, Some(&me), false, event)?;
    store::touch(conn, &c.id, at)?;
    let awaiting = matches!(
        c.status,
        CaseStatus::AwaitingYourReply | CaseStatus::ResolutionProvided
    );
    if reply && awaiting {
        store::set_status(conn, c, CaseStatus::InProgress, at, Some(&me), false)?;
    }
    Ok(entry)
}

/// Support answers a case: the comment, the first response if it is one, and a new case moves
/// to in progress. The caller has checked that the case is open.
pub fn answer(conn: &Connection, c: &CaseRow, body: String, at: i64) -> Result<ThreadEntry> {
    let comment = ThreadEvent::Comment {
        body,
        attachments: Vec::new(),
    };
    let entry = store::add_entry(conn, &c.id, at, None, true, comment)?;
    store::record_first_response(conn, &c.id, at)?;
    store::touch(conn, &c.id, at)?;
    if c.status == CaseStatus::New {
        store::set_status(conn, c, CaseStatus::InProgress, at, None, true)?;
    }
    Ok(entry)
}

/// Support names the engineer working a case.
pub fn assign_engineer(conn: &Connection, c: &CaseRow, engineer: String, at: i64) -> Result<()> {
    store::set_engineer(conn, &c.id, &engineer)?;
    store::touch(conn, &c.id, at)?;
    store::add_entry(
        conn,
        &c.id,
        at,
        None,
        true,
        ThreadEvent::EngineerAssigned { engineer },
    )?;
    Ok(())
}
