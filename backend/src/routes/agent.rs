//! `/agent/v1`: the vendor's side of cases, for tests and the demo. Authenticated by a bearer
//! token from the configuration (`--agent-token`); without one the whole API is "not found".
//! Agents see the cases of every organisation. Their entries carry no author (agents have no
//! user account here) and `from_support: true`.

use axum::extract::{FromRequestParts, Path, State};
use axum::http::{header, request::Parts, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use rusqlite::params;
use serde::Deserialize;
use sha2::{Digest, Sha256};
use support_contract::cases::{
    transition_allowed, Actor, Case, CaseStatus, ThreadEntry, ThreadEvent,
};
use support_contract::problem_types as types;
use support_contract::FieldCode;
use utoipa::ToSchema;

use crate::cases as store;
use crate::clock;
use crate::extract::ApiJson;
use crate::problem::{field, ApiError};
use crate::routes::responses::{Conflict, NotFound, Unauthenticated, Validation};
use crate::state::AppState;

/// A request carrying the configured agent token.
pub struct Agent;

impl FromRequestParts<AppState> for Agent {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let Some(expected) = &state.config.agent_token else {
            return Err(ApiError::not_found());
        };
        let given = parts
            .headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .unwrap_or("");
        // Comparing digests keeps the comparison time independent of the token's prefix.
        if !given.is_empty() && Sha256::digest(given) == Sha256::digest(&expected.0) {
            Ok(Agent)
        } else {
            Err(ApiError::unauthenticated())
        }
    }
}

/// An agent's reply.
#[derive(Deserialize, ToSchema)]
pub struct AgentComment {
    /// Plain text, 1 to 20,000 characters.
    pub body: String,
}

/// A status an agent moves a case to.
#[derive(Deserialize, ToSchema)]
pub struct AgentStatus {
    pub status: CaseStatus,
}

/// The engineer working a case.
#[derive(Deserialize, ToSchema)]
pub struct AgentEngineer {
    /// The engineer's name, 1 to 200 characters.
    pub engineer: String,
}

fn any_case(conn: &rusqlite::Connection, id: &str) -> Result<store::CaseRow, ApiError> {
    store::load(conn, id, None)?.ok_or_else(ApiError::not_found)
}

fn transition_not_allowed(from: CaseStatus, to: CaseStatus) -> ApiError {
    ApiError::problem(
        types::TRANSITION_NOT_ALLOWED,
        StatusCode::CONFLICT,
        "Not possible in this status",
        &format!("Support cannot move a case from {from:?} to {to:?}."),
    )
}

fn case_reply(conn: &rusqlite::Connection, id: &str, now: i64) -> Result<Response, ApiError> {
    let c = any_case(conn, id)?;
    let case = store::full(conn, &c, now)?;
    let etag = format!("\"{}\"", case.version);
    Ok(([(header::ETAG, etag)], Json(case)).into_response())
}

/// Reply as support. The first reply sets the case's first response; a new case moves to in
/// progress.
#[utoipa::path(
    post,
    path = "/cases/{id}/comments",
    tag = "agent",
    security(("agent_token" = [])),
    params(("id" = String, Path, description = "Case id, of any organisation")),
    request_body = AgentComment,
    responses(
        (status = 201, description = "The comment", body = ThreadEntry),
        (status = 400, response = Validation),
        (status = 401, response = Unauthenticated),
        (status = 404, response = NotFound),
        (status = 409, response = Conflict),
    )
)]
pub async fn agent_comment(
    State(state): State<AppState>,
    _agent: Agent,
    Path(id): Path<String>,
    ApiJson(form): ApiJson<AgentComment>,
) -> Result<Response, ApiError> {
    if form.body.trim().is_empty() || form.body.chars().count() > 20_000 {
        return Err(ApiError::validation(vec![field(
            "body",
            FieldCode::Required,
            "Write 1 to 20,000 characters.",
        )]));
    }
    let now = clock::now();
    let mut conn = state.db.conn();
    let tx = conn.transaction()?;
    let c = any_case(&tx, &id)?;
    if c.status == CaseStatus::Closed {
        return Err(ApiError::problem(
            types::TRANSITION_NOT_ALLOWED,
            StatusCode::CONFLICT,
            "Not possible in this status",
            "The case is closed; only the customer can reopen it.",
        ));
    }
    let entry = store::add_entry(
        &tx,
        &c.id,
        now,
        None,
        true,
        ThreadEvent::Comment {
            body: form.body,
            attachments: Vec::new(),
        },
    )?;
    tx.execute(
        "UPDATE cases SET first_response_at = COALESCE(first_response_at, ?2) WHERE id = ?1",
        params![c.id, now],
    )?;
    store::touch(&tx, &c.id, now)?;
    if c.status == CaseStatus::New {
        store::set_status(&tx, &c, CaseStatus::InProgress, now, None, true)?;
    }
    tx.commit()?;
    Ok((StatusCode::CREATED, Json(entry)).into_response())
}

/// Move a case along its lifecycle as support.
#[utoipa::path(
    post,
    path = "/cases/{id}/status",
    tag = "agent",
    security(("agent_token" = [])),
    params(("id" = String, Path, description = "Case id, of any organisation")),
    request_body = AgentStatus,
    responses(
        (status = 200, description = "The case", body = Case),
        (status = 400, response = Validation),
        (status = 401, response = Unauthenticated),
        (status = 404, response = NotFound),
        (status = 409, response = Conflict),
    )
)]
pub async fn agent_status(
    State(state): State<AppState>,
    _agent: Agent,
    Path(id): Path<String>,
    ApiJson(form): ApiJson<AgentStatus>,
) -> Result<Response, ApiError> {
    let now = clock::now();
    let mut conn = state.db.conn();
    let tx = conn.transaction()?;
    let c = any_case(&tx, &id)?;
    if !transition_allowed(Actor::Agent, c.status, form.status) {
        return Err(transition_not_allowed(c.status, form.status));
    }
    store::set_status(&tx, &c, form.status, now, None, true)?;
    let res = case_reply(&tx, &id, now)?;
    tx.commit()?;
    Ok(res)
}

/// Assign the engineer working a case.
#[utoipa::path(
    put,
    path = "/cases/{id}/engineer",
    tag = "agent",
    security(("agent_token" = [])),
    params(("id" = String, Path, description = "Case id, of any organisation")),
    request_body = AgentEngineer,
    responses(
        (status = 200, description = "The case", body = Case),
        (status = 400, response = Validation),
        (status = 401, response = Unauthenticated),
        (status = 404, response = NotFound),
    )
)]
pub async fn agent_engineer(
    State(state): State<AppState>,
    _agent: Agent,
    Path(id): Path<String>,
    ApiJson(form): ApiJson<AgentEngineer>,
) -> Result<Response, ApiError> {
    let engineer = form.engineer.trim().to_string();
    if engineer.is_empty() || engineer.chars().count() > 200 {
        return Err(ApiError::validation(vec![field(
            "engineer",
            FieldCode::Required,
            "Name the engineer (1 to 200 characters).",
        )]));
    }
    let now = clock::now();
    let mut conn = state.db.conn();
    let tx = conn.transaction()?;
    let c = any_case(&tx, &id)?;
    tx.execute(
        "UPDATE cases SET engineer = ?2 WHERE id = ?1",
        params![c.id, engineer],
    )?;
    store::touch(&tx, &c.id, now)?;
    store::add_entry(
        &tx,
        &c.id,
        now,
        None,
        true,
        ThreadEvent::EngineerAssigned { engineer },
    )?;
    let res = case_reply(&tx, &id, now)?;
    tx.commit()?;
    Ok(res)
}
