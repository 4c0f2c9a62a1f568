//! `POST /support-users/reviews`: validating or flagging support users, one or many at once.

use axum::extract::State;
use axum::Json;
use serde::Deserialize;
use support_contract::users::{ReviewDecision, ReviewRequest, SupportUser};
use support_contract::wire::from_wire;
use support_contract::FieldCode;

use super::lookup::cutoff;
use crate::auth::{RequireCapability, ReviewUsers};
use crate::clock;
use crate::extract::ApiJson;
use crate::problem::{field, ApiError};
use crate::routes::fields::distinct;
use crate::routes::responses::InputRefusals;
use crate::state::AppState;
use crate::users::review::{review_users, Review};

/// The most users one decision may cover.
pub const MAX_REVIEW_USERS: usize = 200;
/// Longest reason, in characters.
pub const REASON_MAX: usize = 1000;

/// `ReviewRequest` as received.
#[derive(Deserialize)]
pub struct ReviewForm {
    #[serde(default)]
    user_ids: Option<Vec<String>>,
    #[serde(default)]
    decision: Option<String>,
    #[serde(default)]
    reason: Option<String>,
}

/// Record a review decision about one or many support users. Requires `review_users`.
///
/// `validated` confirms that a user should keep support access (until the review period,
/// `--review-days`, makes them due again); `flagged` needs a `reason`. Every decision is kept
/// (see `GET /support-users/{id}/reviews`) and audited. All or nothing: an id that is not a
/// current support user of the organisation fails the whole request (`user_ids`,
/// `unknown_user`) and changes nobody.
#[utoipa::path(
    post,
    path = "/support-users/reviews",
    tag = "support-users",
    security(("session_cookie" = [])),
    request_body = ReviewRequest,
    responses(
        (status = 200, description = "The reviewed users, in the order asked", body = Vec<SupportUser>),
        InputRefusals,
    )
)]
pub async fn review_support_users(
    State(state): State<AppState>,
    RequireCapability { user: current, .. }: RequireCapability<ReviewUsers>,
    ApiJson(form): ApiJson<ReviewForm>,
) -> Result<Json<Vec<SupportUser>>, ApiError> {
    let mut errors = Vec::new();
    // Checked before the transaction, which holds the one database lock of every organisation.
    let ids = distinct(form.user_ids.unwrap_or_default(), None);
    if ids.is_empty() {
        errors.push(field(
            "user_ids",
            FieldCode::Required,
            "Choose at least one user.",
        ));
    } else if ids.len() > MAX_REVIEW_USERS {
        errors.push(field(
            "user_ids",
            FieldCode::TooMany,
            &format!("Review at most {MAX_REVIEW_USERS} users at once."),
        ));
    }
    let decision = match form.decision.as_deref() {
        None | Some("") => {
            errors.push(field(
                "decision",
                FieldCode::Required,
                "Choose validated or flagged.",
            ));
            None
        }
        Some(d) => {
            let decision = from_wire::<ReviewDecision>(d);
            if decision.is_none() {
                errors.push(field(
                    "decision",
                    FieldCode::InvalidValue,
                    "Use validated or flagged.",
                ));
            }
            decision
        }
    };
    let reason = form
        .reason
        .map(|r| r.trim().to_string())
        .filter(|r| !r.is_empty());
    if decision == Some(ReviewDecision::Flagged) && reason.is_none() {
        errors.push(field(
            "reason",
            FieldCode::Required,
            "Say why the user is flagged.",
        ));
    }
    if reason
        .as_ref()
        .is_some_and(|r| r.chars().count() > REASON_MAX)
    {
        errors.push(field(
            "reason",
            FieldCode::TooLong,
            &format!("Use at most {REASON_MAX} characters."),
        ));
    }
    let (Some(decision), true) = (decision, errors.is_empty()) else {
        return Err(ApiError::validation(errors));
    };
    // A validation needs no reason; one given is not kept, so that a reason always explains a flag.
    let reason = (decision == ReviewDecision::Flagged)
        .then_some(reason)
        .flatten();

    let reviewed = state.db.transaction(|tx| {
        let review = Review {
            decision,
            reason: reason.as_deref(),
            at: clock::now(),
        };
        review_users(tx, current.member(), &ids, &review, cutoff(&state))
    })?;
    Ok(Json(reviewed))
}
