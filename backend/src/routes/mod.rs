//! The `/api/v1` handlers, each documented for the OpenAPI document it is routed with.

pub mod agent;
pub mod attachments;
pub mod cases;
pub mod help;
pub mod portal;
pub mod profile;
pub mod responses;
pub mod session;
pub mod support;

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
        .routes(routes!(profile::update_profile))
        .routes(routes!(portal::get_portal))
        .routes(routes!(support::support_contacts))
        .routes(routes!(support::support_users))
        .routes(routes!(cases::create_case, cases::list_cases))
        .routes(routes!(cases::get_case))
        .routes(routes!(cases::get_thread))
        .routes(routes!(cases::add_comment))
        .routes(routes!(cases::close_case))
        .routes(routes!(cases::reopen_case))
        .routes(routes!(cases::change_urgency))
        .routes(routes!(cases::request_call))
        .routes(routes!(cases::organisation_members))
        .routes(routes!(help::help_suggestions))
        .routes(routes!(attachments::upload_attachment))
        .routes(routes!(attachments::download_attachment))
}

/// The `/agent/v1` routes: the vendor's side, behind the agent token.
pub fn agent() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(agent::agent_comment))
        .routes(routes!(agent::agent_status))
        .routes(routes!(agent::agent_engineer))
}
