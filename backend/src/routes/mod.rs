//! The `/api/v1` handlers, each documented for the OpenAPI document it is routed with.
//!
//! Each handler's `#[utoipa::path]` block is its own entry in the published contract
//! (`contract/openapi.json`), so the blocks look alike by design: method, path, tag, security,
//! parameters with their descriptions, and its own success response. A duplicate finder pairs
//! them; what they really share is named once (`responses.rs` for the problem responses,
//! `versions.rs` for `If-Match` and the `ETag`, `query.rs` for paging).

pub mod agent;
pub mod attachments;
pub mod audit;
pub mod callbacks;
pub mod cases;
pub mod chat;
pub mod fields;
pub mod health;
pub mod help;
pub mod history;
pub mod home;
pub mod host;
pub mod invitations;
pub mod learning;
pub mod portal;
pub mod profile;
pub mod query;
pub mod responses;
pub mod session;
pub mod support;
pub mod users;
pub mod versions;

use axum::http::{header, HeaderName, HeaderValue};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::state::AppState;

/// Every `/api/v1` route. `routes!` registers a handler together with its `#[utoipa::path]`, so
/// a route cannot exist without its documentation.
pub fn api() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(
            session::sign_in,
            session::get_session,
            session::sign_out
        ))
        .routes(routes!(session::handoff_session))
        .routes(routes!(session::switch_organisation))
        .routes(routes!(host::host_handoff))
        .routes(routes!(profile::update_profile))
        .routes(routes!(portal::get_portal))
        .routes(routes!(support::support_contacts))
        .routes(routes!(users::support_users, users::create_support_user))
        .routes(routes!(users::support_user_counts))
        .routes(routes!(users::get_support_user, users::remove_support_user))
        .routes(routes!(users::support_user_reviews))
        .routes(routes!(users::change_role))
        .routes(routes!(users::review_support_users))
        .routes(routes!(users::import_support_users))
        .routes(routes!(audit::audit_log))
        .routes(routes!(audit::export_audit_log))
        .routes(routes!(invitations::inspect_invitation))
        .routes(routes!(invitations::accept_invitation))
        .routes(routes!(cases::create_case, cases::list_cases))
        .routes(routes!(cases::get_case))
        .routes(routes!(cases::get_thread))
        .routes(routes!(cases::add_comment))
        .routes(routes!(cases::close_case))
        .routes(routes!(cases::reopen_case))
        .routes(routes!(cases::change_urgency))
        .routes(routes!(cases::request_call))
        .routes(routes!(cases::organisation_members))
        .routes(routes!(cases::similar_cases))
        .routes(routes!(cases::follow_case))
        .routes(routes!(help::help_suggestions))
        .routes(routes!(history::list_history))
        .routes(routes!(history::history_summary))
        .routes(routes!(history::export_history))
        .routes(routes!(help::search_articles))
        .routes(routes!(help::get_article))
        .routes(routes!(help::vote_on_article))
        .routes(routes!(help::forum_threads))
        .routes(routes!(attachments::upload_attachment))
        .routes(routes!(attachments::download_attachment))
        .routes(routes!(chat::chat_availability))
        .routes(routes!(chat::start_chat, chat::list_chats))
        .routes(routes!(chat::get_chat))
        .routes(routes!(chat::chat_messages, chat::send_chat_message))
        .routes(routes!(chat::chat_typing))
        .routes(routes!(chat::end_chat))
        .routes(routes!(chat::rate_chat))
        .routes(routes!(chat::chat_transcript))
        .routes(routes!(chat::continue_as_case))
        .routes(routes!(chat::chat_stream))
        .routes(routes!(
            callbacks::request_callback,
            callbacks::list_callbacks
        ))
        .routes(routes!(home::home_summary))
        .routes(routes!(home::announcements))
        .routes(routes!(learning::learning))
        .routes(routes!(
            learning::mark_learning_done,
            learning::mark_learning_not_done
        ))
}

/// The `/agent/v1` routes: the vendor's side of cases, chats and callback requests, behind the
/// agent token.
pub fn agent() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(agent::agent_comment))
        .routes(routes!(agent::agent_status))
        .routes(routes!(agent::agent_engineer))
        .routes(routes!(chat::agent_chats))
        .routes(routes!(chat::agent_accept_chat))
        .routes(routes!(chat::agent_chat_messages, chat::agent_chat_message))
        .routes(routes!(
            chat::agent_chat_typing,
            chat::agent_customer_typing
        ))
        .routes(routes!(chat::agent_end_chat))
        .routes(routes!(callbacks::agent_callbacks))
        .routes(routes!(callbacks::agent_callback_done))
        .routes(routes!(help::agent_write_article))
        .routes(routes!(home::agent_announce))
}

/// The `Location` of a resource created under `/api/v1/{collection}`.
pub fn location(collection: &str, id: &str) -> [(HeaderName, HeaderValue); 1] {
    let url = format!("/api/v1/{collection}/{id}");
    [(
        header::LOCATION,
        HeaderValue::from_str(&url).expect("ids are URL-safe"),
    )]
}
