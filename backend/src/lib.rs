//! The Support Portal reference backend: the `/api/v1` contract over SQLite, plus the built app.

pub mod attachments;
pub mod auth;
pub mod business_hours;
pub mod cases;
pub mod chat;
pub mod clock;
pub mod config;
pub mod csv;
pub mod db;
pub mod extract;
pub mod help;
pub mod housekeeping;
pub mod mail;
pub mod member;
pub mod openapi;
pub mod password;
pub mod portal;
pub mod problem;
pub mod routes;
pub mod security;
pub mod seed;
pub mod state;
pub mod static_files;
pub mod store;
pub mod throttle;
pub mod tokens;
pub mod users;

#[cfg(test)]
mod tests;

use std::sync::Arc;

use axum::middleware::from_fn_with_state;
use axum::Router;

pub use config::Config;
pub use state::AppState;

/// The whole application: API, app files, deep-link fallback, and the security layer on all of it.
pub fn app(state: AppState) -> Router {
    let security = Arc::new(security::Security::new(&state.config));
    let (api, _) = openapi::router().split_for_parts();
    api.method_not_allowed_fallback(problem::api_method_not_allowed)
        .route_layer(from_fn_with_state(state.clone(), auth::renew_cookie))
        .fallback(static_files::serve)
        .layer(from_fn_with_state(security, security::guard))
        .with_state(state)
}
