//! Asking support for more: a change of urgency, or a call.

use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use rusqlite::params;
use serde::Deserialize;
use support_contract::cases::{
    CallRequest, CallTiming, Case, CaseStatus, Priority, ThreadEntry, ThreadEvent, UrgencyChange,
};
use support_contract::problem_types as types;
use support_contract::FieldCode;
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

use super::headers::case_response;
use super::lookup::{case_for_edit, open_case_for_edit, own_case, person, transition_not_allowed};
use super::validate::{required_text, valid_phone, SHORT_MAX};
use crate::auth::{ManageCases, RequireCapability};
use crate::cases::{self as store, URGENCY_CHANGE_INTERVAL};
use crate::clock;
use crate::extract::ApiJson;
use crate::problem::{field, ApiError};
use crate::routes::responses::{
    Conflict, Forbidden, NotFound, PreconditionFailed, PreconditionRequired, Unauthenticated,
    UrgencyChangeTooSoon, Validation,
};
use crate::state::AppState;

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
        (status = 400, response = Validation),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 409, response = Conflict),
        (status = 412, response = PreconditionFailed),
        (status = 428, response = PreconditionRequired),
        (status = 429, response = UrgencyChangeTooSoon),
    )
)]
pub async fn change_urgency(
    State(state): State<AppState>,
    RequireCapability { user, .. }: RequireCapability<ManageCases>,
    Path(id): Path<String>,
    headers: HeaderMap,
    ApiJson(form): ApiJson<UrgencyForm>,
) -> Result<Response, ApiError> {
    let now = clock::now();
    let mut conn = state.db.conn();
    let tx = conn.transaction()?;
    let c = case_for_edit(&tx, &user, &id, &headers)?;
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
    tx.execute(
        "UPDATE cases SET priority = ?2, last_urgency_change_at = ?3 WHERE id = ?1",
        params![c.id, crate::model::enum_to_db(&to), now],
    )?;
    store::touch(&tx, &c.id, now)?;
    store::add_entry(
        &tx,
        &c.id,
        now,
        Some(&person(&user)),
        false,
        ThreadEvent::UrgencyChangeRequested {
            from: c.priority,
            to,
            reason: reason.trim().to_string(),
        },
    )?;
    let c = own_case(&tx, &user, &id)?;
    let case = store::full(&tx, &c, now)?;
    tx.commit()?;
    Ok(case_response(StatusCode::OK, case))
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
        (status = 400, response = Validation),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 409, response = Conflict),
    )
)]
pub async fn request_call(
    State(state): State<AppState>,
    RequireCapability { user, .. }: RequireCapability<ManageCases>,
    Path(id): Path<String>,
    ApiJson(form): ApiJson<CallForm>,
) -> Result<Response, ApiError> {
    let now = clock::now();
    let mut conn = state.db.conn();
    let tx = conn.transaction()?;
    let c = open_case_for_edit(&tx, &user, &id, "The case is closed; reopen it first.")?;
    let mut errors = Vec::new();
    let phone = form.phone.unwrap_or_default().trim().to_string();
    if phone.is_empty() {
        errors.push(field(
            "phone",
            FieldCode::Required,
            "Enter the phone to call.",
        ));
    } else if !valid_phone(&phone) {
        errors.push(field(
            "phone",
            FieldCode::InvalidPhone,
            "Enter a phone number with its country code.",
        ));
    }
    let when = form.when;
    match (c.priority, &when) {
        (_, None) => errors.push(field("when", FieldCode::Required, "Say when to call.")),
        (Priority::P1, Some(CallTiming::Immediate)) => {}
        (Priority::P1, Some(_)) => errors.push(field(
            "when",
            FieldCode::ImmediateRequired,
            "Critical (P1) cases get an immediate call.",
        )),
        (Priority::P2 | Priority::P3, Some(CallTiming::Scheduled { at })) => {
            match OffsetDateTime::parse(at, &Rfc3339) {
                Ok(t) if t.unix_timestamp() > now => {}
                Ok(_) => errors.push(field(
                    "when.at",
                    FieldCode::MustBeFuture,
                    "Choose a time in the future.",
                )),
                Err(_) => errors.push(field(
                    "when.at",
                    FieldCode::InvalidTime,
                    "Use an RFC 3339 time.",
                )),
            }
        }
        (Priority::P2 | Priority::P3, Some(_)) => errors.push(field(
            "when",
            FieldCode::ScheduledRequired,
            "Choose a time for the call.",
        )),
        (_, Some(_)) => errors.push(field(
            "when",
            FieldCode::NotAvailable,
            "Minor (P4) cases are handled in writing; raise the urgency to ask for a call.",
        )),
    }
    if !errors.is_empty() {
        return Err(ApiError::validation(errors));
    }
    let when = when.unwrap_or(CallTiming::Immediate);
    let entry = store::add_entry(
        &tx,
        &c.id,
        now,
        Some(&person(&user)),
        false,
        ThreadEvent::CallRequested { phone, when },
    )?;
    store::touch(&tx, &c.id, now)?;
    tx.commit()?;
    Ok((StatusCode::CREATED, Json(entry)).into_response())
}
