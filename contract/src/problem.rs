//! RFC 9457 problem details: the one error shape of the contract.

use serde::{Deserialize, Serialize};

#[cfg(feature = "openapi")]
use utoipa::ToSchema;

/// The `type` URIs the contract defines. Clients branch on these, never on `title` or `detail`.
pub mod problem_types {
    pub const INVALID_CREDENTIALS: &str = "urn:support-portal:problem:invalid-credentials";
    pub const TOO_MANY_ATTEMPTS: &str = "urn:support-portal:problem:too-many-attempts";
    pub const UNAUTHENTICATED: &str = "urn:support-portal:problem:unauthenticated";
    pub const FORBIDDEN: &str = "urn:support-portal:problem:forbidden";
    pub const NOT_FOUND: &str = "urn:support-portal:problem:not-found";
    pub const VALIDATION: &str = "urn:support-portal:problem:validation";
    pub const CONFLICT: &str = "urn:support-portal:problem:conflict";
    pub const PRECONDITION_FAILED: &str = "urn:support-portal:problem:precondition-failed";
    pub const CROSS_ORIGIN: &str = "urn:support-portal:problem:cross-origin";
    pub const SERVER: &str = "urn:support-portal:problem:server";
    /// The portal is in the `setup` phase: cases cannot be filed yet.
    pub const CASE_FILING_CLOSED: &str = "urn:support-portal:problem:case-filing-closed";
    /// The case's status does not allow this change (for example closing a closed case).
    pub const TRANSITION_NOT_ALLOWED: &str = "urn:support-portal:problem:transition-not-allowed";
    /// The case was closed more than 14 days ago.
    pub const REOPEN_WINDOW_PASSED: &str = "urn:support-portal:problem:reopen-window-passed";
    /// An urgency change was already requested in the last 24 hours.
    pub const URGENCY_CHANGE_TOO_SOON: &str = "urn:support-portal:problem:urgency-change-too-soon";
    /// An attachment is over the size limit.
    pub const ATTACHMENT_TOO_LARGE: &str = "urn:support-portal:problem:attachment-too-large";
    /// An attachment's type is not on the allow-list.
    pub const ATTACHMENT_TYPE_NOT_ALLOWED: &str =
        "urn:support-portal:problem:attachment-type-not-allowed";
    /// The `Idempotency-Key` already filed a case with a different request (a draft changed
    /// after a submit whose answer was lost); `resource_id` names that case.
    pub const IDEMPOTENCY_KEY_REUSED: &str = "urn:support-portal:problem:idempotency-key-reused";
    /// A user with this email already exists.
    pub const DUPLICATE_USER: &str = "urn:support-portal:problem:duplicate-user";
    /// The change would leave the organisation without an active Support System Administrator.
    pub const LAST_SYSTEM_ADMIN: &str = "urn:support-portal:problem:last-system-admin";
    /// Nobody removes themselves; another administrator must.
    pub const SELF_REMOVAL: &str = "urn:support-portal:problem:self-removal";
    /// The invitation link was already used, has expired, or never existed.
    pub const INVITATION_INVALID: &str = "urn:support-portal:problem:invitation-invalid";
    /// The import file has too many bytes or rows.
    pub const IMPORT_TOO_LARGE: &str = "urn:support-portal:problem:import-too-large";
    /// Chat is not offered for this product now (see `GET /chat/availability` for why).
    pub const CHAT_UNAVAILABLE: &str = "urn:support-portal:problem:chat-unavailable";
    /// The chat has ended: no more messages.
    pub const CHAT_ENDED: &str = "urn:support-portal:problem:chat-ended";
}

/// One invalid field of a request body.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct FieldError {
    /// The JSON field name, as in the request body.
    pub field: String,
    /// A stable machine-readable code, for example `required` or `invalid_email`.
    pub code: String,
    /// A human-readable explanation in English; clients translate by `code`.
    pub message: String,
}

/// An error response (`application/problem+json`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct Problem {
    #[serde(rename = "type")]
    pub type_: String,
    pub title: String,
    pub status: u16,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    /// Field errors, for `validation` problems.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldError>,
    /// Seconds to wait before trying again, for `too-many-attempts` problems.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retry_after: Option<u64>,
    /// For `idempotency-key-reused` problems: the id of what the key already created.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resource_id: Option<String>,
}
