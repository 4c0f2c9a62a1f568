//! `GET /support-users` and `GET /support-users/counts`.

use axum::extract::State;
use axum::Json;
use support_contract::users::{SupportUser, SupportUserCounts};
use support_contract::Page;

use super::list_params::list_params;
use super::lookup::cutoff;
use crate::auth::{ManageUsers, RequireCapability};
use crate::extract::ApiQuery;
use crate::problem::ApiError;
use crate::routes::query::page;
use crate::routes::responses::{InputRefusals, SignedInRefusals};
use crate::state::AppState;
use crate::store::users as store;

/// The organisation's support users, by name unless sorted otherwise. Removed users are left
/// out unless `status` asks for them. Requires the `manage_users` capability.
#[utoipa::path(
    get,
    path = "/support-users",
    tag = "support-users",
    security(("session_cookie" = [])),
    params(
        ("q" = Option<String>, Query, description = "A part of the name or email, any case (up to 200 characters)"),
        ("role" = Option<support_contract::Role>, Query, description = "Only this role"),
        ("status" = Option<String>, Query, description = "`invited`, `active`, `removed` or `all` (default: all but removed)"),
        ("validation" = Option<String>, Query, description = "`pending`, `validated`, `flagged`, `review_due`, or `needs_review` (pending or review due)"),
        ("sort" = Option<String>, Query, description = "`name` (default), `email`, `created` or `last_active`; a leading `-` sorts descending"),
        ("limit" = Option<u32>, Query, description = "Page size, 1 to 200 (default 50)", minimum = 1, maximum = 200),
        ("cursor" = Option<String>, Query, description = "`next_cursor` of the previous page (with the same sort)"),
    ),
    responses(
        (status = 200, description = "One page of support users", body = Page<SupportUser>),
        InputRefusals,
    )
)]
pub async fn support_users(
    State(state): State<AppState>,
    RequireCapability { user: current, .. }: RequireCapability<ManageUsers>,
    ApiQuery(pairs): ApiQuery<Vec<(String, String)>>,
) -> Result<Json<Page<SupportUser>>, ApiError> {
    let p = list_params(&pairs)?;
    let org = &current.organisation.id;
    // One user more than a page tells whether another page follows.
    let rows = store::list(
        &state.db.conn(),
        org,
        &p.filter,
        p.limit + 1,
        cutoff(&state),
    )?;
    Ok(Json(page(
        rows,
        p.limit,
        |(_, (key, id))| (&p.sort_name, key.clone(), id.clone()),
        |(u, _)| u,
    )))
}

/// How many current (not removed) support users the organisation has: per role, invited,
/// waiting for review (pending or review due) and flagged. Requires `manage_users`.
#[utoipa::path(
    get,
    path = "/support-users/counts",
    tag = "support-users",
    security(("session_cookie" = [])),
    responses(
        (status = 200, description = "The counts", body = SupportUserCounts),
        SignedInRefusals,
    )
)]
pub async fn support_user_counts(
    State(state): State<AppState>,
    RequireCapability { user: current, .. }: RequireCapability<ManageUsers>,
) -> Result<Json<SupportUserCounts>, ApiError> {
    let org = &current.organisation.id;
    Ok(Json(store::counts(&state.db.conn(), org, cutoff(&state))?))
}
