//! Asking support for more: a change of urgency, or a call.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use serde::Deserialize;
use support_contract::cases::{
    CallRequest, CallTiming, Case, CaseStatus, Priority, ThreadEntry, ThreadEvent, UrgencyChange,
    SHORT_MAX,
};
use support_contract::problem_types as types;
use support_contract::FieldCode;

use super::lookup::{add_entry, transition_not_allowed};
use crate::auth::{ManageCases, RequireCapability};
use crate::cases::{self, URGENCY_CHANGE_INTERVAL};
use crate::clock::{self, parse_rfc3339};
use crate::extract::ApiJson;
use crate::problem::{field, ApiError};
use crate::routes::fields::{required_phone, required_text};
use crate::routes::responses::{EditRefusals, ItemChangeRefusals, UrgencyChangeTooSoon};
use crate::routes::versions::{IfMatch, Versioned};
use crate::state::AppState;
use crate::store::cases as store;

/// `UrgencyChange` as received.
#[derive(Deserialize)]
pub struct UrgencyForm {
    #[serde(default)]
    priority: Option<Priority>,
    #[serde(default)]
    reason: Option<String>,
}

/// Change a case's urgency, with a reason: at most once per 24 hours per case. The priority
/// changes at once; the first-response target set at filing stays as it was. Send the case's
/// ETag as `If-Match`.
#[utoipa::path(
    post,
    path = "/cases/{id}/urgency",
    tag = "cases",
    security(("session_cookie" = [])),
    params(
        ("id" = String, Path, description = "Case id"),
        ("If-Match" = String, Header, description = "The case's ETag"),
    ),
    request_body = UrgencyChange,
    responses(
        (status = 200, description = "Changed", body = Case,
            headers(("ETag" = String, description = "The new version"))),
        EditRefusals,
        (status = 429, response = UrgencyChangeTooSoon),
    )
)]
pub async fn change_urgency(
    State(state): State<AppState>,
    RequireCapability { user, .. }: RequireCapability<ManageCases>,
    Path(id): Path<String>,
    // A `Result`, read after the body: an unreadable body is answered before the header.
    if_match: Result<IfMatch, ApiError>,
    ApiJson(form): ApiJson<UrgencyForm>,
) -> Result<Versioned<Case>, ApiError> {
    let if_match = if_match?;
    let now = clock::now();
    let org = Some(user.organisation.id.as_str());
    state.db.transaction(|tx| {
        let c = if_match.check(store::load(tx, &id, org)?)?;
        if c.status == CaseStatus::Closed {
            return Err(transition_not_allowed(
                "The case is closed; reopen it first.",
            ));
        }
        let mut errors = Vec::new();
        let reason = required_text(&mut errors, "reason", form.reason.as_deref(), SHORT_MAX);
        let priority = form.priority.filter(|p| *p != Priority::Unknown);
        match priority {
            None => errors.push(field("priority", FieldCode::Required, "Choose a priority.")),
            Some(p) if p == c.priority => errors.push(field(
                "priority",
                FieldCode::Unchanged,
                "Choose a priority other than the current one.",
            )),
            Some(_) => {}
        }
        if !errors.is_empty() {
            return Err(ApiError::validation(errors));
        }
        if let Some(last) = c.last_urgency_change_at {
            if now - last < URGENCY_CHANGE_INTERVAL {
                let mut e = ApiError::problem(
                    types::URGENCY_CHANGE_TOO_SOON,
                    StatusCode::TOO_MANY_REQUESTS,
                    "Urgency changed recently",
                    "The urgency of a case can change once every 24 hours.",
                );
                e.0.retry_after = Some((URGENCY_CHANGE_INTERVAL - (now - last)) as u64);
                return Err(e);
            }
        }
        let to = priority.unwrap_or(c.priority);
        store::set_priority(tx, &c.id, to, now)?;
        store::touch(tx, &c.id, now)?;
        let change = ThreadEvent::UrgencyChangeRequested {
            from: c.priority,
            to,
            reason: reason.trim().to_string(),
        };
        let me = user.member().person();
        store::add_entry(tx, &c.id, now, Some(&me), false, change)?;
        Ok(Versioned(cases::view(tx, &id, org, now)?))
    })
}

/// `CallRequest` as received.
#[derive(Deserialize)]
pub struct CallForm {
    #[serde(default)]
    phone: Option<String>,
    #[serde(default)]
    when: Option<CallTiming>,
}

/// Ask support to call: a P1 case gets an immediate call, P2 and P3 a call at a scheduled time
/// in the future; P4 cases have no calls (a field error on `when`).
#[utoipa::path(
    post,
    path = "/cases/{id}/call-requests",
    tag = "cases",
    security(("session_cookie" = [])),
    params(("id" = String, Path, description = "Case id")),
    request_body = CallRequest,
    responses(
        (status = 201, description = "Recorded in the thread", body = ThreadEntry),
        ItemChangeRefusals,
    )
)]
pub async fn request_call(
    State(state): State<AppState>,
    RequireCapability { user, .. }: RequireCapability<ManageCases>,
    Path(id): Path<String>,
    ApiJson(form): ApiJson<CallForm>,
) -> Result<(StatusCode, Json<ThreadEntry>), ApiError> {
    let now = clock::now();
    let closed = "The case is closed; reopen it first.";
    add_entry(&state, &user, &id, closed, now, |_, c, errors| {
        let phone = required_phone(
            errors,
            "phone",
            form.phone,
            "Enter the phone to call.",
            "Enter a phone number with its country code.",
        );
        errors.extend(timing_problem(c.priority, form.when.as_ref(), now));
        let when = form.when.unwrap_or(CallTiming::Immediate);
        Ok(ThreadEvent::CallRequested { phone, when })
    })
}

/// What is wrong with when a call is asked for, given the case's priority: P1 calls at once,
/// P2 and P3 at a time to come, P4 never.
fn timing_problem(
    priority: Priority,
    when: Option<&CallTiming>,
    now: i64,
) -> Option<support_contract::FieldError> {
    match (priority, when) {
        (_, None) => Some(field("when", FieldCode::Required, "Say when to call.")),
        (Priority::P1, Some(CallTiming::Immediate)) => None,
        (Priority::P1, Some(_)) => Some(field(
            "when",
            FieldCode::ImmediateRequired,
            "Critical (P1) cases get an immediate call.",
        )),
        (Priority::P2 | Priority::P3, Some(CallTiming::Scheduled { at })) => {
            match parse_rfc3339(at) {
                Some(t) if t > now => None,
                Some(_) => Some(field(
                    "when.at",
                    FieldCode::MustBeFuture,
                    "Choose a time in the future.",
                )),
                None => Some(field(
                    "when.at",
                    FieldCode::InvalidTime,
                    "Use an RFC 3339 time.",
                )),
            }
        }
        (Priority::P2 | Priority::P3, Some(_)) => Some(field(
            "when",
            FieldCode::ScheduledRequired,
            "Choose a time for the call.",
        )),
        (_, Some(_)) => Some(field(
            "when",
            FieldCode::NotAvailable,
            "Minor (P4) cases are handled in writing; raise the urgency to ask for a call.",
        )),
    }
}
