//! `/chats/{id}/end` and `/chats/{id}/rating`: ending a chat and rating it afterwards.

use axum::extract::{Path, State};
use axum::Json;
use support_contract::chat::{valid_rating, Chat, ChatRating, ChatStatus};
use support_contract::FieldCode;

use super::customer;
use crate::auth::{Chat as ChatCapability, RequireCapability};
use crate::chat::actions::{self, find};
use crate::chat::to_contract;
use crate::clock;
use crate::extract::ApiJson;
use crate::problem::{field, ApiError};
use crate::routes::responses::{ItemChangeRefusals, ItemRefusals};
use crate::state::AppState;
use crate::store::chat as store;

/// End the chat, queued or active; its streams get the `ended` status. Ending an ended chat
/// answers it unchanged.
#[utoipa::path(
    post,
    path = "/chats/{id}/end",
    tag = "chat",
    security(("session_cookie" = [])),
    params(("id" = String, Path, description = "Chat id")),
    responses(
        (status = 200, description = "The ended chat", body = Chat),
        ItemRefusals,
    )
)]
pub async fn end_chat(
    State(state): State<AppState>,
    RequireCapability { user, .. }: RequireCapability<ChatCapability>,
    Path(id): Path<String>,
) -> Result<Json<Chat>, ApiError> {
    Ok(Json(actions::end(
        state.chat_env(),
        &id,
        customer(&user),
        clock::now(),
    )?))
}

/// Rate an ended chat: a score from 1 to 5 and an optional comment (at most 1000 characters).
/// Rating again replaces the rating. Before the chat ends, a conflict.
#[utoipa::path(
    put,
    path = "/chats/{id}/rating",
    tag = "chat",
    security(("session_cookie" = [])),
    params(("id" = String, Path, description = "Chat id")),
    request_body = ChatRating,
    responses(
        (status = 200, description = "The rated chat", body = Chat),
        ItemChangeRefusals,
    )
)]
pub async fn rate_chat(
    State(state): State<AppState>,
    RequireCapability { user, .. }: RequireCapability<ChatCapability>,
    Path(id): Path<String>,
    ApiJson(rating): ApiJson<ChatRating>,
) -> Result<Json<Chat>, ApiError> {
    state.db.transaction(|tx| {
        let chat = find(tx, &id, customer(&user))?;
        if !valid_rating(&rating) {
            let mut errors = Vec::new();
            if !(1..=5).contains(&rating.score) {
                errors.push(field(
                    "score",
                    FieldCode::InvalidScore,
                    "Choose a score from 1 to 5.",
                ));
            }
            if rating.comment.chars().count() > 1000 {
                errors.push(field(
                    "comment",
                    FieldCode::TooLong,
                    "Use at most 1000 characters.",
                ));
            }
            return Err(ApiError::validation(errors));
        }
        if chat.status != ChatStatus::Ended {
            return Err(ApiError::conflict("A chat can be rated once it has ended."));
        }
        let rating = ChatRating {
            score: rating.score,
            comment: rating.comment.trim().to_string(),
        };
        store::set_rating(tx, &chat.id, &rating)?;
        let rated = find(tx, &id, customer(&user))?;
        Ok(Json(to_contract(tx, &rated)?))
    })
}
