//! What the support-user handlers share: the review cutoff, the role field, and the refusals.

use axum::http::StatusCode;
use support_contract::users::ChangeRefusal;
use support_contract::wire::from_wire;
use support_contract::{problem_types as types, FieldCode, FieldError, Role};

use crate::clock;
use crate::problem::{field, ApiError};
use crate::state::AppState;
use crate::users::review_cutoff;

/// Validations older than this (Unix seconds) are due for review.
pub(super) fn cutoff(state: &AppState) -> i64 {
    review_cutoff(clock::now(), state.config.review_days)
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

/// A role from a request body: `required` when absent, `unknown_role` when not one of ours.
pub(super) fn role_field(v: Option<&str>, errors: &mut Vec<FieldError>) -> Option<Role> {
    match v.map(str::trim).filter(|v| !v.is_empty()) {
        None => {
            errors.push(field("role", FieldCode::Required, "Choose a role."));
            None
        }
        Some(v) => {
            let role = from_wire::<Role>(v);
            if role.is_none() {
                errors.push(field(
                    "role",
                    FieldCode::UnknownRole,
                    "Use support_system_admin or customer_support_admin.",
                ));
            }
            role
        }
    }
}
