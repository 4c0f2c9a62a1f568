//! `/chats/{id}/messages` and `/chats/{id}/typing`: the conversation, as the customer.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use support_contract::chat::{ChatMessage, NewChatMessage, Typing};

use super::{customer, AfterQuery};
use crate::auth::{Chat, RequireCapability};
use crate::chat::actions::{self, find};
use crate::clock;
use crate::extract::{ApiJson, ApiQuery};
use crate::problem::ApiError;
use crate::routes::responses::{ChatConflict, ItemInputRefusals};
use crate::state::AppState;
use crate::store::chat::messages;

/// The chat's messages in order; with `after`, only those with a greater `seq` (what a client
/// missed while disconnected).
#[utoipa::path(
    get,
    path = "/chats/{id}/messages",
    tag = "chat",
    security(("session_cookie" = [])),
    params(
        ("id" = String, Path, description = "Chat id"),
        ("after" = Option<i64>, Query, description = "Only messages with a greater `seq`"),
    ),
    responses(
        (status = 200, description = "Messages by seq", body = Vec<ChatMessage>),
        ItemInputRefusals,
    )
)]
pub async fn chat_messages(
    State(state): State<AppState>,
    RequireCapability { user, .. }: RequireCapability<Chat>,
    Path(id): Path<String>,
    ApiQuery(query): ApiQuery<AfterQuery>,
) -> Result<Json<Vec<ChatMessage>>, ApiError> {
    let after = query.after()?;
    let conn = state.db.read();
    let chat = find(&conn, &id, customer(&user))?;
    Ok(Json(messages::after(&conn, &chat.id, after)?))
}

/// Send a message; it gets the chat's next `seq` and reaches the chat's streams.
///
/// The `id` is the client's (a UUID): sending the same id again returns the stored message
/// (200) and adds nothing, so a resend after a lost answer never duplicates; an id that
/// another message already has is a conflict. Messages may be sent while queued. A message is
/// plain text of at most 4000 characters, or files alone: attachments are uploads of the same
/// user (`POST /attachments`) not attached anywhere yet. Refused on an ended chat
/// (`urn:support-portal:problem:chat-ended`).
#[utoipa::path(
    post,
    path = "/chats/{id}/messages",
    tag = "chat",
    security(("session_cookie" = [])),
    params(("id" = String, Path, description = "Chat id")),
    request_body = NewChatMessage,
    responses(
        (status = 201, description = "Stored and sent", body = ChatMessage),
        (status = 200, description = "Already stored with this id: the stored message", body = ChatMessage),
        ItemInputRefusals,
        (status = 409, response = ChatConflict),
    )
)]
pub async fn send_chat_message(
    State(state): State<AppState>,
    RequireCapability { user, .. }: RequireCapability<Chat>,
    Path(id): Path<String>,
    ApiJson(form): ApiJson<NewChatMessage>,
) -> Result<Response, ApiError> {
    let (status, message) =
        actions::post_message(state.chat_env(), &id, customer(&user), form, clock::now())?;
    Ok((status, Json(message)).into_response())
}

/// Tell support that the user started or stopped typing: the chat's streams get a `typing`
/// event with `from_support: false`. Nothing is stored. The stream also accepts the same as a
/// client frame, which saves a request per keystroke burst.
#[utoipa::path(
    post,
    path = "/chats/{id}/typing",
    tag = "chat",
    security(("session_cookie" = [])),
    params(("id" = String, Path, description = "Chat id")),
    request_body = Typing,
    responses(
        (status = 204, description = "Sent"),
        ItemInputRefusals,
    )
)]
pub async fn chat_typing(
    State(state): State<AppState>,
    RequireCapability { user, .. }: RequireCapability<Chat>,
    Path(id): Path<String>,
    ApiJson(form): ApiJson<Typing>,
) -> Result<StatusCode, ApiError> {
    actions::typing(state.chat_env(), &id, customer(&user), form.typing)?;
    Ok(StatusCode::NO_CONTENT)
}
