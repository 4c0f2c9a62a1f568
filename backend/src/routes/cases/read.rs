//! Reading a case, its thread, and the people who may watch it.

use axum::extract::{Path, State};
use axum::Json;
use serde::Deserialize;
use support_contract::cases::{Case, Person, ThreadEntry};

use crate::auth::{ManageCases, RequireCapability};
use crate::cases;
use crate::clock;
use crate::extract::ApiQuery;
use crate::problem::ApiError;
use crate::routes::query::after_seq;
use crate::routes::responses::{ItemInputRefusals, ItemRefusals, SignedInRefusals};
use crate::routes::versions::Versioned;
use crate::state::AppState;
use crate::store::{cases as store, people};

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
        ItemRefusals,
    )
)]
pub async fn get_case(
    State(state): State<AppState>,
    RequireCapability { user, .. }: RequireCapability<ManageCases>,
    Path(id): Path<String>,
) -> Result<Versioned<Case>, ApiError> {
    let org = &user.organisation.id;
    let case = cases::view(&state.db.read(), &id, Some(org), clock::now())?;
    Ok(Versioned(case))
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
        ItemInputRefusals,
    )
)]
pub async fn get_thread(
    State(state): State<AppState>,
    RequireCapability { user, .. }: RequireCapability<ManageCases>,
    Path(id): Path<String>,
    ApiQuery(query): ApiQuery<ThreadQuery>,
) -> Result<Json<Vec<ThreadEntry>>, ApiError> {
    let after = after_seq(
        query.after.as_deref(),
        "Use the seq of the last entry you have.",
    )?;
    let conn = state.db.read();
    let c = store::load(&conn, &id, Some(&user.organisation.id))?;
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
        SignedInRefusals,
    )
)]
pub async fn organisation_members(
    State(state): State<AppState>,
    RequireCapability { user, .. }: RequireCapability<ManageCases>,
) -> Result<Json<Vec<Person>>, ApiError> {
    let conn = state.db.read();
    Ok(Json(people::members(&conn, &user.organisation.id)?))
}
