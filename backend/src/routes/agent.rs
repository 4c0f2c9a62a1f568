//! `/agent/v1`: the vendor's side of cases, for tests and the demo. Authenticated by a bearer
//! token from the configuration (`--agent-token`); without one the whole API is "not found".
//! Agents see the cases of every organisation. Their entries carry no author (agents have no
//! user account here) and `from_support: true`.

use axum::extract::{FromRequestParts, Path, State};
use axum::http::{request::Parts, StatusCode};
use axum::Json;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use support_contract::cases::{transition_allowed, Actor, Case, CaseStatus, ThreadEntry};
use support_contract::wire::{from_wire, wire_name};
use support_contract::FieldCode;
use utoipa::ToSchema;

use crate::auth::bearer;
use crate::cases;
use crate::clock;
use crate::extract::ApiJson;
use crate::problem::{field, ApiError};
use crate::routes::cases::transition_not_allowed;
use crate::routes::responses::{AgentChangeRefusals, AgentInputRefusals};
use crate::routes::versions::Versioned;
use crate::state::AppState;
use crate::store::cases as store;

/// A request carrying the configured agent token.
pub struct Agent;

impl FromRequestParts<AppState> for Agent {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        bearer(parts, state.config.agent_token.as_ref()).map(|()| Agent)
    }
}

/// `?status=` of an agents' list: one of the statuses it offers, or all of them when absent.
#[derive(Deserialize)]
pub struct StatusQuery {
    status: Option<String>,
}

impl StatusQuery {
    /// The statuses asked for among `offered`, by their wire names; any other is a field error.
    pub fn statuses<T>(&self, offered: &[T]) -> Result<Vec<T>, ApiError>
    where
        T: Copy + PartialEq + Serialize + DeserializeOwned,
    {
        let Some(name) = self.status.as_deref().filter(|s| !s.is_empty()) else {
            return Ok(offered.to_vec());
        };
        match from_wire::<T>(name).filter(|s| offered.contains(s)) {
            Some(status) => Ok(vec![status]),
            None => {
                let names: Vec<&str> = offered.iter().map(|s| wire_name(s)).collect();
                let hint = format!("Use {}.", names.join(" or "));
                Err(ApiError::validation(vec![field(
                    "status",
                    FieldCode::InvalidValue,
                    &hint,
                )]))
            }
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
        AgentChangeRefusals,
    )
)]
pub async fn agent_comment(
    State(state): State<AppState>,
    _agent: Agent,
    Path(id): Path<String>,
    ApiJson(form): ApiJson<AgentComment>,
) -> Result<(StatusCode, Json<ThreadEntry>), ApiError> {
    if form.body.trim().is_empty() || form.body.chars().count() > 20_000 {
        return Err(ApiError::validation(vec![field(
            "body",
            FieldCode::Required,
            "Write 1 to 20,000 characters.",
        )]));
    }
    let now = clock::now();
    let entry = state.db.transaction(|tx| {
        let c = store::load(tx, &id, None)?;
        if c.status == CaseStatus::Closed {
            return Err(transition_not_allowed(
                "The case is closed; only the customer can reopen it.",
            ));
        }
        Ok(cases::answer(tx, &c, form.body, now)?)
    })?;
    Ok((StatusCode::CREATED, Json(entry)))
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
        AgentChangeRefusals,
    )
)]
pub async fn agent_status(
    State(state): State<AppState>,
    _agent: Agent,
    Path(id): Path<String>,
    ApiJson(form): ApiJson<AgentStatus>,
) -> Result<Versioned<Case>, ApiError> {
    let now = clock::now();
    state.db.transaction(|tx| {
        let c = store::load(tx, &id, None)?;
        let (from, to) = (c.status, form.status);
        if !transition_allowed(Actor::Agent, from, to) {
            return Err(transition_not_allowed(&format!(
                "Support cannot move a case from {from:?} to {to:?}."
            )));
        }
        store::set_status(tx, &c, to, now, None, true)?;
        Ok(Versioned(cases::view(tx, &id, None, now)?))
    })
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
        AgentInputRefusals,
    )
)]
pub async fn agent_engineer(
    State(state): State<AppState>,
    _agent: Agent,
    Path(id): Path<String>,
    ApiJson(form): ApiJson<AgentEngineer>,
) -> Result<Versioned<Case>, ApiError> {
    let engineer = form.engineer.trim().to_string();
    if engineer.is_empty() || engineer.chars().count() > 200 {
        return Err(ApiError::validation(vec![field(
            "engineer",
            FieldCode::Required,
            "Name the engineer (1 to 200 characters).",
        )]));
    }
    let now = clock::now();
    state.db.transaction(|tx| {
        let c = store::load(tx, &id, None)?;
        cases::assign_engineer(tx, &c, engineer, now)?;
        Ok(Versioned(cases::view(tx, &id, None, now)?))
    })
}
