//! `GET /cases`: one page of the organisation's cases, or the caller's own.

use axum::extract::State;
use axum::Json;
use support_contract::cases::{CaseScope, CaseSort, CaseStatus, CaseSummary, Priority};
use support_contract::{Page, Product};

use super::list_params::{cursor_of, list_params};
use crate::auth::{ManageCases, RequireCapability};
use crate::cases;
use crate::clock;
use crate::extract::ApiQuery;
use crate::problem::ApiError;
use crate::routes::query::page;
use crate::routes::responses::InputRefusals;
use crate::state::AppState;
use crate::store::cases::{self as store, key_of};

/// The cases of the organisation, or the caller's own (filed or watched).
///
/// `status`, `product` and `priority` may repeat or hold comma-separated values. `q` searches
/// number, title, description and comments (every word, as a prefix). `from` and `to` bound
/// the filing time (a date or an RFC 3339 time); without either, the last 90 days.
#[utoipa::path(
    get,
    path = "/cases",
    tag = "cases",
    security(("session_cookie" = [])),
    params(
        ("scope" = Option<CaseScope>, Query, description = "mine (filed or watched; default) or organisation"),
        ("status" = Option<Vec<CaseStatus>>, Query, description = "Statuses, repeated or comma-separated"),
        ("product" = Option<Vec<Product>>, Query, description = "Products, repeated or comma-separated"),
        ("priority" = Option<Vec<Priority>>, Query, description = "Priorities, repeated or comma-separated"),
        ("requester" = Option<String>, Query, description = "User id of the requester"),
        ("q" = Option<String>, Query, description = "Full-text search, up to 200 characters"),
        ("sort" = Option<CaseSort>, Query, description = "Order (default updated_desc)"),
        ("from" = Option<String>, Query, description = "Filed at or after (date or RFC 3339)"),
        ("to" = Option<String>, Query, description = "Filed at or before (date or RFC 3339)"),
        ("limit" = Option<u32>, Query, description = "Page size, 1 to 100 (default 25)", minimum = 1, maximum = 100),
        ("cursor" = Option<String>, Query, description = "`next_cursor` of the previous page"),
    ),
    responses(
        (status = 200, description = "One page of cases", body = Page<CaseSummary>),
        InputRefusals,
    )
)]
pub async fn list_cases(
    State(state): State<AppState>,
    RequireCapability { user, .. }: RequireCapability<ManageCases>,
    ApiQuery(pairs): ApiQuery<Vec<(String, String)>>,
) -> Result<Json<Page<CaseSummary>>, ApiError> {
    let now = clock::now();
    let (filter, limit) = list_params(&pairs, now)?;
    let (org, me) = (&user.organisation.id, &user.user.id);
    // One case more than a page tells whether another page follows.
    let rows = store::list(&state.db.read(), org, me, &filter, limit + 1)?;
    let sort = filter.sort;
    Ok(Json(page(
        rows,
        limit,
        |c| cursor_of(sort, key_of(c, sort)),
        |c| cases::summary(&c, now),
    )))
}
