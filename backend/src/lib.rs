//! The Support Portal reference backend: the `/api/v1` contract over SQLite, plus the built app.
//!
//! Three layers, each importing only the ones below it:
//! - `routes/`: one folder or file per resource; a handler extracts (`auth`'s extractors,
//!   `routes::versions::IfMatch`, `extract`), calls the store or a domain module, and responds.
//! - domain modules (`cases`, `chat`, `users`, `attachments`, `help`, `portal`): what more than
//!   one caller does, given plain values (`member::Member`, ids, `chat::actions::Env`), never
//!   the request or the application state.
//! - `store/`: every SQL statement the server runs, one module per area, answering
//!   `store::Result` (the fixtures of `seed/` write their rows directly).
//!
//! Shared by them: `clock` (time), `tokens` (random ids and digests), `db` (the connection and
//! migrations), `problem` (the API's errors), `search` (every full-text `MATCH` expression) and
//! `log` (every line the server logs, so that tests can check it holds no secret). `shutdown`
//! serves the app and stops it gently; `main.rs` only parses, seeds and calls it.
//! A new area gets `store/<area>.rs` for its SQL, `routes/<area>/` for its handlers (listed in
//! `routes::api`), and a domain module only when logic is shared.

pub mod attachments;
pub mod auth;
pub mod business_hours;
pub mod cases;
pub mod chat;
pub mod client;
pub mod clock;
pub mod config;
pub mod console;
pub mod csv;
pub mod db;
pub mod extract;
pub mod handoff;
pub mod help;
pub mod history;
pub mod housekeeping;
pub mod log;
pub mod mail;
pub mod member;
pub mod openapi;
pub mod password;
pub mod portal;
pub mod problem;
pub mod routes;
pub mod search;
pub mod security;
pub mod seed;
pub mod shutdown;
pub mod state;
pub mod static_files;
pub mod store;
pub mod throttle;
pub mod tokens;
pub mod users;

#[cfg(test)]
mod tests;

use std::sync::Arc;

use axum::extract::DefaultBodyLimit;
use axum::middleware::from_fn_with_state;
use axum::Router;

pub use config::Config;
pub use state::AppState;

/// The whole application: API, app files, deep-link fallback, and the security layer on all of it.
pub fn app(state: AppState) -> Router {
    let security = Arc::new(security::Security::new(&state.config));
    let (api, _) = openapi::router().split_for_parts();
    let api = api
        .method_not_allowed_fallback(problem::api_method_not_allowed)
        .route_layer(from_fn_with_state(state.clone(), auth::renew_cookie));
    // The demo console, a host page of the portal's, comes with the demo data.
    let api = match state.config.demo {
        true => api.merge(console::routes()),
        false => api,
    };
    let log_requests = state.config.log_requests;
    let app = api
        .fallback(static_files::serve)
        .layer(DefaultBodyLimit::max(extract::JSON_BODY_MAX))
        .layer(from_fn_with_state(security, security::guard))
        .with_state(state);
    // Outermost, so that the line has the status the client really got.
    match log_requests {
        true => app.layer(axum::middleware::from_fn(log::requests)),
        false => app,
    }
}
