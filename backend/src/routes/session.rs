//! `/session`: sign in (with a password, or with a host's hand-off token), who am I, switch
//! organisation, sign out.

use axum::extract::State;
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Deserialize;
use support_contract::users::{EMAIL_MAX, PASSWORD_MAX};
use support_contract::FieldCode;
use support_contract::{HandoffRequest, OrganisationSwitch, Session, SignInRequest};

use crate::auth::{
    create_session, delete_session, resume_session, session_cookie, session_token, CurrentUser,
    Lifetime,
};
use crate::client::ClientAddress;
use crate::extract::ApiJson;
use crate::password;
use crate::problem::{field, valid, ApiError};
use crate::routes::fields::token_length;
use crate::routes::responses::{
    InvalidCredentials, InvalidHandoff, NotFound, TooManyAttempts, Unauthenticated, Validation,
};
use crate::state::AppState;
use crate::store::sessions;
use crate::tokens::token_hash;

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
/// A person who belongs to several organisations has one password for all of them, and is
/// signed in to the organisation they used last (signed in to or switched to), else to the
/// first by name; the session's `organisations` lists the others
/// (`PUT /session/organisation`).
///
/// On success the session token is set as an `HttpOnly` cookie (`sp_session`); it never
/// appears in a body. An email over 254 bytes or a password over 256 characters is refused
/// (`too_long`) before anything is looked up. After repeated failures for one email, sign-in to
/// it is refused for a while (`too-many-attempts`, with `Retry-After`) from the client
/// addresses that failed, even with the right password; from an address without failures the
/// right password still signs in. After many failures from one address, whatever the emails,
/// its sign-ins are refused for a while too.
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
    ClientAddress(client): ClientAddress,
    ApiJson(form): ApiJson<SignInForm>,
) -> Result<Response, ApiError> {
    let (email, password) = sign_in_fields(form)?;
    state
        .throttle
        .check(&email, client)
        .map_err(ApiError::too_many_attempts)?;

    let account = sessions::credentials(&state.db.read(), &email)?;
    let (user_id, stored) = match account {
        Some((id, hash)) => (Some(id), hash),
        None => (None, None),
    };
    // Argon2 takes tens of milliseconds of CPU: off the async workers, a core's worth at once.
    let verified =
        password::off_the_workers(move || password::verify(&password, stored.as_deref()))
            .await
            .ok_or_else(ApiError::server)?;
    let Some(user_id) = user_id.filter(|_| verified) else {
        state.throttle.fail(&email, client);
        return Err(ApiError::invalid_credentials());
    };
    state.throttle.succeed(&email);
    signed_in(&state, &user_id)?.ok_or_else(ApiError::server)
}

/// The lowercased email and the password of a sign-in, or the validation problem. The lengths
/// are checked first: an email becomes a key of the throttle's table, and a password is hashed,
/// so neither may be of any size a stranger likes (no account has longer ones).
fn sign_in_fields(form: SignInForm) -> Result<(String, String), ApiError> {
    let email = form.email.unwrap_or_default();
    let email = email.trim();
    let password = form.password.unwrap_or_default();
    let mut errors = Vec::new();
    if email.is_empty() {
        errors.push(field(
            "email",
            FieldCode::Required,
            "Enter your email address.",
        ));
    } else if email.len() > EMAIL_MAX {
        errors.push(field(
            "email",
            FieldCode::TooLong,
            &format!("Use at most {EMAIL_MAX} characters."),
        ));
    }
    if password.is_empty() {
        errors.push(field(
            "password",
            FieldCode::Required,
            "Enter your password.",
        ));
    } else if password.chars().count() > PASSWORD_MAX {
        errors.push(field(
            "password",
            FieldCode::TooLong,
            &format!("Use at most {PASSWORD_MAX} characters."),
        ));
    }
    valid(errors)?;
    Ok((email.to_lowercase(), password))
}

