//! `GET /audit-log`: one page of the audit log, newest first.

use axum::extract::State;
use axum::Json;
use support_contract::users::AuditEntry;
use support_contract::Page;

use super::params::{read, AuditFilters};
use crate::auth::{ManageUsers, RequireCapability};
use crate::extract::ApiQuery;
use crate::problem::{valid, ApiError};
use crate::routes::query::{cursor, page};
use crate::routes::responses::InputRefusals;
use crate::state::AppState;
use crate::store::users::audit::{query, Position};

/// Page size when the client does not ask for one.
pub const DEFAULT_AUDIT_LIMIT: u32 = 50;
/// The largest page a client may ask for.
pub const MAX_AUDIT_LIMIT: u32 = 200;

/// The organisation's administrative changes, newest first: who created, imported, removed,
/// reviewed or changed the role of which support user, and who accepted an invitation.
/// Requires `manage_users`.
#[utoipa::path(
    get,
    path = "/audit-log",
    tag = "audit-log",
    security(("session_cookie" = [])),
    params(
        AuditFilters,
        ("limit" = Option<u32>, Query, description = "Page size, 1 to 200 (default 50)", minimum = 1, maximum = 200),
        ("cursor" = Option<String>, Query, description = "`next_cursor` of the previous page"),
    ),
    responses(
        (status = 200, description = "One page of entries", body = Page<AuditEntry>),
        InputRefusals,
    )
)]
pub async fn audit_log(
    State(state): State<AppState>,
    RequireCapability { user: current, .. }: RequireCapability<ManageUsers>,
    ApiQuery(pairs): ApiQuery<Vec<(String, String)>>,
) -> Result<Json<Page<AuditEntry>>, ApiError> {
    let p = read(&pairs, Some((DEFAULT_AUDIT_LIMIT, MAX_AUDIT_LIMIT)));
    let mut errors = p.errors;
    let after = cursor::<Position>(p.cursor.as_deref(), |_| true, &mut errors);
    valid(errors)?;
    let org = &current.organisation.id;
    // One entry more than a page tells whether another page follows.
    let rows = query(&state.db.conn(), org, &p.filter, after, Some(p.limit + 1))?;
    Ok(Json(page(
        rows,
        p.limit,
        |(position, _)| *position,
        |(_, e)| e,
    )))
}
