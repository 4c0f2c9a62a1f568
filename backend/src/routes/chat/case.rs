//! `POST /chats/{id}/case`: continuing a chat as a support case, its transcript attached.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use support_contract::cases::Case;
use support_contract::Capability;

use super::customer;
use crate::auth::{Chat, RequireCapability};
use crate::cases;
use crate::chat::actions::find;
use crate::chat::{self as chats, to_contract, transcript};
use crate::clock;
use crate::problem::ApiError;
use crate::routes::cases::create::filing_open;
use crate::routes::location;
use crate::routes::responses::ItemRefusals;
use crate::routes::versions::Versioned;
use crate::state::AppState;
use crate::store::chat::messages;
use crate::tokens::new_id;

/// The case as answered, with its `Location` and `ETag`.
fn reply(status: StatusCode, case: Case) -> Response {
    let url = location("cases", &case.summary.id);
    (status, url, Versioned(case)).into_response()
}

/// Continue the chat as a case: a P3 case about the chat's product, titled by its topic and
/// described by its summary, with the plain-text transcript attached (`chat-<id>.txt`). The
/// chat remembers the case: calling again returns the same case (200). Needs `manage_cases`
/// too, and is refused in the `setup` phase like any filing
/// (`urn:support-portal:problem:case-filing-closed`). The case has no contact phone: the chat
/// did not ask for one.
#[utoipa::path(
    post,
    path = "/chats/{id}/case",
    tag = "chat",
    security(("session_cookie" = [])),
    params(("id" = String, Path, description = "Chat id")),
    responses(
        (status = 201, description = "Filed", body = Case,
            headers(("Location" = String, description = "The case's URL"), ("ETag" = String, description = "The case's version"))),
        (status = 200, description = "Already continued as this case", body = Case,
            headers(("Location" = String, description = "The case's URL"), ("ETag" = String, description = "The case's version"))),
        ItemRefusals,
    )
)]
pub async fn continue_as_case(
    State(state): State<AppState>,
    RequireCapability { user, .. }: RequireCapability<Chat>,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    if !user.capabilities().contains(&Capability::ManageCases) {
        return Err(ApiError::forbidden());
    }
    let org = Some(user.organisation.id.as_str());
    let (chat, text) = {
        let conn = state.db.conn();
        let row = find(&conn, &id, customer(&user))?;
        if let Some(case_id) = &row.case_id {
            let case = cases::view(&conn, case_id, org, clock::now())?;
            return Ok(reply(StatusCode::OK, case));
        }
        let chat = to_contract(&conn, &row)?;
        let text = transcript::text(&chat, &messages::after(&conn, &row.id, 0)?);
        (chat, text)
    };
    filing_open(state.config.phase)?;
    // The transcript is a real attachment: a file under the data directory, named by its id.
    let attachment_id = new_id("att");
    let path = state.data_dir.join(&attachment_id);
    let written = async {
        tokio::fs::create_dir_all(&state.data_dir).await?;
        tokio::fs::write(&path, text.as_bytes()).await
    };
    written.await.map_err(|e| {
        crate::log_line!("cannot store the transcript of {}: {e}", chat.id);
        ApiError::server()
    })?;
    let size = text.len();
    let filed = chats::case::file(
        &state.db,
        user.member(),
        &chat,
        &attachment_id,
        size,
        clock::now(),
    );
    if !matches!(filed, Ok((_, true))) {
        // Not filed, or a concurrent call filed first: the file is nobody's.
        let _ = tokio::fs::remove_file(&path).await;
    }
    let (case_id, created) = filed?;
    let status = if created {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    };
    let case = cases::view(&state.db.conn(), &case_id, org, clock::now())?;
    Ok(reply(status, case))
}
