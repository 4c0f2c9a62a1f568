//! `/session`: sign in, who am I, sign out.

use axum::extract::State;
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Deserialize;
use support_contract::FieldCode;
use support_contract::{Session, SignInRequest};

use crate::auth::{
    create_session, delete_session, resume_session, session_cookie, session_token, CurrentUser,
};
use crate::extract::ApiJson;
use crate::password;
use crate::problem::{field, ApiError};
use crate::routes::responses::{InvalidCredentials, TooManyAttempts, Unauthenticated, Validation};
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

    let ttl = state.config.session_ttl.as_secs() as i64;
    let current = {
        let conn = state.db.conn();
        let token = create_session(&conn, &user_id, ttl)?;
        resume_session(&conn, &token, ttl)?.map(|c| (c, token))
    };
    let (current, token) = current.ok_or_else(ApiError::server)?;
    let cookie = session_cookie(&token, ttl, state.config.secure_cookies);
    Ok(([(header::SET_COOKIE, cookie)], Json(current.session())).into_response())
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
