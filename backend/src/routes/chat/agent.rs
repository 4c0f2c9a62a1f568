//! `/agent/v1/chats`: the vendor's side of chats, for tests and the demo, behind the agent token
//! like the agent's case routes. Agents see the chats of every organisation; their messages
//! carry no author (agents have no user account here) and `from_support: true`.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Deserialize;
use support_contract::chat::{Chat, ChatMessage, ChatStatus, NewChatMessage, Typing};
use support_contract::FieldCode;
use utoipa::ToSchema;

use super::AfterQuery;
use crate::chat::actions::{self, find, Side};
use crate::chat::to_contract;
use crate::clock;
use crate::extract::{ApiJson, ApiQuery};
use crate::problem::{field, ApiError};
use crate::routes::agent::{Agent, StatusQuery};
use crate::routes::responses::{
    AgentChangeRefusals, AgentInputRefusals, AgentRefusals, ChatConflict,
};
use crate::state::AppState;
use crate::store::chat::{self as store, messages};

/// The agent who accepts a chat.
#[derive(Deserialize, ToSchema)]
pub struct AcceptChat {
    /// The agent's name as the customer sees it, 1 to 200 characters.
    pub agent: String,
}

/// The open chats of every organisation, oldest first: `status=queued` (the queue, in order),
/// `status=active`, or both without `status`.
#[utoipa::path(
    get,
    path = "/chats",
    tag = "agent",
    security(("agent_token" = [])),
    params(("status" = Option<String>, Query, description = "`queued` or `active`; both when absent")),
    responses(
        (status = 200, description = "Chats, oldest first", body = Vec<Chat>),
        AgentInputRefusals,
    )
)]
pub async fn agent_chats(
    State(state): State<AppState>,
    _agent: Agent,
    ApiQuery(query): ApiQuery<StatusQuery>,
) -> Result<Json<Vec<Chat>>, ApiError> {
    let statuses = query.statuses(&[ChatStatus::Queued, ChatStatus::Active])?;
    let conn = state.db.conn();
    let chats = store::list_by_status(&conn, &statuses)?
        .iter()
        .map(|c| to_contract(&conn, c))
        .collect::<Result<_, _>>()?;
    Ok(Json(chats))
}

/// Accept a queued chat: it becomes active, the customer's stream hears `agent_joined` and the
/// new status, and the chats behind it in the queue move up. A chat that is not queued is a
/// conflict.
#[utoipa::path(
    post,
    path = "/chats/{id}/accept",
    tag = "agent",
    security(("agent_token" = [])),
    params(("id" = String, Path, description = "Chat id, of any organisation")),
    request_body = AcceptChat,
    responses(
        (status = 200, description = "The active chat", body = Chat),
        AgentChangeRefusals,
    )
)]
pub async fn agent_accept_chat(
    State(state): State<AppState>,
    _agent: Agent,
    Path(id): Path<String>,
    ApiJson(form): ApiJson<AcceptChat>,
) -> Result<Json<Chat>, ApiError> {
    let agent = crate::users::clean_name(&form.agent);
    if agent.is_empty() || agent.chars().count() > 200 {
        return Err(ApiError::validation(vec![field(
            "agent",
            FieldCode::Required,
            "Name the agent (1 to 200 characters).",
        )]));
    }
    Ok(Json(actions::accept(
        state.chat_env(),
        &id,
        &agent,
        clock::now(),
    )?))
}

/// A chat's messages in order, as the agent reads them; with `after`, only the newer ones.
#[utoipa::path(
    get,
    path = "/chats/{id}/messages",
    tag = "agent",
    security(("agent_token" = [])),
    params(
        ("id" = String, Path, description = "Chat id, of any organisation"),
        ("after" = Option<i64>, Query, description = "Only messages with a greater `seq`"),
    ),
    responses(
        (status = 200, description = "Messages by seq", body = Vec<ChatMessage>),
        AgentInputRefusals,
    )
)]
pub async fn agent_chat_messages(
    State(state): State<AppState>,
    _agent: Agent,
    Path(id): Path<String>,
    ApiQuery(query): ApiQuery<AfterQuery>,
) -> Result<Json<Vec<ChatMessage>>, ApiError> {
    let after = query.after()?;
    let conn = state.db.conn();
    let chat = find(&conn, &id, Side::Support)?;
    Ok(Json(messages::after(&conn, &chat.id, after)?))
}

/// Answer as support, with the same idempotency by message `id` as the customer's messages
/// (a repeat answers the stored message with 200). No attachments.
#[utoipa::path(
    post,
    path = "/chats/{id}/messages",
    tag = "agent",
    security(("agent_token" = [])),
    params(("id" = String, Path, description = "Chat id, of any organisation")),
    request_body = NewChatMessage,
    responses(
        (status = 201, description = "Stored and sent", body = ChatMessage),
        (status = 200, description = "Already stored with this id: the stored message", body = ChatMessage),
        AgentInputRefusals,
        (status = 409, response = ChatConflict),
    )
)]
pub async fn agent_chat_message(
    State(state): State<AppState>,
    _agent: Agent,
    Path(id): Path<String>,
    ApiJson(form): ApiJson<NewChatMessage>,
) -> Result<Response, ApiError> {
    let (status, message) =
        actions::post_message(state.chat_env(), &id, Side::Support, form, clock::now())?;
    Ok((status, Json(message)).into_response())
}

/// Tell the customer that support started or stopped typing (`typing` with `from_support: true`).
#[utoipa::path(
    post,
    path = "/chats/{id}/typing",
    tag = "agent",
    security(("agent_token" = [])),
    params(("id" = String, Path, description = "Chat id, of any organisation")),
    request_body = Typing,
    responses(
        (status = 204, description = "Sent"),
        AgentInputRefusals,
    )
)]
pub async fn agent_chat_typing(
    State(state): State<AppState>,
    _agent: Agent,
    Path(id): Path<String>,
    ApiJson(form): ApiJson<Typing>,
) -> Result<StatusCode, ApiError> {
    actions::typing(state.chat_env(), &id, Side::Support, form.typing)?;
    Ok(StatusCode::NO_CONTENT)
}

/// Whether the customer is typing now: they said so within the last 10 seconds and did not
/// say they stopped (the agent side has no stream; it asks).
#[utoipa::path(
    get,
    path = "/chats/{id}/typing",
    tag = "agent",
    security(("agent_token" = [])),
    params(("id" = String, Path, description = "Chat id, of any organisation")),
    responses(
        (status = 200, description = "The customer's typing state", body = Typing),
        AgentRefusals,
    )
)]
pub async fn agent_customer_typing(
    State(state): State<AppState>,
    _agent: Agent,
    Path(id): Path<String>,
) -> Result<Json<Typing>, ApiError> {
    let chat = find(&state.db.conn(), &id, Side::Support)?;
    Ok(Json(Typing {
        typing: state.chat_hub.customer_typing(&chat.id),
    }))
}

/// End a chat as support. Ending an ended chat answers it unchanged.
#[utoipa::path(
    post,
    path = "/chats/{id}/end",
    tag = "agent",
    security(("agent_token" = [])),
    params(("id" = String, Path, description = "Chat id, of any organisation")),
    responses(
        (status = 200, description = "The ended chat", body = Chat),
        AgentRefusals,
    )
)]
pub async fn agent_end_chat(
    State(state): State<AppState>,
    _agent: Agent,
    Path(id): Path<String>,
) -> Result<Json<Chat>, ApiError> {
    Ok(Json(actions::end(
        state.chat_env(),
        &id,
        Side::Support,
        clock::now(),
    )?))
}
