//! `GET /cases`: one page of the organisation's cases, or the caller's own.

use axum::extract::State;
use axum::Json;
use rusqlite::params_from_iter;
use rusqlite::types::Value as SqlValue;
use support_contract::cases::{CaseScope, CaseSort, CaseStatus, CaseSummary, Priority};
use support_contract::{Page, Product};

use super::list_params::{list_params, sort_name};
use crate::auth::{ManageCases, RequireCapability};
use crate::cases::{self as store, CASE_COLUMNS};
use crate::clock;
use crate::extract::ApiQuery;
use crate::problem::ApiError;
use crate::routes::query::encode_cursor;
use crate::routes::responses::{Forbidden, Unauthenticated, Validation};
use crate::state::AppState;

/// The default time range of a list: the last 90 days.
pub const DEFAULT_RANGE_SECS: i64 = 90 * 86_400;

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
        (status = 400, response = Validation),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
    )
)]
pub async fn list_cases(
    State(state): State<AppState>,
    RequireCapability { user, .. }: RequireCapability<ManageCases>,
    ApiQuery(pairs): ApiQuery<Vec<(String, String)>>,
) -> Result<Json<Page<CaseSummary>>, ApiError> {
    let p = list_params(&pairs)?;
    let now = clock::now();
    let mut sql = format!(
        "SELECT {CASE_COLUMNS} FROM cases c JOIN users u ON u.id = c.requester_id \
         WHERE c.organisation_id = ?"
    );
    let mut args: Vec<SqlValue> = vec![user.organisation.id.clone().into()];
    if p.scope == CaseScope::Mine {
        sql.push_str(
            " AND (c.requester_id = ? OR EXISTS (SELECT 1 FROM case_watchers w \
             WHERE w.case_id = c.id AND w.user_id = ?))",
        );
        args.push(user.user.id.clone().into());
        args.push(user.user.id.clone().into());
    }
    let mut any_of = |column: &str, values: Vec<String>, args: &mut Vec<SqlValue>| {
        if !values.is_empty() {
            let marks = vec!["?"; values.len()].join(", ");
            sql.push_str(&format!(" AND {column} IN ({marks})"));
            args.extend(values.into_iter().map(SqlValue::from));
        }
    };
    use crate::model::enum_to_db;
    any_of(
        "c.status",
        p.statuses.iter().map(enum_to_db).collect(),
        &mut args,
    );
    any_of(
        "c.product",
        p.products.iter().map(enum_to_db).collect(),
        &mut args,
    );
    any_of(
        "c.priority",
        p.priorities.iter().map(enum_to_db).collect(),
        &mut args,
    );
    any_of(
        "c.requester_id",
        p.requester.into_iter().collect(),
        &mut args,
    );
    if let Some(q) = p.q.as_deref() {
        match store::fts_query(q) {
            Some(m) => {
                sql.push_str(
                    " AND c.id IN (SELECT case_id FROM case_search WHERE case_search MATCH ?)",
                );
                args.push(m.into());
            }
            // Nothing searchable (only punctuation): nothing matches.
            None => sql.push_str(" AND 0"),
        }
    }
    let (from, to) = match (p.from, p.to) {
        (None, None) => (Some(now - DEFAULT_RANGE_SECS), None),
        other => other,
    };
    if let Some(from) = from {
        sql.push_str(" AND c.created_at >= ?");
        args.push(from.into());
    }
    if let Some(to) = to {
        sql.push_str(" AND c.created_at <= ?");
        args.push(to.into());
    }
    if let Some((_, priority, t, id)) = p.after {
        let keyset = match p.sort {
            CaseSort::UpdatedDesc => " AND (c.updated_at, c.id) < (?, ?)",
            CaseSort::CreatedDesc => " AND (c.created_at, c.id) < (?, ?)",
            CaseSort::CreatedAsc => " AND (c.created_at, c.id) > (?, ?)",
            CaseSort::PriorityAsc => {
                args.push(priority.clone().into());
                args.push(priority.into());
                " AND (c.priority > ? OR (c.priority = ? AND (c.updated_at, c.id) < (?, ?)))"
            }
        };
        sql.push_str(keyset);
        args.push(t.into());
        args.push(id.into());
    }
    sql.push_str(match p.sort {
        CaseSort::UpdatedDesc => " ORDER BY c.updated_at DESC, c.id DESC",
        CaseSort::CreatedDesc => " ORDER BY c.created_at DESC, c.id DESC",
        CaseSort::CreatedAsc => " ORDER BY c.created_at ASC, c.id ASC",
        CaseSort::PriorityAsc => " ORDER BY c.priority ASC, c.updated_at DESC, c.id DESC",
    });
    sql.push_str(" LIMIT ?");
    args.push((p.limit as i64 + 1).into());

    let conn = state.db.conn();
    let mut stmt = conn.prepare_cached(&sql)?;
    let mut rows = stmt
        .query_map(params_from_iter(args), store::case_row)?
        .collect::<Result<Vec<_>, _>>()?;
    let next_cursor = if rows.len() > p.limit as usize {
        rows.truncate(p.limit as usize);
        rows.last().map(|c| {
            let t = match p.sort {
                CaseSort::CreatedDesc | CaseSort::CreatedAsc => c.created_at,
                _ => c.updated_at,
            };
            encode_cursor(&(sort_name(p.sort), enum_to_db(&c.priority), t, c.id.clone()))
        })
    } else {
        None
    };
    let items = rows.iter().map(|c| store::summary(c, now)).collect();
    Ok(Json(Page { items, next_cursor }))
}