/// Opens a session for a user and answers as every way of signing in does: the `Session` body,
/// and its token in the `sp_session` cookie. `None` when the user is not (or no longer) active.
/// The user's organisation becomes the one the person used last, for their next sign-in.
fn signed_in(state: &AppState, user_id: &str) -> Result<Option<Response>, ApiError> {
    let lifetime = Lifetime::of(state);
    let opened = state.db.transaction(|tx| -> Result<_, ApiError> {
        let token = create_session(tx, user_id, lifetime)?;
        let Some(current) = resume_session(tx, &token, lifetime)? else {
            delete_session(tx, &token)?;
            return Ok(None);
        };
        sessions::remember_organisation(tx, &current.user.email, &current.organisation.id)?;
        let max_age = current.expires_at - lifetime.now;
        Ok(Some((current.session(tx)?, token, max_age)))
    })?;
    Ok(opened.map(|(session, token, max_age)| {
        let cookie = session_cookie(&token, max_age, state.config.secure_cookies);
        ([(header::SET_COOKIE, cookie)], Json(session)).into_response()
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
/// unknown, used or expired one is refused alike (`invalid-handoff`), one over 128 characters
/// as invalid (`token`: `too_long`). It travels only in this body, never in a URL.
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
    token_length(&token)?;
    let user_id = state
        .handoffs
        .redeem(&token)
        .ok_or_else(ApiError::invalid_handoff)?;
    // A user removed since the mint no longer signs in.
    signed_in(&state, &user_id)?.ok_or_else(ApiError::invalid_handoff)
}

/// The current session: the user, their organisation and their capabilities.
///
/// Each authenticated request renews the session's idle timeout (`--session-ttl-minutes`), but
/// never past its absolute end: a session ends `--session-max-hours` after sign-in however much
/// it is used (switching organisation does not restart it), and then answers 401 like any
/// ended session.
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
pub async fn get_session(
    State(state): State<AppState>,
    current: CurrentUser,
) -> Result<Json<Session>, ApiError> {
    Ok(Json(current.session(&state.db.read())?))
}

/// The switch body as received: the organisation optional so that a missing one is reported as
/// a field error (`required`) rather than as unreadable JSON.
#[derive(Deserialize)]
pub struct SwitchForm {
    #[serde(default)]
    organisation: Option<String>,
}

/// Move the session to another of the person's organisations: one of the session's
/// `organisations`, by id.
///
/// The session continues as the person's account in that organisation (its role, capabilities
/// and data); the cookie and its token stay. Clients reload every view, since everything they
/// showed was the other organisation's; the chat streams of the previous account close. An
/// organisation in which the person has no active account is "not found", saying no more.
#[utoipa::path(
    put,
    path = "/session/organisation",
    tag = "session",
    security(("session_cookie" = [])),
    request_body = OrganisationSwitch,
    responses(
        (status = 200, description = "The session in that organisation", body = Session),
        (status = 400, response = Validation),
        (status = 401, response = Unauthenticated),
        (status = 404, response = NotFound),
    )
)]
pub async fn switch_organisation(
    State(state): State<AppState>,
    current: CurrentUser,
    headers: HeaderMap,
    ApiJson(form): ApiJson<SwitchForm>,
) -> Result<Json<Session>, ApiError> {
    let organisation = form.organisation.unwrap_or_default().trim().to_string();
    if organisation.is_empty() {
        return Err(ApiError::validation(vec![field(
            "organisation",
            FieldCode::Required,
            "Choose an organisation.",
        )]));
    }
    // The extractor found the session by this token.
    let token = session_token(&headers).ok_or_else(ApiError::unauthenticated)?;
    let lifetime = Lifetime::of(&state);
    let email = &current.user.email;
    let session = state.db.transaction(|tx| -> Result<_, ApiError> {
        let user_id =
            sessions::active_user_in(tx, email, &organisation)?.ok_or_else(ApiError::not_found)?;
        sessions::move_to(tx, &token_hash(&token), &user_id)?;
        sessions::remember_organisation(tx, email, &organisation)?;
        let moved = resume_session(tx, &token, lifetime)?.ok_or_else(ApiError::unauthenticated)?;
        Ok(moved.session(tx)?)
    })?;
    // Open chat streams belong to the previous account: they check again and close.
    state.chat_hub.access_changed();
    Ok(Json(session))
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
