//! `GET /chats/{id}/transcript`: the whole chat as a download, plain text or JSON.

use axum::extract::{Path, State};
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use support_contract::chat::ChatTranscript;
use support_contract::FieldCode;

use super::customer;
use crate::auth::{Chat, RequireCapability};
use crate::chat::actions::find;
use crate::chat::{to_contract, transcript};
use crate::extract::ApiQuery;
use crate::problem::{field, ApiError};
use crate::routes::responses::ItemInputRefusals;
use crate::state::AppState;
use crate::store::chat::messages;

/// `?format=`.
#[derive(Deserialize)]
pub struct TranscriptQuery {
    format: Option<String>,
}

fn disposition(chat_id: &str, extension: &str) -> HeaderValue {
    HeaderValue::from_str(&format!(
        "attachment; filename=\"chat-{chat_id}.{extension}\""
    ))
    .expect("ids are URL-safe")
}

/// The chat's transcript as a file to download: `format=text` (the default; a header with
/// product, topic, people and dates, then one `[time] Name: body` entry per message) or
/// `format=json` (the chat and its messages).
#[utoipa::path(
    get,
    path = "/chats/{id}/transcript",
    tag = "chat",
    security(("session_cookie" = [])),
    params(
        ("id" = String, Path, description = "Chat id"),
        ("format" = Option<String>, Query, description = "`text` (default) or `json`"),
    ),
    responses(
        (status = 200, description = "The transcript",
            content((String = "text/plain"), (ChatTranscript = "application/json")),
            headers(("Content-Disposition" = String, description = "`attachment; filename=\"chat-<id>.txt\"` (or `.json`)"))),
        ItemInputRefusals,
    )
)]
pub async fn chat_transcript(
    State(state): State<AppState>,
    RequireCapability { user, .. }: RequireCapability<Chat>,
    Path(id): Path<String>,
    ApiQuery(query): ApiQuery<TranscriptQuery>,
) -> Result<Response, ApiError> {
    let (chat, messages) = {
        let conn = state.db.conn();
        let row = find(&conn, &id, customer(&user))?;
        (
            to_contract(&conn, &row)?,
            messages::after(&conn, &row.id, 0)?,
        )
    };
    match query.format.as_deref().unwrap_or("text") {
        "text" => Ok((
            [
                (
                    header::CONTENT_TYPE,
                    HeaderValue::from_static("text/plain; charset=utf-8"),
                ),
                (header::CONTENT_DISPOSITION, disposition(&chat.id, "txt")),
            ],
            transcript::text(&chat, &messages),
        )
            .into_response()),
        "json" => {
            let name = disposition(&chat.id, "json");
            let body = ChatTranscript { chat, messages };
            Ok(([(header::CONTENT_DISPOSITION, name)], axum::Json(body)).into_response())
        }
        _ => Err(ApiError::validation(vec![field(
            "format",
            FieldCode::InvalidValue,
            "Use text or json.",
        )])),
    }
}
