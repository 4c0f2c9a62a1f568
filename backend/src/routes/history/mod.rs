//! `/history`: the organisation's cases, chats and callback requests as one timeline, its
//! summary and its CSV export. Both support roles see it (`view_history`); a member does not.

mod export;
mod params;

// A glob re-export: `routes!` needs the handler's hidden `__path_*` companion beside it.
pub use export::*;

use axum::extract::State;
use axum::Json;
use support_contract::history::{HistorySort, HistorySummary, Interaction};
use support_contract::Page;

use crate::auth::{RequireCapability, ViewHistory};
use crate::clock;
use crate::extract::ApiQuery;
use crate::history;
use crate::problem::{valid, ApiError};
use crate::routes::query::page;
use crate::routes::responses::InputRefusals;
use crate::state::AppState;
use crate::store::history as store;
use params::{cursor_of, read, HistoryFilters, PAGE};

/// One page of the organisation's interactions, newest first unless sorted otherwise.
///
/// `kind`, `product` and `priority` may repeat or hold comma-separated values (only cases have
/// a priority). `from` and `to` bound the opening time (a date or an RFC 3339 time); without
/// either, the last 12 months.
#[utoipa::path(
    get,
    path = "/history",
    tag = "history",
    security(("session_cookie" = [])),
    params(
        HistoryFilters,
        ("sort" = Option<HistorySort>, Query, description = "Order (default opened_desc); not yet closed ones come last when sorting by closing"),
        ("limit" = Option<u32>, Query, description = "Page size, 1 to 100 (default 25)", minimum = 1, maximum = 100),
        ("cursor" = Option<String>, Query, description = "`next_cursor` of the previous page"),
    ),
    responses(
        (status = 200, description = "One page of interactions", body = Page<Interaction>),
        InputRefusals,
    )
)]
pub async fn list_history(
    State(state): State<AppState>,
    RequireCapability { user, .. }: RequireCapability<ViewHistory>,
    ApiQuery(pairs): ApiQuery<Vec<(String, String)>>,
) -> Result<Json<Page<Interaction>>, ApiError> {
    let now = clock::now();
    let (filter, limit, errors) = read(&pairs, PAGE, now);
    valid(errors)?;
    // One interaction more than a page tells whether another page follows.
    let rows = store::list(&state.db.conn(), &user.organisation.id, &filter, limit + 1)?;
    let sort = filter.sort;
    Ok(Json(page(
        rows,
        limit,
        |row| cursor_of(sort, store::key_of(row)),
        |row| history::interaction(row, now),
    )))
}

/// The filtered set at a glance: how many are open, awaiting the customer and closed; the
/// median first response per case priority against its target; and the counts per month
/// (UTC) and product that the history's chart draws. Same filters as `GET /history`.
#[utoipa::path(
    get,
    path = "/history/summary",
    tag = "history",
    security(("session_cookie" = [])),
    params(
        HistoryFilters,
    ),
    responses(
        (status = 200, description = "The summary", body = HistorySummary),
        InputRefusals,
    )
)]
pub async fn history_summary(
    State(state): State<AppState>,
    RequireCapability { user, .. }: RequireCapability<ViewHistory>,
    ApiQuery(pairs): ApiQuery<Vec<(String, String)>>,
) -> Result<Json<HistorySummary>, ApiError> {
    let (filter, _, errors) = read(&pairs, None, clock::now());
    valid(errors)?;
    let org = &user.organisation.id;
    let conn = state.db.conn();
    Ok(Json(history::summary(
        store::standings(&conn, org, &filter)?,
        store::first_responses(&conn, org, &filter)?,
        store::per_month(&conn, org, &filter)?,
        user.organisation.plan,
    )))
}
