//! Working a case: replying, closing and reopening.

use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::Json;
use serde::Deserialize;
use support_contract::cases::{
    may_reopen, transition_allowed, Actor, Case, CaseStatus, NewComment, ThreadEntry, ThreadEvent,
    TEXT_MAX,
};
use support_contract::problem_types as types;

use super::lookup::{add_keyed_entry, transition_not_allowed};
use crate::attachments;
use crate::auth::{CurrentUser, ManageCases, RequireCapability};
use crate::cases;
use crate::clock;
use crate::extract::ApiJson;
use crate::problem::ApiError;
use crate::routes::fields::{idempotency_key_if_sent, required_text};
use crate::routes::responses::{EditRefusals, ItemChangeRefusals};
use crate::routes::versions::{IfMatch, Versioned};
use crate::state::AppState;
use crate::store::cases as store;

/// `NewComment` as received.
#[derive(Deserialize)]
pub struct CommentForm {
    #[serde(default)]
    body: Option<String>,
    #[serde(default)]
    attachments: Vec<String>,
}

/// Reply on a case: plain text, with attachments uploaded beforehand. A reply to a case awaiting
/// the customer puts it back in progress. Not on closed cases. With an `Idempotency-Key` header
/// (optional), sending again with the same key answers the reply it made (200) instead of
/// posting it twice: a client retries a send whose answer was lost without doubling it.
#[utoipa::path(
    post,
    path = "/cases/{id}/comments",
    tag = "cases",
    security(("session_cookie" = [])),
    params(
        ("id" = String, Path, description = "Case id"),
        ("Idempotency-Key" = Option<String>, Header, description = "Client-chosen key, 1 to 200 characters; keep it with the draft"),
    ),
    request_body = NewComment,
    responses(
        (status = 201, description = "The comment", body = ThreadEntry),
        (status = 200, description = "Already sent with this key: the same comment", body = ThreadEntry),
        ItemChangeRefusals,
    )
)]
pub async fn add_comment(
    State(state): State<AppState>,
    RequireCapability { user, .. }: RequireCapability<ManageCases>,
    Path(id): Path<String>,
    headers: HeaderMap,
    ApiJson(form): ApiJson<CommentForm>,
) -> Result<(StatusCode, Json<ThreadEntry>), ApiError> {
    let closed = "The case is closed; reopen it to reply.";
    let key = idempotency_key_if_sent(&headers)?;
    add_keyed_entry(
        &state,
        &user,
        &id,
        closed,
        clock::now(),
        key,
        |tx, _, errors| {
            let body = required_text(errors, "body", form.body.as_deref(), TEXT_MAX);
            let attachments = attachments::unlinked(tx, user.member(), &form.attachments, errors)?;
            Ok(ThreadEvent::Comment { body, attachments })
        },
    )
}

/// Close or reopen, after the checks both share.
fn change_status(
    state: &AppState,
    user: &CurrentUser,
    id: &str,
    if_match: IfMatch,
    to: CaseStatus,
) -> Result<Versioned<Case>, ApiError> {
    let now = clock::now();
    let org = Some(user.organisation.id.as_str());
    state.db.transaction(|tx| {
        let c = if_match.check(store::load(tx, id, org)?)?;
        if to == CaseStatus::InProgress {
            if c.status != CaseStatus::Closed {
                return Err(transition_not_allowed(
                    "Only a closed case can be reopened.",
                ));
            }
            if !c.closed_at.is_some_and(|at| may_reopen(at, now)) {
                return Err(ApiError::problem(
                    types::REOPEN_WINDOW_PASSED,
                    StatusCode::CONFLICT,
                    "Too late to reopen",
                    "Cases can be reopened within 14 days of closing; file a new case instead.",
                ));
            }
        }
        if !transition_allowed(Actor::Customer, c.status, to) {
            return Err(transition_not_allowed(
                "The case's status does not allow this.",
            ));
        }
        store::set_status(tx, &c, to, now, Some(&user.member().person()), false)?;
        Ok(Versioned(cases::view(tx, id, org, now)?))
    })
}

/// Close a case (any open status). Send the case's ETag as `If-Match`.
#[utoipa::path(
    post,
    path = "/cases/{id}/close",
    tag = "cases",
    security(("session_cookie" = [])),
    params(
        ("id" = String, Path, description = "Case id"),
        ("If-Match" = String, Header, description = "The case's ETag"),
    ),
    responses(
        (status = 200, description = "Closed", body = Case,
            headers(("ETag" = String, description = "The new version"))),
        EditRefusals,
    )
)]
pub async fn close_case(
    State(state): State<AppState>,
    RequireCapability { user, .. }: RequireCapability<ManageCases>,
    Path(id): Path<String>,
    if_match: IfMatch,
) -> Result<Versioned<Case>, ApiError> {
    change_status(&state, &user, &id, if_match, CaseStatus::Closed)
}

// Alike to `close_case` but for its words and target status: each is its own entry of the
// published contract (see `routes`), and both share `change_status`.
/// Reopen a closed case within 14 days of closing; it goes back in progress. Send the case's
/// ETag as `If-Match`.
#[utoipa::path(
    post,
    path = "/cases/{id}/reopen",
    tag = "cases",
    security(("session_cookie" = [])),
    params(
        ("id" = String, Path, description = "Case id"),
        ("If-Match" = String, Header, description = "The case's ETag"),
    ),
    responses(
        (status = 200, description = "Reopened", body = Case,
            headers(("ETag" = String, description = "The new version"))),
        EditRefusals,
    )
)]
pub async fn reopen_case(
    State(state): State<AppState>,
    RequireCapability { user, .. }: RequireCapability<ManageCases>,
    Path(id): Path<String>,
    if_match: IfMatch,
) -> Result<Versioned<Case>, ApiError> {
    change_status(&state, &user, &id, if_match, CaseStatus::InProgress)
}
