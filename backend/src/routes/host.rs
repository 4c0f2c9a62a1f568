//! `/host`: what a host (the vendor's admin console, from its server) asks of the portal.
//! Authenticated by a bearer token from the configuration (`--host-token`); without one
//! configured, every host path is "not found".

use axum::extract::{FromRequestParts, State};
use axum::http::{request::Parts, StatusCode};
use axum::Json;
use serde::Deserialize;
use support_contract::{FieldCode, Handoff, HostHandoffRequest};

use crate::auth::bearer;
use crate::extract::ApiJson;
use crate::problem::{field, ApiError};
use crate::routes::responses::{NotFound, TooManyHandoffs, Unauthenticated, Validation};
use crate::state::AppState;
use crate::store::sessions;

/// A request carrying the configured host token.
pub struct Host;

impl FromRequestParts<AppState> for Host {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        bearer(parts, state.config.host_token.as_ref()).map(|()| Host)
    }
}

/// The hand-off body as received: the email optional so that a missing one is reported as a
/// field error (`required`) rather than as unreadable JSON.
#[derive(Deserialize)]
pub struct HostHandoffForm {
    #[serde(default)]
    email: Option<String>,
    #[serde(default)]
    organisation: Option<String>,
}

/// Mint a hand-off token for a user the host has signed in, for the portal to exchange for a
/// session (`POST /session/handoff`) without a password.
///
/// The token works once, for `expires_in` seconds (`--handoff-seconds`); only its digest is
/// kept. Pass it to the portal in a message or a request body, never in a URL. An email that
/// names no active user is "not found", saying no more.
///
/// For a person in several organisations, `organisation` (an id) chooses the account the token
/// signs in to ("not found" when the person has no active account there); without it, the
/// organisation they used last, else the first by name, as a sign-in with a password.
#[utoipa::path(
    post,
    path = "/host/handoff",
    tag = "host",
    security(("host_token" = [])),
    request_body = HostHandoffRequest,
    responses(
        (status = 201, description = "A single-use hand-off token", body = Handoff),
        (status = 400, response = Validation),
        (status = 401, response = Unauthenticated),
        (status = 404, response = NotFound),
        (status = 429, response = TooManyHandoffs),
    )
)]
pub async fn host_handoff(
    State(state): State<AppState>,
    _host: Host,
    ApiJson(form): ApiJson<HostHandoffForm>,
) -> Result<(StatusCode, Json<Handoff>), ApiError> {
    let email = form.email.unwrap_or_default().trim().to_lowercase();
    if email.is_empty() {
        return Err(ApiError::validation(vec![field(
            "email",
            FieldCode::Required,
            "Name the user by their email address.",
        )]));
    }
    let organisation = form.organisation.as_deref().map(str::trim);
    let user_id = {
        let conn = state.db.conn();
        match organisation.filter(|o| !o.is_empty()) {
            Some(org) => sessions::active_user_in(&conn, &email, org)?,
            None => sessions::active_user_id(&conn, &email)?,
        }
    }
    .ok_or_else(ApiError::not_found)?;
    let token = state
        .mint_handoff(&user_id)
        .map_err(ApiError::too_many_handoffs)?;
    let expires_in = state.config.handoff_seconds;
    Ok((StatusCode::CREATED, Json(Handoff { token, expires_in })))
}
