//! What the changes of a case share: the refusals, and adding the caller's entry to the thread.

use axum::http::StatusCode;
use axum::Json;
use rusqlite::Connection;
use support_contract::cases::{CaseStatus, ThreadEntry, ThreadEvent};
use support_contract::problem_types as types;
use support_contract::FieldError;

use crate::auth::CurrentUser;
use crate::cases;
use crate::problem::{valid, ApiError};
use crate::state::AppState;
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
fn open_case(
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

/// Adds the caller's entry to an open case of their organisation at `now` and answers it with
/// 201, all in one transaction: `event` checks the request against the case, pushing what is
/// wrong to the errors, and makes the entry.
pub(super) fn add_entry(
    state: &AppState,
    user: &CurrentUser,
    id: &str,
    closed_message: &str,
    now: i64,
    event: impl FnOnce(&Connection, &CaseRow, &mut Vec<FieldError>) -> Result<ThreadEvent, ApiError>,
) -> Result<(StatusCode, Json<ThreadEntry>), ApiError> {
    let entry = state.db.transaction(|tx| {
        let c = open_case(tx, &user.organisation.id, id, closed_message)?;
        let mut errors = Vec::new();
        let event = event(tx, &c, &mut errors)?;
        valid(errors)?;
        Ok::<_, ApiError>(cases::add_customer_entry(
            tx,
            &c,
            user.member(),
            event,
            now,
        )?)
    })?;
    Ok((StatusCode::CREATED, Json(entry)))
}
