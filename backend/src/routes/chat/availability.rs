//! `GET /chat/availability`: whether the user can chat about each product now.

use axum::extract::State;
use axum::Json;
use support_contract::chat::ChatAvailability;

use crate::auth::{Chat, CurrentUser, RequireCapability};
use crate::chat::availability::{self, Rules};
use crate::clock;
use crate::portal::portal_config;
use crate::routes::responses::SignedInRefusals;
use crate::state::AppState;

/// Availability of chat for every product at `now`, for this user's organisation.
pub(crate) fn for_user(state: &AppState, user: &CurrentUser, now: i64) -> Vec<ChatAvailability> {
    let config = portal_config(state.config.phase, state.config.max_attachment_bytes);
    let rules = Rules {
        phase: state.config.phase,
        hours: state.config.chat_hours,
        region: user.organisation.region,
        channels: &config.products,
    };
    availability::all(rules, now)
}

/// Whether chat is offered now, for each product: not in the `setup` phase
/// (`setup_phase`), only for products whose channels include chat (`not_offered_for_product`;
/// by default Analytics only), and only within the business hours of the organisation's region
/// (`outside_business_hours`, with `opens_at`: when it opens next).
#[utoipa::path(
    get,
    path = "/chat/availability",
    tag = "chat",
    security(("session_cookie" = [])),
    responses(
        (status = 200, description = "One entry per product", body = Vec<ChatAvailability>),
        SignedInRefusals,
    )
)]
pub async fn chat_availability(
    State(state): State<AppState>,
    RequireCapability { user, .. }: RequireCapability<Chat>,
) -> Json<Vec<ChatAvailability>> {
    Json(for_user(&state, &user, clock::now()))
}
