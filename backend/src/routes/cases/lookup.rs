//! The refusals every change of a case shares.

use axum::http::StatusCode;
use rusqlite::Connection;
use support_contract::cases::CaseStatus;
use support_contract::problem_types as types;

use crate::problem::ApiError;
use crate::store::cases::{self as store, CaseRow};

/// 409 `transition-not-allowed`: the case's status does not allow this.
pub fn transition_not_allowed(detail: &str) -> ApiError {
    ApiError::problem(
        types::TRANSITION_NOT_ALLOWED,
        StatusCode::CONFLICT,
        "Not possible in this status",
        detail,
    )
}

/// A case of organisation `org` that is not closed: 404 if it is not theirs, the
/// `transition-not-allowed` conflict with `closed_message` as its detail if it is closed.
pub(super) fn open_case(
    conn: &Connection,
    org: &str,
    id: &str,
    closed_message: &str,
) -> Result<CaseRow, ApiError> {
    let c = store::load(conn, id, Some(org))?;
    if c.status == CaseStatus::Closed {
        return Err(transition_not_allowed(closed_message));
    }
    Ok(c)
}
