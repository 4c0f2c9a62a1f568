//! The problem responses the OpenAPI document names, one per problem type a path can return,
//! and the groups of them that many paths share.

use std::collections::BTreeMap;

use support_contract::Problem;
use utoipa::openapi::{Ref, RefOr, Response};
use utoipa::{IntoResponses, ToResponse};

/// Missing or invalid fields (`urn:support-portal:problem:validation`), with field errors.
#[derive(ToResponse)]
#[response(content_type = "application/problem+json")]
pub struct Validation(#[allow(dead_code)] Problem);

/// No valid session (`urn:support-portal:problem:unauthenticated`).
#[derive(ToResponse)]
#[response(content_type = "application/problem+json")]
pub struct Unauthenticated(#[allow(dead_code)] Problem);

/// Wrong email or password, or an account that cannot sign in
/// (`urn:support-portal:problem:invalid-credentials`).
#[derive(ToResponse)]
#[response(content_type = "application/problem+json")]
pub struct InvalidCredentials(#[allow(dead_code)] Problem);

/// Too many failed sign-ins for this email from this address, or from this address for any
/// email (`urn:support-portal:problem:too-many-attempts`);
/// `retry_after` and the `Retry-After` header say how many seconds to wait.
#[derive(ToResponse)]
#[response(
    content_type = "application/problem+json",
    headers(("Retry-After" = u64, description = "Seconds to wait before trying again"))
)]
pub struct TooManyAttempts(#[allow(dead_code)] Problem);

/// The hand-off token is unknown, was already used, or has expired
/// (`urn:support-portal:problem:invalid-handoff`, the same answer for all three).
#[derive(ToResponse)]
#[response(content_type = "application/problem+json")]
pub struct InvalidHandoff(#[allow(dead_code)] Problem);

/// Too many hand-off tokens wait to be used (`urn:support-portal:problem:too-many-attempts`);
/// `retry_after` and the `Retry-After` header say when the oldest expires.
#[derive(ToResponse)]
#[response(
    content_type = "application/problem+json",
    headers(("Retry-After" = u64, description = "Seconds to wait before trying again"))
)]
pub struct TooManyHandoffs(#[allow(dead_code)] Problem);

/// The role does not grant this (`urn:support-portal:problem:forbidden`), or a state-changing
/// request came from a foreign origin (`urn:support-portal:problem:cross-origin`).
#[derive(ToResponse)]
#[response(content_type = "application/problem+json")]
pub struct Forbidden(#[allow(dead_code)] Problem);

/// No such resource (`urn:support-portal:problem:not-found`).
#[derive(ToResponse)]
#[response(content_type = "application/problem+json")]
pub struct NotFound(#[allow(dead_code)] Problem);

/// The request conflicts with the resource's state: `urn:support-portal:problem:idempotency-key-reused`
/// (an idempotency key reused with another body; `resource_id` names the case it filed),
/// `transition-not-allowed` (a case whose status does not allow this) or `reopen-window-passed`.
#[derive(ToResponse)]
#[response(content_type = "application/problem+json")]
pub struct Conflict(#[allow(dead_code)] Problem);

/// The `If-Match` version is stale (`urn:support-portal:problem:precondition-failed`).
#[derive(ToResponse)]
#[response(content_type = "application/problem+json")]
pub struct PreconditionFailed(#[allow(dead_code)] Problem);

/// The edit needs `If-Match` (`urn:support-portal:problem:precondition-failed`, status 428).
#[derive(ToResponse)]
#[response(content_type = "application/problem+json")]
pub struct PreconditionRequired(#[allow(dead_code)] Problem);

/// An urgency change was already requested in the last 24 hours
/// (`urn:support-portal:problem:urgency-change-too-soon`); `retry_after` says when it is possible.
#[derive(ToResponse)]
#[response(
    content_type = "application/problem+json",
    headers(("Retry-After" = u64, description = "Seconds to wait before trying again"))
)]
pub struct UrgencyChangeTooSoon(#[allow(dead_code)] Problem);

/// The attachment is over the size limit (`urn:support-portal:problem:attachment-too-large`).
#[derive(ToResponse)]
#[response(content_type = "application/problem+json")]
pub struct AttachmentTooLarge(#[allow(dead_code)] Problem);

/// The attachment's type is not allowed
/// (`urn:support-portal:problem:attachment-type-not-allowed`).
#[derive(ToResponse)]
#[response(content_type = "application/problem+json")]
pub struct AttachmentTypeNotAllowed(#[allow(dead_code)] Problem);

/// The user already holds the most uploads not attached yet
/// (`urn:support-portal:problem:upload-quota-exceeded`).
#[derive(ToResponse)]
#[response(content_type = "application/problem+json")]
pub struct UploadQuotaExceeded(#[allow(dead_code)] Problem);

/// The change conflicts with the organisation's support users:
/// `urn:support-portal:problem:duplicate-user` (the email is taken), `last-system-admin` (the
/// organisation would be left without an active Support System Administrator), `self-removal`,
/// or `conflict` (the user was removed).
#[derive(ToResponse)]
#[response(content_type = "application/problem+json")]
pub struct UserConflict(#[allow(dead_code)] Problem);

/// The invitation link was already used, has expired, or never existed
/// (`urn:support-portal:problem:invitation-invalid`, the same answer for all three).
#[derive(ToResponse)]
#[response(content_type = "application/problem+json")]
pub struct InvitationInvalid(#[allow(dead_code)] Problem);

/// The import file is over 1 MiB or 1000 rows (`urn:support-portal:problem:import-too-large`).
#[derive(ToResponse)]
#[response(content_type = "application/problem+json")]
pub struct ImportTooLarge(#[allow(dead_code)] Problem);

/// Chat is not offered for this product now (`urn:support-portal:problem:chat-unavailable`);
/// the detail says why (`GET /chat/availability` says it as data).
#[derive(ToResponse)]
#[response(content_type = "application/problem+json")]
pub struct ChatUnavailable(#[allow(dead_code)] Problem);

/// The message conflicts with the chat: `urn:support-portal:problem:chat-ended` (the chat has
/// ended) or `conflict` (the message id is already used by another message).
#[derive(ToResponse)]
#[response(content_type = "application/problem+json")]
pub struct ChatConflict(#[allow(dead_code)] Problem);

/// The request is not a WebSocket handshake (`urn:support-portal:problem:validation`, status 426).
#[derive(ToResponse)]
#[response(content_type = "application/problem+json")]
pub struct UpgradeRequired(#[allow(dead_code)] Problem);

/// The reusable response `R` by reference (`#/components/responses/<R>`), as a
/// `(status = …, response = R)` tuple of `#[utoipa::path]` writes it.
fn problem<'r, R: ToResponse<'r>>() -> RefOr<Response> {
    RefOr::Ref(Ref::from_response_name(R::response().0))
}

/// A group of problem responses for `responses(...)` of `#[utoipa::path]`: the statuses of the
/// groups it names first, then each `status => Response` in its brackets.
macro_rules! refusals {
    ($(#[$meta:meta])* $name:ident = $first:ident $(+ $group:ident)*) => {
        refusals! { $(#[$meta])* $name = $first + $($group +)* [] }
    };
    ($(#[$meta:meta])* $name:ident = $($group:ident +)* [$($status:literal => $response:ident),* $(,)?]) => {
        $(#[$meta])*
        pub struct $name;

        impl IntoResponses for $name {
            fn responses() -> BTreeMap<String, RefOr<Response>> {
                let mut responses = BTreeMap::new();
                $(responses.extend(<$group as IntoResponses>::responses());)*
                $(responses.insert($status.to_string(), problem::<$response>());)*
                responses
            }
        }
    };
}

refusals! {
    /// Met by every signed-in request whose role is checked: no session (401), or a role that does
    /// not grant it or a foreign origin (403).
    SignedInRefusals = [401 => Unauthenticated, 403 => Forbidden]
}

refusals! {
    /// Met by signed-in requests with a query or body to check, on no one resource: the
    /// [`SignedInRefusals`] and invalid fields (400).
    InputRefusals = SignedInRefusals + [400 => Validation]
}

refusals! {
    /// Met by signed-in requests for one resource named in the path: the [`SignedInRefusals`] and
    /// no such resource (404).
    ItemRefusals = SignedInRefusals + [404 => NotFound]
}

refusals! {
    /// Met by signed-in requests for one resource with a query or body to check: the
    /// [`ItemRefusals`] and invalid fields (400).
    ItemInputRefusals = ItemRefusals + [400 => Validation]
}

refusals! {
    /// Met by signed-in changes to one case or chat that its state may refuse: the
    /// [`ItemInputRefusals`] and [`Conflict`] (409).
    ItemChangeRefusals = ItemInputRefusals + [409 => Conflict]
}

refusals! {
    /// Met by edits guarded by `If-Match`: a stale version (412) or none (428).
    VersionRefusals = [412 => PreconditionFailed, 428 => PreconditionRequired]
}

refusals! {
    /// Met by signed-in edits of a case guarded by `If-Match` (close, reopen, urgency): the
    /// [`ItemChangeRefusals`] and the [`VersionRefusals`].
    EditRefusals = ItemChangeRefusals + VersionRefusals
}

refusals! {
    /// Met by the public invitation requests (inspect, accept): invalid fields (400), or a link
    /// that was used, has expired or never existed (410).
    InvitationRefusals = [400 => Validation, 410 => InvitationInvalid]
}

refusals! {
    /// Met by every agent request (`/agent/v1`): no or a wrong bearer token (401), and no such
    /// case, chat or callback request, or no agent token configured at all (404).
    AgentRefusals = [401 => Unauthenticated, 404 => NotFound]
}

refusals! {
    /// Met by agent requests with a query or body to check: the [`AgentRefusals`] and invalid
    /// fields (400).
    AgentInputRefusals = AgentRefusals + [400 => Validation]
}

refusals! {
    /// Met by agent changes that the case's or chat's state may refuse: the
    /// [`AgentInputRefusals`] and [`Conflict`] (409).
    AgentChangeRefusals = AgentInputRefusals + [409 => Conflict]
}
