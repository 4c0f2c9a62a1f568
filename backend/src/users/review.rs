//! Review decisions about support users: validating or flagging one or many at once, all or
//! nothing, each decision recorded and audited.

use rusqlite::Connection;
use support_contract::users::{
    AuditAction, ReviewDecision, SupportUser, UserSnapshot, UserStatus, ValidationState,
};
use support_contract::FieldCode;

use super::{record_change, review_snapshot};
use crate::member::Member;
use crate::problem::{field, ApiError};
use crate::store::users::{self as store, reviews};
use crate::store::Optional;

/// A checked decision.
pub struct Review<'a> {
    /// Validated or flagged.
    pub decision: ReviewDecision,
    /// Given with a flag only: a reason always explains a flag.
    pub reason: Option<&'a str>,
    /// Unix seconds.
    pub at: i64,
}

/// `reviewer` decides about the support users `ids` of their organisation and gets them back
/// as they now stand (validations before `cutoff` read as due). An id that is not a current
/// support user of the organisation fails the whole request (`user_ids`, `unknown_user`).
pub fn review_users(
    conn: &Connection,
    reviewer: Member<'_>,
    ids: &[String],
    review: &Review<'_>,
    cutoff: i64,
) -> Result<Vec<SupportUser>, ApiError> {
    let org = &reviewer.organisation.id;
    // Every id is checked before anything changes.
    let mut users = Vec::with_capacity(ids.len());
    for id in ids {
        match store::load(conn, org, id, cutoff).optional()? {
            Some(u) if u.status != UserStatus::Removed => users.push(u),
            _ => {
                return Err(ApiError::validation(vec![field(
                    "user_ids",
                    FieldCode::UnknownUser,
                    "A user was not found among the organisation's current support users.",
                )]))
            }
        }
    }
    let (action, state_after) = match review.decision {
        ReviewDecision::Flagged => (AuditAction::UserFlagged, ValidationState::Flagged),
        _ => (AuditAction::UserValidated, ValidationState::Validated),
    };
    let after = UserSnapshot {
        validation: Some(state_after),
        reason: review.reason.map(str::to_string),
        ..UserSnapshot::default()
    };
    let mut reviewed = Vec::with_capacity(users.len());
    for u in users {
        let (decision, reason, at) = (review.decision, review.reason, review.at);
        reviews::decide(conn, &u.id, decision, reason, &reviewer.user.id, at)?;
        let change = (action, review_snapshot(&u), after.clone());
        record_change(conn, reviewer, &u, change, at)?;
        let fresh = store::load(conn, org, &u.id, cutoff).optional()?;
        reviewed.push(fresh.ok_or_else(ApiError::server)?);
    }
    Ok(reviewed)
}
