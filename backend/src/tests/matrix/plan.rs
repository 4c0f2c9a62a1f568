//! The calls of the matrix: for each identity and operation, its own ids and where the
//! operation names a row, another organisation's and another user's, with what each must answer.

use std::collections::BTreeMap;

use super::bodies::{shape, Shape};
use super::table::{Operation, TABLE, *};
use super::*;

/// The ids a call puts in its path (and, for a review, its body).
#[derive(Clone, Debug)]
pub(super) struct Ids {
    pub(super) case: String,
    pub(super) chat: String,
    pub(super) attachment: String,
    pub(super) user: String,
    pub(super) callback: String,
    pub(super) org: String,
}

/// An identity's own ids: its organisation's rows, its own chat and upload.
pub(super) fn own_ids(rows: &Rows, who: Who) -> Ids {
    let org = rows.own(who);
    let (chat, attachment) = match who {
        Who::SysAdmin | Who::OtherOrgAdmin => (&org.admin_chat, &org.admin_upload),
        _ => (&rows.support_chat, &rows.support_upload),
    };
    Ids {
        case: org.case.0.clone(),
        chat: chat.0.clone(),
        attachment: attachment.0.clone(),
        user: org.user.0.clone(),
        callback: org.callback.0.clone(),
        org: org.org_id.clone(),
    }
}

/// Ids of the organisation the identity must never see.
pub(super) fn foreign_org_ids(rows: &Rows, who: Who) -> Ids {
    let org = rows.foreign(who);
    Ids {
        case: org.case.0.clone(),
        chat: org.admin_chat.0.clone(),
        attachment: org.admin_upload.0.clone(),
        user: org.user.0.clone(),
        callback: org.callback.0.clone(),
        org: org.org_id.clone(),
    }
}

/// Ids of the other Northwind administrator's chat and upload: same organisation, not theirs.
fn other_user_ids(rows: &Rows, who: Who) -> Option<Ids> {
    let mut ids = own_ids(rows, who);
    let (chat, upload) = match who {
        Who::SysAdmin => (&rows.support_chat, &rows.support_upload),
        Who::SupportAdmin => (&rows.northwind.admin_chat, &rows.northwind.admin_upload),
        _ => return None,
    };
    ids.chat = chat.0.clone();
    ids.attachment = upload.0.clone();
    Some(ids)
}

fn fill(path: &str, ids: &Ids, rows: &Rows) -> String {
    let id = if path.contains("/cases/") {
        &ids.case
    } else if path.contains("/chats/") {
        &ids.chat
    } else if path.contains("/attachments/") {
        &ids.attachment
    } else if path.contains("/support-users/") {
        &ids.user
    } else if path.contains("/callbacks/") {
        &ids.callback
    } else {
        &rows.learning
    };
    path.replace("{id}", id)
        .replace("{slug}", &rows.slug)
        .replace("{language}", "en")
}

/// Whether the path names a row of an organisation (not shared content).
fn org_scoped(path: &str) -> bool {
    path.starts_with("/api/v1/") && path.contains("{id}") && !path.contains("/learning/")
}

/// Whether the path names a row of one user (their chat, their unattached upload).
fn user_scoped(path: &str) -> bool {
    path.starts_with("/api/v1/chats/{id}") || path.starts_with("/api/v1/attachments/{id}")
}

/// What a call must answer: exactly this refusal, or anything but 401/403 (and, for the
/// caller's own row, not 404).
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Expect {
    Exactly(u16),
    Allowed { own_row: bool },
}

pub(super) struct Call {
    pub(super) op: &'static str,
    pub(super) method: Method,
    pub(super) path: String,
    pub(super) shape: Shape,
    pub(super) cookie: String,
    pub(super) bearer: Option<&'static str>,
    pub(super) expect: Expect,
}

/// Whether a call names a row of an organisation, in its path or (a review) its body.
fn names_a_row(op: &str, path: &str) -> bool {
    org_scoped(path) || op == "review_support_users"
}

/// The calls one identity makes: for each operation its own ids, and where the operation
/// names a row, another organisation's and another user's.
pub(super) fn plan(
    who: Who,
    rows: &Rows,
    cookie: &str,
    ops: &BTreeMap<String, Operation>,
) -> Vec<Call> {
    let email = who.email().unwrap_or(MEMBER);
    let mut calls = Vec::new();
    for (id, access) in TABLE {
        let op = &ops[*id];
        let call = |ids: &Ids, expect| Call {
            op: id,
            method: op.method.clone(),
            path: fill(&op.path, ids, rows),
            shape: shape(id, email, &ids.user, &ids.org, rows.tokens()),
            cookie: cookie.to_string(),
            bearer: None,
            expect,
        };
        let own = own_ids(rows, who);
        let row = names_a_row(id, &op.path);
        let mut variants = vec![(own.clone(), true)];
        if row {
            variants.push((foreign_org_ids(rows, who), false));
        }
        if user_scoped(&op.path) {
            variants.extend(other_user_ids(rows, who).map(|ids| (ids, false)));
        }
        match access {
            Public => calls.push(call(&own, Expect::Allowed { own_row: row })),
            SignedIn if who == Who::SignedOut => calls.push(call(&own, Expect::Exactly(401))),
            SignedIn => calls.push(call(&own, Expect::Allowed { own_row: row })),
            AgentBearer | HostBearer => calls.push(call(&own, Expect::Exactly(401))),
            Needs(cap) => {
                let refusal = match who {
                    Who::SignedOut => Some(401),
                    _ if !who.capabilities().contains(cap) => Some(403),
                    _ => None,
                };
                for (ids, mine) in variants {
                    let expect = match (refusal, mine) {
                        (Some(code), _) => Expect::Exactly(code),
                        (None, true) => Expect::Allowed { own_row: row },
                        // An id in the path is "not found"; one in a body, a field error.
                        (None, false) if op.path.contains("{id}") => Expect::Exactly(404),
                        (None, false) => Expect::Exactly(400),
                    };
                    calls.push(call(&ids, expect));
                }
            }
        }
    }
    calls
}

/// The agent API and the host hand-off with a wrong bearer (401), then the right one.
pub(super) fn bearer_plan(rows: &Rows, ops: &BTreeMap<String, Operation>) -> Vec<Call> {
    let ids = own_ids(rows, Who::SupportAdmin);
    let mut calls = Vec::new();
    for (id, access) in TABLE {
        let Some(token) = access.bearer() else {
            continue;
        };
        let op = &ops[*id];
        for (bearer, expect) in [
            ("matrix-wrong-token", Expect::Exactly(401)),
            (token, Expect::Allowed { own_row: true }),
        ] {
            calls.push(Call {
                op: id,
                method: op.method.clone(),
                path: fill(&op.path, &ids, rows),
                shape: shape(id, MEMBER, &ids.user, &ids.org, rows.tokens()),
                cookie: String::new(),
                bearer: Some(bearer),
                expect,
            });
        }
    }
    calls
}
