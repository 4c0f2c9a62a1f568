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
use crate::store::request_keys::{self, Made};

/// The kind of `Idempotency-Key` that made a reply.
const REPLY: &str = "reply";

/// 409 `transition-not-allowed`: the case's status does not allow this.
pub fn transition_not_allowed(detail: &str) -> ApiError {
    ApiError::problem(
        types::TRANSITION_NOT_ALLOWED,
        StatusCode::CONFLICT,
        "Not possible in this status",
        detail,
    )
}

/// Refuses a closed case with the `transition-not-allowed` conflict, `closed_message` its detail.
fn still_open(c: &CaseRow, closed_message: &str) -> Result<(), ApiError> {
    if c.status == CaseStatus::Closed {
        return Err(transition_not_allowed(closed_message));
    }
    Ok(())
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
    add_keyed_entry(state, user, id, closed_message, now, None, event)
}

/// [`add_entry`] under the caller's `Idempotency-Key`, if they sent one: a key that already
/// added an entry to this case answers that entry (200) and adds nothing.
pub(super) fn add_keyed_entry(
    state: &AppState,
    user: &CurrentUser,
    id: &str,
    closed_message: &str,
    now: i64,
    key: Option<String>,
    event: impl FnOnce(&Connection, &CaseRow, &mut Vec<FieldError>) -> Result<ThreadEvent, ApiError>,
) -> Result<(StatusCode, Json<ThreadEntry>), ApiError> {
    let user_id = user.user.id.as_str();
    let (status, entry) = state.db.transaction(|tx| {
        // Another organisation's case is not found, key or no key.
        let c = store::load(tx, id, Some(&user.organisation.id))?;
        if let Some(key) = &key {
            let made = request_keys::made_with(tx, user_id, REPLY, key)?;
            let earlier = match made {
                Some(m) if m.target == c.id => store::thread(tx, &c.id, m.seq.unwrap_or(1) - 1)?
                    .into_iter()
                    .next(),
                _ => None,
            };
            if let Some(entry) = earlier {
                return Ok((StatusCode::OK, entry));
            }
        }
        still_open(&c, closed_message)?;
        let mut errors = Vec::new();
        let event = event(tx, &c, &mut errors)?;
        valid(errors)?;
        let entry = cases::add_customer_entry(tx, &c, user.member(), event, now)?;
        if let Some(key) = &key {
            let made = Made {
                target: c.id.clone(),
                seq: Some(entry.seq),
            };
            request_keys::remember(tx, user_id, REPLY, key, &made, now)?;
        }
        Ok::<_, ApiError>((StatusCode::CREATED, entry))
    })?;
    Ok((status, Json(entry)))
}
