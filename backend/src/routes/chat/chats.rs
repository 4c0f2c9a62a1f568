//! `POST /chats`, `GET /chats`, `GET /chats/{id}`: starting a chat, the past chats, one chat.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Deserialize;
use support_contract::chat::{Chat, NewChat, SUMMARY_MAX, TOPIC_MAX};
use support_contract::{problem_types as types, Product};

use super::availability::for_user;
use super::customer;
use crate::auth::{Chat as ChatCapability, RequireCapability};
use crate::chat::actions::find;
use crate::chat::availability::explain;
use crate::chat::to_contract;
use crate::clock;
use crate::extract::ApiJson;
use crate::problem::{valid, ApiError};
use crate::routes::fields::{required_product, required_text};
use crate::routes::location;
use crate::routes::responses::{ChatUnavailable, InputRefusals, ItemRefusals, SignedInRefusals};
use crate::state::AppState;
use crate::store::chat as store;

/// `POST /chats` body as received: every field optional, so that a missing one is a field
/// error (`required`) rather than unreadable JSON.
#[derive(Deserialize)]
pub struct ChatForm {
    #[serde(default)]
    product: Option<Product>,
    #[serde(default)]
    topic: Option<String>,
    #[serde(default)]
    summary: Option<String>,
}

fn validate(form: ChatForm) -> Result<NewChat, ApiError> {
    let mut errors = Vec::new();
    let product = required_product(&mut errors, form.product);
    let topic = required_text(&mut errors, "topic", form.topic.as_deref(), TOPIC_MAX);
    let summary = required_text(&mut errors, "summary", form.summary.as_deref(), SUMMARY_MAX);
    valid(errors)?;
    Ok(NewChat {
        product: product.unwrap_or_default(),
        topic: topic.trim().to_string(),
        summary: summary.trim().to_string(),
    })
}

/// Start a chat with support: it joins the queue (`queued`, with its place and an estimate of
/// the wait) until an agent accepts it.
///
/// A user has at most one open (queued or active) chat: while one is open, this returns it
/// (200) instead of starting another, so a double submit never opens two chats. Refused with
/// `urn:support-portal:problem:chat-unavailable` (409) when chat is not offered for the product
/// now (see `GET /chat/availability`).
#[utoipa::path(
    post,
    path = "/chats",
    tag = "chat",
    security(("session_cookie" = [])),
    request_body = NewChat,
    responses(
        (status = 201, description = "Started and queued", body = Chat,
            headers(("Location" = String, description = "The chat's URL"))),
        (status = 200, description = "The user's chat that is already open", body = Chat,
            headers(("Location" = String, description = "The chat's URL"))),
        InputRefusals,
        (status = 409, response = ChatUnavailable),
    )
)]
pub async fn start_chat(
    State(state): State<AppState>,
    RequireCapability { user, .. }: RequireCapability<ChatCapability>,
    ApiJson(form): ApiJson<ChatForm>,
) -> Result<Response, ApiError> {
    let new = validate(form)?;
    let now = clock::now();
    let (status, chat) = state.db.transaction(|tx| {
        let (status, chat) = match store::open_of(tx, &user.user.id)? {
            Some(open) => (StatusCode::OK, open),
            None => {
                let availability = for_user(&state, &user, now)
                    .into_iter()
                    .find(|a| a.product == new.product);
                if let Some(a) = availability.filter(|a| !a.available) {
                    return Err(ApiError::problem(
                        types::CHAT_UNAVAILABLE,
                        StatusCode::CONFLICT,
                        "Chat is not available",
                        &explain(&a),
                    ));
                }
                let id = store::insert(tx, &user.organisation.id, &user.user.id, &new, now)?;
                (StatusCode::CREATED, find(tx, &id, customer(&user))?)
            }
        };
        Ok((status, to_contract(tx, &chat)?))
    })?;
    Ok((status, location("chats", &chat.id), Json(chat)).into_response())
}

/// The user's chats, newest first (the past chats page); the open one, if any, among them.
#[utoipa::path(
    get,
    path = "/chats",
    tag = "chat",
    security(("session_cookie" = [])),
    responses(
        (status = 200, description = "The user's chats, newest first", body = Vec<Chat>),
        SignedInRefusals,
    )
)]
pub async fn list_chats(
    State(state): State<AppState>,
    RequireCapability { user, .. }: RequireCapability<ChatCapability>,
) -> Result<Json<Vec<Chat>>, ApiError> {
    let conn = state.db.read();
    let chats = store::list_of(&conn, &user.user.id)?
        .iter()
        .map(|c| to_contract(&conn, c))
        .collect::<Result<_, _>>()?;
    Ok(Json(chats))
}

/// One of the user's chats, with its place in the queue while queued.
#[utoipa::path(
    get,
    path = "/chats/{id}",
    tag = "chat",
    security(("session_cookie" = [])),
    params(("id" = String, Path, description = "Chat id")),
    responses(
        (status = 200, description = "The chat", body = Chat),
        ItemRefusals,
    )
)]
pub async fn get_chat(
    State(state): State<AppState>,
    RequireCapability { user, .. }: RequireCapability<ChatCapability>,
    Path(id): Path<String>,
) -> Result<Json<Chat>, ApiError> {
    let conn = state.db.read();
    let chat = find(&conn, &id, customer(&user))?;
    Ok(Json(to_contract(&conn, &chat)?))
}
