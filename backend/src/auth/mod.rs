//! Sessions and the one place where access is enforced: the [`CurrentUser`] and
//! [`RequireCapability`] extractors. Handlers never check roles themselves.

use std::marker::PhantomData;
use std::sync::{Arc, OnceLock};

use axum::extract::{FromRequestParts, Request, State};
use axum::http::{header, request::Parts, HeaderMap, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;
use rusqlite::Connection;
use sha2::{Digest, Sha256};
use support_contract::{capabilities_of, Capability, Organisation, Session, User};

use crate::clock::ts;
use crate::config::Secret;
use crate::member::Member;
use crate::problem::ApiError;
use crate::state::AppState;
use crate::store;
use crate::store::sessions;

mod lifetime;

pub use lifetime::{
    create_session, delete_session, peek_session, resume, resume_session, Lifetime,
};

/// Name of the session cookie.
pub const COOKIE: &str = "sp_session";

/// The signed-in user of a request: a valid, unexpired session of an active user.
#[derive(Clone, Debug)]
pub struct CurrentUser {
    /// The user.
    pub user: User,
    /// Their organisation; every query a handler makes is scoped to it.
    pub organisation: Organisation,
    /// When the session ends unless used again (Unix seconds); never after its absolute end.
    pub expires_at: i64,
}

impl CurrentUser {
    /// What the user's role allows.
    pub fn capabilities(&self) -> &'static [Capability] {
        capabilities_of(self.user.role)
    }

    /// The session as the contract shows it, with the organisations the person may switch to.
    pub fn session(&self, conn: &Connection) -> store::Result<Session> {
        Ok(Session {
            user: self.user.clone(),
            organisation: self.organisation.clone(),
            capabilities: self.capabilities().to_vec(),
            expires_at: ts(self.expires_at),
            organisations: sessions::organisations_of(conn, &self.user.email)?,
        })
    }

    /// The user as domain code takes them.
    pub fn member(&self) -> Member<'_> {
        Member {
            user: &self.user,
            organisation: &self.organisation,
        }
    }
}

/// The session token from the `Cookie` headers, if any.
pub fn session_token(headers: &HeaderMap) -> Option<String> {
    cookie(headers, COOKIE)
}

/// The value of the request's cookie `wanted`, if it has a non-empty one.
pub fn cookie(headers: &HeaderMap, wanted: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, value)| *name == wanted && !value.is_empty())
        .map(|(_, value)| value.to_string())
}

/// The `Set-Cookie` value that stores a token for `max_age` seconds (0 deletes the cookie).
pub fn session_cookie(token: &str, max_age: i64, secure: bool) -> HeaderValue {
    let secure = if secure { "; Secure" } else { "" };
    HeaderValue::from_str(&format!(
        "{COOKIE}={token}; HttpOnly; SameSite=Lax; Path=/; Max-Age={max_age}{secure}"
    ))
    .expect("tokens are URL-safe base64")
}

/// Where [`CurrentUser`] leaves the token it renewed and the seconds the session has left, for
/// [`renew_cookie`] to re-issue.
#[derive(Clone, Default)]
struct Renewed(Arc<OnceLock<(String, i64)>>);

impl FromRequestParts<AppState> for CurrentUser {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let token = session_token(&parts.headers).ok_or_else(ApiError::unauthenticated)?;
        let lifetime = Lifetime::of(state);
        let current = resume(&state.db, &token, lifetime)?.ok_or_else(ApiError::unauthenticated)?;
        if let Some(renewed) = parts.extensions.get::<Renewed>() {
            let _ = renewed.0.set((token, current.expires_at - lifetime.now));
        }
        Ok(current)
    }
}

/// Re-issues the session cookie when a request renewed the session, so that the browser keeps
/// it as long as the server does (the idle timeout slides on both sides, up to the absolute
/// end of the session).
pub async fn renew_cookie(State(state): State<AppState>, mut req: Request, next: Next) -> Response {
    let renewed = Renewed::default();
    req.extensions_mut().insert(renewed.clone());
    let mut res = next.run(req).await;
    if let Some((token, max_age)) = renewed.0.get() {
        if !res.headers().contains_key(header::SET_COOKIE) {
            res.headers_mut().insert(
                header::SET_COOKIE,
                session_cookie(token, *max_age, state.config.secure_cookies),
            );
        }
    }
    res
}

/// Checks a request's `Authorization: Bearer` against a token of the configuration, for the
/// callers without a session (the agent API, the host): 404 when no token is configured (the
/// API is off), 401 when the request carries another one or none.
pub fn bearer(parts: &Parts, expected: Option<&Secret>) -> Result<(), ApiError> {
    let Some(expected) = expected else {
        return Err(ApiError::not_found());
    };
    let given = parts
        .headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .unwrap_or("");
    // Comparing digests keeps the comparison time independent of the token's prefix.
    if !given.is_empty() && Sha256::digest(given) == Sha256::digest(&expected.0) {
        Ok(())
    } else {
        Err(ApiError::unauthenticated())
    }
}

/// A capability a handler requires, named by a marker type.
pub trait RequiredCapability: Send + Sync {
    /// The capability.
    const CAPABILITY: Capability;
}

/// Marker: the handler requires [`Capability::ManageUsers`].
pub struct ManageUsers;

impl RequiredCapability for ManageUsers {
    const CAPABILITY: Capability = Capability::ManageUsers;
}

/// Marker: the handler requires [`Capability::ReviewUsers`].
pub struct ReviewUsers;

impl RequiredCapability for ReviewUsers {
    const CAPABILITY: Capability = Capability::ReviewUsers;
}

/// Marker: the handler requires [`Capability::ManageCases`].
pub struct ManageCases;

impl RequiredCapability for ManageCases {
    const CAPABILITY: Capability = Capability::ManageCases;
}

/// Marker: the handler requires [`Capability::ViewHistory`].
pub struct ViewHistory;

impl RequiredCapability for ViewHistory {
    const CAPABILITY: Capability = Capability::ViewHistory;
}

/// Marker: the handler requires [`Capability::Chat`].
pub struct Chat;

impl RequiredCapability for Chat {
    const CAPABILITY: Capability = Capability::Chat;
}

/// The signed-in user, provided their role grants `C`: 401 when signed out, 403 otherwise.
pub struct RequireCapability<C: RequiredCapability> {
    /// The user, known to hold the capability.
    pub user: CurrentUser,
    capability: PhantomData<C>,
}

impl<C: RequiredCapability> FromRequestParts<AppState> for RequireCapability<C> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let current = CurrentUser::from_request_parts(parts, state).await?;
        if current.capabilities().contains(&C::CAPABILITY) {
            Ok(RequireCapability {
                user: current,
                capability: PhantomData,
            })
        } else {
            Err(ApiError::forbidden())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_session_cookie_is_found_among_others() {
        let mut h = HeaderMap::new();
        h.insert(
            header::COOKIE,
            HeaderValue::from_static("theme=dark; sp_session=abc_-1; x=y"),
        );
        assert_eq!(session_token(&h).as_deref(), Some("abc_-1"));
        h.insert(header::COOKIE, HeaderValue::from_static("sp_session="));
        assert_eq!(session_token(&h), None);
    }

    #[test]
    fn the_cookie_is_http_only_and_same_site() {
        let c = session_cookie("tok", 60, true);
        assert_eq!(
            c,
            "sp_session=tok; HttpOnly; SameSite=Lax; Path=/; Max-Age=60; Secure"
        );
    }
}
