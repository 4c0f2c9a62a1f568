//! Reading a case, its thread, and the people who may watch it.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::Json;
use serde::Deserialize;
use support_contract::cases::{Case, Person, ThreadEntry};
use support_contract::FieldCode;

use super::headers::case_response;
use super::lookup::own_case;
use crate::auth::{ManageCases, RequireCapability};
use crate::cases as store;
use crate::clock;
use crate::extract::ApiQuery;
use crate::problem::{field, ApiError};
use crate::routes::responses::{Forbidden, NotFound, Unauthenticated, Validation};
use crate::state::AppState;

/// A case in full, with the actions the caller may take. Its `ETag` is its version.
#[utoipa::path(
    get,
    path = "/cases/{id}",
    tag = "cases",
    security(("session_cookie" = [])),
    params(("id" = String, Path, description = "Case id")),
    responses(
        (status = 200, description = "The case", body = Case,
            headers(("ETag" = String, description = "The case's version, for If-Match"))),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
    )
)]
pub async fn get_case(
    State(state): State<AppState>,
    RequireCapability { user, .. }: RequireCapability<ManageCases>,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let conn = state.db.conn();
    let c = own_case(&conn, &user, &id)?;
    let case = store::full(&conn, &c, clock::now())?;
    Ok(case_response(StatusCode::OK, case))
}

/// `after` of the thread.
#[derive(Deserialize)]
pub struct ThreadQuery {
    after: Option<String>,
}

/// A case's thread (comments, status changes, attachments, requests) in order; with `after`,
/// only the entries after that `seq` (for polling).
#[utoipa::path(
    get,
    path = "/cases/{id}/thread",
    tag = "cases",
    security(("session_cookie" = [])),
    params(
        ("id" = String, Path, description = "Case id"),
        ("after" = Option<i64>, Query, description = "Only entries with a greater `seq`"),
    ),
    responses(
        (status = 200, description = "Thread entries by seq", body = Vec<ThreadEntry>),
        (status = 400, response = Validation),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
    )
)]
pub async fn get_thread(
    State(state): State<AppState>,
    RequireCapability { user, .. }: RequireCapability<ManageCases>,
    Path(id): Path<String>,
    ApiQuery(query): ApiQuery<ThreadQuery>,
) -> Result<Json<Vec<ThreadEntry>>, ApiError> {
    let after = match query.after.as_deref().filter(|a| !a.is_empty()) {
        None => 0,
        Some(a) => a.parse::<i64>().ok().filter(|a| *a >= 0).ok_or_else(|| {
            ApiError::validation(vec![field(
                "after",
                FieldCode::InvalidValue,
                "Use the seq of the last entry you have.",
            )])
        })?,
    };
    let conn = state.db.conn();
    let c = own_case(&conn, &user, &id)?;
    Ok(Json(store::thread(&conn, &c.id, after)?))
}

/// The active people of the caller's organisation, for choosing watchers.
#[utoipa::path(
    get,
    path = "/organisation/members",
    tag = "cases",
    security(("session_cookie" = [])),
    responses(
        (status = 200, description = "Active members, by name", body = Vec<Person>),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
    )
)]
pub async fn organisation_members(
    State(state): State<AppState>,
    RequireCapability { user, .. }: RequireCapability<ManageCases>,
) -> Result<Json<Vec<Person>>, ApiError> {
    let conn = state.db.conn();
    let mut stmt = conn.prepare_cached(
        "SELECT id, name FROM users WHERE organisation_id = ?1 AND status = 'active' ORDER BY name, id",
    )?;
    let people = stmt
        .query_map([&user.organisation.id], |r| {
            Ok(Person {
                id: r.get(0)?,
                name: r.get(1)?,
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Json(people))
}
