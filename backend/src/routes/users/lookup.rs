//! Finding the caller's support user, the responses that carry a user, and the refusals the
//! handlers share.

use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use rusqlite::Connection;
use support_contract::users::{AuditPerson, ChangeRefusal, SupportUser};
use support_contract::FieldCode;
use support_contract::{problem_types as types, Role};

use crate::auth::CurrentUser;
use crate::clock;
use crate::model::enum_from_db;
use crate::problem::{field, ApiError};
use crate::routes::cases::headers::{etag, if_match};
use crate::state::AppState;
use crate::users::{self as store, review_cutoff};

/// Validations older than this (Unix seconds) are due for review.
pub(super) fn cutoff(state: &AppState) -> i64 {
    review_cutoff(clock::now(), state.config.review_days)
}

/// A support user of the caller's organisation, or 404 (members without a role included).
pub(super) fn own_user(
    conn: &Connection,
    current: &CurrentUser,
    id: &str,
    cutoff: i64,
) -> Result<SupportUser, ApiError> {
    store::load(conn, &current.organisation.id, id, cutoff)?.ok_or_else(ApiError::not_found)
}

/// A support user of the caller's organisation whose version is the one `If-Match` names.
pub(super) fn user_for_edit(
    conn: &Connection,
    current: &CurrentUser,
    id: &str,
    headers: &HeaderMap,
    cutoff: i64,
) -> Result<SupportUser, ApiError> {
    let expected = if_match(headers)?;
    let u = own_user(conn, current, id, cutoff)?;
    if expected.is_some_and(|v| v != u.version) {
        return Err(ApiError::precondition_failed());
    }
    Ok(u)
}

/// A user with its `ETag`.
pub(super) fn user_response(status: StatusCode, user: SupportUser) -> Response {
    let tag = etag(user.version);
    (status, [(header::ETAG, tag)], Json(user)).into_response()
}

pub(super) fn location(id: &str) -> HeaderValue {
    HeaderValue::from_str(&format!("/api/v1/support-users/{id}")).expect("ids are URL-safe")
}

/// The caller as the audit log names them.
pub(super) fn actor(current: &CurrentUser) -> AuditPerson {
    AuditPerson {
        id: current.user.id.clone(),
        name: current.user.name.clone(),
        email: current.user.email.clone(),
    }
}

/// The problem for an organisation rule that refuses a change.
pub(super) fn refusal(r: ChangeRefusal) -> ApiError {
    match r {
        ChangeRefusal::SelfRemoval => ApiError::problem(
            types::SELF_REMOVAL,
            StatusCode::CONFLICT,
            "You cannot remove yourself",
            "Another Support System Administrator must remove you.",
        ),
        ChangeRefusal::LastSystemAdmin => ApiError::problem(
            types::LAST_SYSTEM_ADMIN,
            StatusCode::CONFLICT,
            "The last Support System Administrator",
            "The organisation needs an active Support System Administrator; make someone else one first.",
        ),
    }
}

/// 409: the email belongs to a current support user, or to someone of another organisation.
pub(super) fn duplicate() -> ApiError {
    ApiError::problem(
        types::DUPLICATE_USER,
        StatusCode::CONFLICT,
        "This user already exists",
        "A user with this email already exists.",
    )
}

/// A role from a request body: `required` when absent, `unknown_role` when not one of ours.
pub(super) fn role_field(
    v: Option<&str>,
    errors: &mut Vec<support_contract::FieldError>,
) -> Option<Role> {
    match v.map(str::trim).filter(|v| !v.is_empty()) {
        None => {
            errors.push(field("role", FieldCode::Required, "Choose a role."));
            None
        }
        Some(v) => match enum_from_db::<Role>(v) {
            Ok(r) if r != Role::Unknown => Some(r),
            _ => {
                errors.push(field(
                    "role",
                    FieldCode::UnknownRole,
                    "Use support_system_admin or customer_support_admin.",
                ));
                None
            }
        },
    }
}
