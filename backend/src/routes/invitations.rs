//! `/invitations`: the set-password page of an invited support user. Public (the invitee has
//! no session yet); the token travels in request bodies only, never in a URL a server logs.

use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use serde::Deserialize;
use support_contract::users::{
    password_problem, AcceptInvitation, AuditAction, AuditPerson, Invitation, InvitationToken,
    UserSnapshot, UserStatus,
};
use support_contract::{problem_types as types, FieldCode};

use crate::clock::{self, ts};
use crate::extract::ApiJson;
use crate::password;
use crate::problem::{field, ApiError};
use crate::routes::fields::token_length;
use crate::routes::responses::InvitationRefusals;
use crate::state::AppState;
use crate::store::users::audit::{self, Change};
use crate::store::users::{self as store, invitations};

/// 410, the same for unknown, used and expired tokens: the answer tells nothing about which.
fn invalid() -> ApiError {
    ApiError::problem(
        types::INVITATION_INVALID,
        StatusCode::GONE,
        "This invitation link no longer works",
        "It was already used, has expired, or was replaced; ask your administrator for a new one.",
    )
}

/// A token as received: absent or malformed is simply invalid.
#[derive(Deserialize)]
pub struct TokenForm {
    #[serde(default)]
    token: Option<String>,
}

/// The invitation and its user, or 410.
fn invitation(state: &AppState, token: &str) -> Result<(String, Invitation), ApiError> {
    let conn = state.db.conn();
    let (user_id, expires_at) =
        invitations::find(&conn, token, clock::now())?.ok_or_else(invalid)?;
    let (email, name, organisation, role) = store::invitee(&conn, &user_id)?;
    Ok((
        user_id,
        Invitation {
            email,
            name,
            organisation,
            role,
            expires_at: ts(expires_at),
        },
    ))
}

/// What an invitation is for: the invitee's email, name, organisation and role, and when the
/// link expires. Unknown, used and expired links are all
/// `urn:support-portal:problem:invitation-invalid` (410); a token over 128 characters is
/// refused as invalid (`token`: `too_long`).
#[utoipa::path(
    post,
    path = "/invitations/inspect",
    tag = "invitations",
    request_body = InvitationToken,
    responses(
        (status = 200, description = "The invitation", body = Invitation),
        InvitationRefusals,
    )
)]
pub async fn inspect_invitation(
    State(state): State<AppState>,
    ApiJson(form): ApiJson<TokenForm>,
) -> Result<Json<Invitation>, ApiError> {
    let token = form.token.unwrap_or_default();
    token_length(token.trim())?;
    let (_, found) = invitation(&state, token.trim())?;
    Ok(Json(found))
}

/// Accept an invitation by choosing a password: the account becomes active and the link stops
/// working. The password needs 12 to 256 characters and must not be the email (`password`:
/// `too_short`, `too_long`, `same_as_email`); a token over 128 characters is refused as invalid
/// (`token`: `too_long`). Then sign in as usual.
///
/// The password is the person's, in every organisation where they have one: it changes there
/// too, and every session they have open (in any organisation) ends, their open chats with it.
#[utoipa::path(
    post,
    path = "/invitations/accept",
    tag = "invitations",
    request_body = AcceptInvitation,
    responses(
        (status = 204, description = "Password set; the account is active"),
        InvitationRefusals,
    )
)]
pub async fn accept_invitation(
    State(state): State<AppState>,
    ApiJson(form): ApiJson<AcceptForm>,
) -> Result<StatusCode, ApiError> {
    let token = form.token.unwrap_or_default().trim().to_string();
    token_length(&token)?;
    let (user_id, found) = invitation(&state, &token)?;
    let password = form.password.unwrap_or_default();
    if let Some(code) = password_problem(&password, &found.email) {
        let message = match code {
            FieldCode::TooShort => "Use at least 12 characters.",
            FieldCode::TooLong => "Use at most 256 characters.",
            _ => "Choose a password that is not your email address.",
        };
        return Err(ApiError::validation(vec![field("password", code, message)]));
    }
    // Argon2 takes tens of milliseconds of CPU: off the async workers, a core's worth at once.
    let hash = password::off_the_workers(move || password::hash(&password))
        .await
        .ok_or_else(ApiError::server)?;
    let now = clock::now();
    state.db.transaction(|tx| -> Result<(), ApiError> {
        // Checked again inside the transaction: two tabs accepting at once set one password.
        if invitations::find(tx, &token, now)?.is_none() {
            return Err(invalid());
        }
        invitations::mark_used(tx, &token, now)?;
        let org = store::activate(tx, &user_id, &hash)?;
        let me = AuditPerson {
            id: user_id,
            name: found.name,
            email: found.email,
        };
        let status = |s| UserSnapshot {
            status: Some(s),
            ..UserSnapshot::default()
        };
        audit::record(
            tx,
            &Change {
                organisation_id: &org,
                at: now,
                actor: Some(&me),
                action: AuditAction::InvitationAccepted,
                target: &me,
                before: Some(status(UserStatus::Invited)),
                after: Some(status(UserStatus::Active)),
                rows: None,
            },
        )?;
        Ok(())
    })?;
    // The person's sessions ended with the old password: their chat streams close now.
    state.chat_hub.access_changed();
    Ok(StatusCode::NO_CONTENT)
}

/// `AcceptInvitation` as received.
#[derive(Deserialize)]
pub struct AcceptForm {
    #[serde(default)]
    token: Option<String>,
    #[serde(default)]
    password: Option<String>,
}
