//! Finding the caller's case, and the refusals every edit shares.

use axum::http::{HeaderMap, StatusCode};
use rusqlite::Connection;
use support_contract::cases::{CaseStatus, Person};
use support_contract::problem_types as types;

use super::headers::if_match;
use crate::auth::CurrentUser;
use crate::cases::{self as store, CaseRow};
use crate::problem::ApiError;

/// A case of the caller's organisation, or 404.
pub(crate) fn own_case(
    conn: &Connection,
    user: &CurrentUser,
    id: &str,
) -> Result<CaseRow, ApiError> {
    store::load(conn, id, Some(&user.organisation.id))?.ok_or_else(ApiError::not_found)
}

/// A case of the caller's organisation whose version is the one `If-Match` names.
pub(super) fn case_for_edit(
    conn: &Connection,
    user: &CurrentUser,
    id: &str,
    headers: &HeaderMap,
) -> Result<CaseRow, ApiError> {
    let expected = if_match(headers)?;
    let c = own_case(conn, user, id)?;
    if expected.is_some_and(|v| v != c.version) {
        return Err(ApiError::precondition_failed());
    }
    Ok(c)
}

pub(crate) fn person(user: &CurrentUser) -> Person {
    Person {
        id: user.user.id.clone(),
        name: user.user.name.clone(),
    }
}

pub(super) fn transition_not_allowed(detail: &str) -> ApiError {
    ApiError::problem(
        types::TRANSITION_NOT_ALLOWED,
        StatusCode::CONFLICT,
        "Not possible in this status",
        detail,
    )
}

/// A case of the caller's organisation that is not closed: 404 if it is not theirs, the
/// `transition-not-allowed` conflict with `closed_message` as its detail if it is closed.
pub(super) fn open_case_for_edit(
    conn: &Connection,
    user: &CurrentUser,
    id: &str,
    closed_message: &str,
) -> Result<CaseRow, ApiError> {
    let c = own_case(conn, user, id)?;
    if c.status == CaseStatus::Closed {
        return Err(transition_not_allowed(closed_message));
    }
    Ok(c)
}
