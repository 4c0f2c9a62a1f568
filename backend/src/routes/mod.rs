//! The `/api/v1` handlers, each documented for the OpenAPI document it is routed with.

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
}
