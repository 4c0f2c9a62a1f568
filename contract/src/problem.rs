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
    /// The user already holds the most uploads not yet attached to a case or a chat message
    /// (files or bytes): attach them, or wait until the unattached ones expire.
    pub const UPLOAD_QUOTA_EXCEEDED: &str = "urn:support-portal:problem:upload-quota-exceeded";
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
    /// The hand-off token is unknown, was already used, or has expired (the same answer for all
    /// three).
    pub const INVALID_HANDOFF: &str = "urn:support-portal:problem:invalid-handoff";
    /// The import file has too many bytes or rows.
    pub const IMPORT_TOO_LARGE: &str = "urn:support-portal:problem:import-too-large";
    /// Chat is not offered for this product now (see `GET /chat/availability` for why).
    pub const CHAT_UNAVAILABLE: &str = "urn:support-portal:problem:chat-unavailable";
    /// The chat has ended: no more messages.
    pub const CHAT_ENDED: &str = "urn:support-portal:problem:chat-ended";
    /// The server cannot take traffic now (`GET /readyz`): it is stopping, or its database does
    /// not answer.
    pub const UNAVAILABLE: &str = "urn:support-portal:problem:unavailable";
}

/// Why a field was refused: a stable code that clients translate. A code a newer backend adds
/// decodes to `Unknown`, which clients show as a generic "not valid".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum FieldCode {
    /// Missing or blank.
    Required,
    /// Longer than the field allows.
    TooLong,
    /// Shorter than the field allows (a password).
    TooShort,
    /// More items than the field allows.
    TooMany,
    /// Not one of the values the field accepts.
    InvalidValue,
    InvalidEmail,
    InvalidPhone,
    /// Not an IANA time zone.
    InvalidTimeZone,
    /// Not a date or an RFC 3339 time.
    InvalidTime,
    InvalidLocale,
    /// Not an http(s) address.
    InvalidUrl,
    /// A file name that cannot be stored.
    InvalidName,
    /// A page size out of range.
    InvalidLimit,
    /// A paging cursor this list did not make (or made for another sort).
    InvalidCursor,
    /// A CSV file whose header is not the expected one.
    InvalidHeader,
    /// An unusable `Content-Type` or JSON type.
    InvalidType,
    /// A rating out of range.
    InvalidScore,
    /// A client-chosen id in the wrong format.
    InvalidId,
    /// An `If-Match` header that is not a version.
    InvalidEtag,
    /// A password equal to the email address.
    SameAsEmail,
    UnknownRole,
    /// A user id that is not one of the organisation's support users.
    UnknownUser,
    /// An attachment id that does not exist or is not the caller's.
    UnknownAttachment,
    /// A file that is not UTF-8 text.
    NotUtf8,
    /// Someone who is not a member of the organisation.
    NotAMember,
    /// Not allowed in the resource's current state.
    NotAllowed,
    /// Not offered (for example a call outside business hours).
    NotAvailable,
    /// A time in the past where a future one is needed.
    MustBeFuture,
    /// A scheduled time is needed here.
    ScheduledRequired,
    /// Only "as soon as possible" is possible here.
    ImmediateRequired,
    /// The same as the current value: nothing would change.
    Unchanged,
    #[serde(other)]
    Unknown,
}

/// One invalid field of a request body.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct FieldError {
    /// The JSON field name, as in the request body.
    pub field: String,
    /// A stable machine-readable code, for example `required` or `invalid_email`.
    pub code: FieldCode,
    /// A human-readable explanation in English; clients translate by `code`.
    pub message: String,
}

impl FieldError {
    /// A refusal of `field` for `code`, explained in English by `message`.
    pub fn new(field: &str, code: FieldCode, message: &str) -> FieldError {
        FieldError {
            field: field.into(),
            code,
            message: message.into(),
        }
    }
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
