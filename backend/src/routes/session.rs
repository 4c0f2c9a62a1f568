//! `/session`: sign in (with a password, or with a host's hand-off token), who am I, sign out.

use axum::extract::State;
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Deserialize;
use support_contract::FieldCode;
use support_contract::{HandoffRequest, Session, SignInRequest};

use crate::auth::{
    create_session, delete_session, resume_session, session_cookie, session_token, CurrentUser,
};
use crate::extract::ApiJson;
use crate::password;
use crate::problem::{field, ApiError};
use crate::routes::responses::{
    InvalidCredentials, InvalidHandoff, TooManyAttempts, Unauthenticated, Validation,
};
use crate::state::AppState;
use crate::store::sessions;

/// The sign-in body as received: both fields optional so that a missing one is reported as a
/// field error (`required`) rather than as unreadable JSON.
#[derive(Deserialize)]
pub struct SignInForm {
    #[serde(default)]
    email: Option<String>,
    #[serde(default)]
    password: Option<String>,
}

/// Sign in with email and password.
///
/// On success the session token is set as an `HttpOnly` cookie (`sp_session`); it never
/// appears in a body. After repeated failures for one email, sign-in is refused for a while
/// (`too-many-attempts`, with `Retry-After`), even with the right password.
#[utoipa::path(
    post,
    path = "/session",
    tag = "session",
    request_body = SignInRequest,
    responses(
        (status = 200, description = "Signed in", body = Session,
            headers(("Set-Cookie" = String, description = "`sp_session=…; HttpOnly; SameSite=Lax; Path=/; Max-Age=…`"))),
        (status = 400, response = Validation),
        (status = 401, response = InvalidCredentials),
        (status = 429, response = TooManyAttempts),
    )
)]
pub async fn sign_in(
    State(state): State<AppState>,
    ApiJson(form): ApiJson<SignInForm>,
) -> Result<Response, ApiError> {
    let email = form.email.unwrap_or_default().trim().to_lowercase();
    let password = form.password.unwrap_or_default();
    let mut errors = Vec::new();
    if email.is_empty() {
        errors.push(field(
            "email",
            FieldCode::Required,
            "Enter your email address.",
        ));
    }
    if password.is_empty() {
        errors.push(field(
            "password",
            FieldCode::Required,
            "Enter your password.",
        ));
    }
    if !errors.is_empty() {
        return Err(ApiError::validation(errors));
    }
    state
        .throttle
        .check(&email)
        .map_err(ApiError::too_many_attempts)?;

    let account = sessions::credentials(&state.db.conn(), &email)?;
    let (user_id, stored) = match account {
        Some((id, hash)) => (Some(id), hash),
        None => (None, None),
    };
    // Argon2 takes tens of milliseconds of CPU: keep it off the async workers.
    let verified =
        tokio::task::spawn_blocking(move || password::verify(&password, stored.as_deref()))
            .await
            .map_err(|_| ApiError::server())?;
    let Some(user_id) = user_id.filter(|_| verified) else {
        state.throttle.fail(&email);
        return Err(ApiError::invalid_credentials());
    };
    state.throttle.succeed(&email);
    signed_in(&state, &user_id)?.ok_or_else(ApiError::server)
}

/// Opens a session for a user and answers as every way of signing in does: the `Session` body,
/// and its token in the `sp_session` cookie. `None` when the user is not (or no longer) active.
fn signed_in(state: &AppState, user_id: &str) -> Result<Option<Response>, ApiError> {
    let ttl = state.config.session_ttl.as_secs() as i64;
    let current = {
        let conn = state.db.conn();
        let token = create_session(&conn, user_id, ttl)?;
        match resume_session(&conn, &token, ttl)? {
            Some(current) => Some((current, token)),
            None => {
                delete_session(&conn, &token)?;
                None
            }
        }
    };
    Ok(current.map(|(current, token)| {
        let cookie = session_cookie(&token, ttl, state.config.secure_cookies);
        ([(header::SET_COOKIE, cookie)], Json(current.session())).into_response()
    }))
}

/// The hand-off body as received: the token optional so that a missing one is reported as a
/// field error (`required`) rather than as unreadable JSON.
#[derive(Deserialize)]
pub struct HandoffForm {
    #[serde(default)]
    token: Option<String>,
}

/// Sign in with a hand-off token that a host minted for its signed-in user
/// (`POST /host/handoff`).
///
/// Answers exactly as a successful `POST /session` does: the session, and its token as the
/// `sp_session` cookie. A hand-off token works once, within the seconds its mint announced; an
/// unknown, used or expired one is refused alike (`invalid-handoff`). It travels only in this
/// body, never in a URL.
#[utoipa::path(
    post,
    path = "/session/handoff",
    tag = "session",
    request_body = HandoffRequest,
    responses(
        (status = 200, description = "Signed in", body = Session,
            headers(("Set-Cookie" = String, description = "`sp_session=…; HttpOnly; SameSite=Lax; Path=/; Max-Age=…`"))),
        (status = 400, response = Validation),
        (status = 401, response = InvalidHandoff),
    )
)]
pub async fn handoff_session(
    State(state): State<AppState>,
    ApiJson(form): ApiJson<HandoffForm>,
) -> Result<Response, ApiError> {
    let token = form.token.unwrap_or_default();
    if token.is_empty() {
        return Err(ApiError::validation(vec![field(
            "token",
            FieldCode::Required,
            "Send the hand-off token.",
        )]));
    }
    let user_id = state
        .handoffs
        .redeem(&token)
        .ok_or_else(ApiError::invalid_handoff)?;
    // A user removed since the mint no longer signs in.
    signed_in(&state, &user_id)?.ok_or_else(ApiError::invalid_handoff)
}

/// The current session: the user, their organisation and their capabilities.
///
/// Each authenticated request renews the session's idle timeout.
#[utoipa::path(
    get,
    path = "/session",
    tag = "session",
    security(("session_cookie" = [])),
    responses(
        (status = 200, description = "Signed in", body = Session),
        (status = 401, response = Unauthenticated),
    )
)]
pub async fn get_session(current: CurrentUser) -> Json<Session> {
    Json(current.session())
}

/// Sign out: ends the session and clears the cookie. Succeeds when already signed out.
#[utoipa::path(
    delete,
    path = "/session",
    tag = "session",
    responses(
        (status = 204, description = "Signed out; the cookie is cleared",
            headers(("Set-Cookie" = String, description = "`sp_session=; …; Max-Age=0`"))),
    )
)]
pub async fn sign_out(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    if let Some(token) = session_token(&headers) {
        delete_session(&state.db.conn(), &token)?;
        state.chat_hub.access_changed();
    }
    let cookie = session_cookie("", 0, state.config.secure_cookies);
    Ok((StatusCode::NO_CONTENT, [(header::SET_COOKIE, cookie)]).into_response())
}
