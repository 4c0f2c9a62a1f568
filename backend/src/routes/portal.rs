//! `/portal`: the public portal configuration.

use axum::extract::State;
use axum::Json;
use support_contract::PortalConfig;

use crate::portal::portal_config;
use crate::state::AppState;

/// How the portal is configured: phase, channels per product, phone numbers, business hours and
/// the role table. Public: the sign-in page and the setup banner need it before anyone signs in.
#[utoipa::path(
    get,
    path = "/portal",
    tag = "portal",
    responses((status = 200, description = "The portal configuration", body = PortalConfig))
)]
pub async fn get_portal(State(state): State<AppState>) -> Json<PortalConfig> {
    Json(portal_config(
        state.config.phase,
        state.config.max_attachment_bytes,
    ))
}
