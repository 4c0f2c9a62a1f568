//! `GET /support-users` and `GET /support-users/counts`.

use axum::extract::State;
use axum::Json;
use rusqlite::params_from_iter;
use rusqlite::types::Value as SqlValue;
use serde_json::Value;
use support_contract::users::{SupportUser, SupportUserCounts};
use support_contract::Page;

use super::list_params::{list_params, SortKey};
use super::lookup::cutoff;
use crate::auth::{ManageUsers, RequireCapability};
use crate::extract::ApiQuery;
use crate::model::enum_to_db;
use crate::problem::ApiError;
use crate::routes::query::encode_cursor;
use crate::routes::responses::{Forbidden, Unauthenticated, Validation};
use crate::state::AppState;
use crate::users::{support_user, SUPPORT_USER_COLUMNS, SUPPORT_USER_FROM};
use support_contract::users::{StatusFilter, ValidationFilter};
use support_contract::wire::wire_name;

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
        (status = 400, response = Validation),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
    )
)]
pub async fn support_users(
    State(state): State<AppState>,
    RequireCapability { user: current, .. }: RequireCapability<ManageUsers>,
    ApiQuery(pairs): ApiQuery<Vec<(String, String)>>,
) -> Result<Json<Page<SupportUser>>, ApiError> {
    let p = list_params(&pairs)?;
    let cutoff = cutoff(&state);
    let mut sql = format!(
        "SELECT {SUPPORT_USER_COLUMNS} FROM {SUPPORT_USER_FROM} \
         WHERE u.organisation_id = ? AND u.role IS NOT NULL"
    );
    let mut args: Vec<SqlValue> = vec![current.organisation.id.clone().into()];
    if let Some(q) = &p.q {
        sql.push_str(" AND (instr(fold(u.name), ?) > 0 OR instr(u.email, ?) > 0)");
        args.push(q.clone().into());
        args.push(q.clone().into());
    }
    if let Some(role) = p.role {
        sql.push_str(" AND u.role = ?");
        args.push(enum_to_db(&role).into());
    }
    match p.status {
        None => sql.push_str(" AND u.status != 'removed'"),
        Some(StatusFilter::All) => {}
        // The other filters are named as the statuses they keep.
        Some(s) => {
            sql.push_str(" AND u.status = ?");
            args.push(wire_name(&s).to_string().into());
        }
    }
    if let Some(v) = p.validation {
        sql.push_str(match v {
            ValidationFilter::Pending => " AND u.validation = 'pending'",
            ValidationFilter::Flagged => " AND u.validation = 'flagged'",
            ValidationFilter::Validated => {
                " AND u.validation = 'validated' AND u.validated_at >= ?"
            }
            ValidationFilter::ReviewDue => " AND u.validation = 'validated' AND u.validated_at < ?",
            ValidationFilter::NeedsReview => {
                " AND (u.validation = 'pending' OR (u.validation = 'validated' AND u.validated_at < ?))"
            }
        });
        if !matches!(v, ValidationFilter::Pending | ValidationFilter::Flagged) {
            args.push(cutoff.into());
        }
    }
    let key = p.sort.sql();
    let (cmp, dir) = if p.descending {
        ("<", "DESC")
    } else {
        (">", "ASC")
    };
    if let Some((after_key, after_id)) = p.after {
        sql.push_str(&format!(" AND ({key}, u.id) {cmp} (?, ?)"));
        args.push(match after_key {
            Value::Number(n) => n.as_i64().unwrap_or_default().into(),
            Value::String(s) => s.into(),
            _ => SqlValue::Null,
        });
        args.push(after_id.into());
    }
    sql.push_str(&format!(" ORDER BY {key} {dir}, u.id {dir} LIMIT ?"));
    args.push(i64::from(p.limit + 1).into());

    let conn = state.db.conn();
    let mut stmt = conn.prepare_cached(&sql)?;
    let mut items = stmt
        .query_map(params_from_iter(args), |r| {
            let u = support_user(r, cutoff)?;
            let last_active: Option<i64> = r.get(9)?;
            Ok((u, last_active))
        })?
        .collect::<Result<Vec<_>, _>>()?;
    // One row more than asked tells whether another page exists without a count query.
    let next_cursor = if items.len() > p.limit as usize {
        items.truncate(p.limit as usize);
        items.last().map(|(u, last_active)| {
            let key = match p.sort {
                SortKey::Name => Value::from(u.name.to_lowercase()),
                SortKey::Email => Value::from(u.email.clone()),
                SortKey::Created => Value::from(u.created_at.clone()),
                SortKey::LastActive => Value::from(last_active.unwrap_or(0)),
            };
            encode_cursor(&(&p.sort_name, key, &u.id))
        })
    } else {
        None
    };
    Ok(Json(Page {
        items: items.into_iter().map(|(u, _)| u).collect(),
        next_cursor,
    }))
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
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
    )
)]
pub async fn support_user_counts(
    State(state): State<AppState>,
    RequireCapability { user: current, .. }: RequireCapability<ManageUsers>,
) -> Result<Json<SupportUserCounts>, ApiError> {
    let cutoff = cutoff(&state);
    let conn = state.db.conn();
    let counts = conn.query_row(
        "SELECT \
           coalesce(sum(role = 'support_system_admin'), 0), \
           coalesce(sum(role = 'customer_support_admin'), 0), \
           coalesce(sum(status = 'invited'), 0), \
           coalesce(sum(validation = 'pending' OR (validation = 'validated' AND validated_at < ?2)), 0), \
           coalesce(sum(validation = 'flagged'), 0) \
         FROM users WHERE organisation_id = ?1 AND role IS NOT NULL AND status != 'removed'",
        rusqlite::params![current.organisation.id, cutoff],
        |r| {
            Ok(SupportUserCounts {
                support_system_admins: r.get(0)?,
                customer_support_admins: r.get(1)?,
                invited: r.get(2)?,
                needs_review: r.get(3)?,
                flagged: r.get(4)?,
            })
        },
    )?;
    Ok(Json(counts))
}
