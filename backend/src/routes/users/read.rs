//! `GET /support-users/{id}` and its review record.

use axum::extract::{Path, State};
use axum::Json;
use support_contract::users::{ReviewRecord, SupportUser};

use super::lookup::cutoff;
use crate::auth::{ManageUsers, RequireCapability, ReviewUsers};
use crate::problem::ApiError;
use crate::routes::responses::ItemRefusals;
use crate::routes::versions::Versioned;
use crate::state::AppState;
use crate::store::users::{self as store, reviews};

/// A support user of the organisation, removed ones included. Its `ETag` is its version, for
/// `If-Match` on a role change or removal. Requires `manage_users`.
#[utoipa::path(
    get,
    path = "/support-users/{id}",
    tag = "support-users",
    security(("session_cookie" = [])),
    params(("id" = String, Path, description = "User id")),
    responses(
        (status = 200, description = "The support user", body = SupportUser,
            headers(("ETag" = String, description = "The user's version, for If-Match"))),
        ItemRefusals,
    )
)]
pub async fn get_support_user(
    State(state): State<AppState>,
    RequireCapability { user: current, .. }: RequireCapability<ManageUsers>,
    Path(id): Path<String>,
) -> Result<Versioned<SupportUser>, ApiError> {
    let org = &current.organisation.id;
    let u = store::load(&state.db.conn(), org, &id, cutoff(&state))?;
    Ok(Versioned(u))
}

/// Every review decision about a support user, newest first: who validated or flagged them,
/// when, and why. Requires `review_users`.
#[utoipa::path(
    get,
    path = "/support-users/{id}/reviews",
    tag = "support-users",
    security(("session_cookie" = [])),
    params(("id" = String, Path, description = "User id")),
    responses(
        (status = 200, description = "Review decisions, newest first", body = Vec<ReviewRecord>),
        ItemRefusals,
    )
)]
pub async fn support_user_reviews(
    State(state): State<AppState>,
    RequireCapability { user: current, .. }: RequireCapability<ReviewUsers>,
    Path(id): Path<String>,
) -> Result<Json<Vec<ReviewRecord>>, ApiError> {
    let conn = state.db.conn();
    let u = store::load(&conn, &current.organisation.id, &id, cutoff(&state))?;
    Ok(Json(reviews::list(&conn, &u.id)?))
}
