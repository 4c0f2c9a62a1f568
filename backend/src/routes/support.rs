//! `/support-contacts` and `/support-users`: the organisation's support people.

use axum::extract::State;
use axum::Json;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use rusqlite::params;
use serde::Deserialize;
use support_contract::{Page, SupportContact, SupportUser};

use crate::auth::{CurrentUser, ManageUsers, RequireCapability};
use crate::extract::ApiQuery;
use crate::model::enum_from_db;
use crate::problem::{field, ApiError};
use crate::routes::responses::{Forbidden, Unauthenticated, Validation};
use crate::state::AppState;

/// Page size when the client does not ask for one.
pub const DEFAULT_LIMIT: u32 = 50;
/// The largest page a client may ask for.
pub const MAX_LIMIT: u32 = 200;

/// Whom to ask for support access: the organisation's active support administrators, system
/// administrators first. Open to every signed-in user, members included.
#[utoipa::path(
    get,
    path = "/support-contacts",
    tag = "support-users",
    security(("session_cookie" = [])),
    responses(
        (status = 200, description = "The organisation's support administrators", body = Vec<SupportContact>),
        (status = 401, response = Unauthenticated),
    )
)]
pub async fn support_contacts(
    State(state): State<AppState>,
    current: CurrentUser,
) -> Result<Json<Vec<SupportContact>>, ApiError> {
    let conn = state.db.conn();
    let mut stmt = conn.prepare_cached(
        "SELECT name, email, role FROM users \
         WHERE organisation_id = ?1 AND role IS NOT NULL AND status = 'active' \
         ORDER BY CASE role WHEN 'support_system_admin' THEN 0 ELSE 1 END, name, id",
    )?;
    let contacts = stmt
        .query_map([&current.organisation.id], |r| {
            Ok(SupportContact {
                name: r.get(0)?,
                email: r.get(1)?,
                role: enum_from_db(&r.get::<_, String>(2)?)?,
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Json(contacts))
}

/// Paging parameters, read as text so that bad values become field errors.
#[derive(Deserialize)]
pub struct PageQuery {
    limit: Option<String>,
    cursor: Option<String>,
}

/// The organisation's support users, by name. Requires the `manage_users` capability.
#[utoipa::path(
    get,
    path = "/support-users",
    tag = "support-users",
    security(("session_cookie" = [])),
    params(
        ("limit" = Option<u32>, Query, description = "Page size, 1 to 200 (default 50)", minimum = 1, maximum = 200),
        ("cursor" = Option<String>, Query, description = "`next_cursor` of the previous page"),
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
    ApiQuery(query): ApiQuery<PageQuery>,
) -> Result<Json<Page<SupportUser>>, ApiError> {
    let mut errors = Vec::new();
    let limit = match query.limit.as_deref().map(str::parse::<u32>) {
        None => DEFAULT_LIMIT,
        Some(Ok(n)) if (1..=MAX_LIMIT).contains(&n) => n,
        Some(_) => {
            errors.push(field(
                "limit",
                "invalid_limit",
                "Use a whole number from 1 to 200.",
            ));
            DEFAULT_LIMIT
        }
    };
    let after = match query
        .cursor
        .as_deref()
        .filter(|c| !c.is_empty())
        .map(decode_cursor)
    {
        None => None,
        Some(Some(after)) => Some(after),
        Some(None) => {
            errors.push(field(
                "cursor",
                "invalid_cursor",
                "Start again from the first page.",
            ));
            None
        }
    };
    if !errors.is_empty() {
        return Err(ApiError::validation(errors));
    }
    // Empty strings sort before every name, so "no cursor" is "after ('', '')".
    let (after_name, after_id) = after.unwrap_or_default();

    let conn = state.db.conn();
    let mut stmt = conn.prepare_cached(
        "SELECT id, email, name, role, status, source, created_at FROM users \
         WHERE organisation_id = ?1 AND role IS NOT NULL AND (name, id) > (?2, ?3) \
         ORDER BY name, id LIMIT ?4",
    )?;
    let mut items = stmt
        .query_map(
            params![current.organisation.id, after_name, after_id, limit + 1],
            |r| {
                Ok(SupportUser {
                    id: r.get(0)?,
                    email: r.get(1)?,
                    name: r.get(2)?,
                    role: enum_from_db(&r.get::<_, String>(3)?)?,
                    status: enum_from_db(&r.get::<_, String>(4)?)?,
                    source: enum_from_db(&r.get::<_, String>(5)?)?,
                    created_at: r.get(6)?,
                })
            },
        )?
        .collect::<Result<Vec<_>, _>>()?;
    // One row more than asked tells whether another page exists without a count query.
    let next_cursor = if items.len() > limit as usize {
        items.truncate(limit as usize);
        items.last().map(|u| encode_cursor(&u.name, &u.id))
    } else {
        None
    };
    Ok(Json(Page { items, next_cursor }))
}

/// An opaque cursor: the sort key of the last item of the page.
fn encode_cursor(name: &str, id: &str) -> String {
    URL_SAFE_NO_PAD.encode(serde_json::to_vec(&(name, id)).unwrap_or_default())
}

fn decode_cursor(cursor: &str) -> Option<(String, String)> {
    let bytes = URL_SAFE_NO_PAD.decode(cursor).ok()?;
    serde_json::from_slice(&bytes).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursors_round_trip_and_garbage_is_refused() {
        let c = encode_cursor("Casey Lee", "usr_1");
        assert_eq!(
            decode_cursor(&c),
            Some(("Casey Lee".into(), "usr_1".into()))
        );
        assert_eq!(decode_cursor("not a cursor"), None);
        assert_eq!(decode_cursor(&URL_SAFE_NO_PAD.encode("[1,2]")), None);
    }
}
