//! `POST /chats/{id}/case`: continuing a chat as a support case, its transcript attached.

use axum::extract::{Path, State};
use axum::http::{header, StatusCode};
use axum::response::Response;
use rusqlite::params;
use support_contract::cases::{Attachment, Case, NewCase, Priority};
use support_contract::Capability;

use crate::auth::{Chat, CurrentUser, RequireCapability};
use crate::cases as case_store;
use crate::chat::actions::{find, Side};
use crate::chat::{self as store, messages, transcript};
use crate::clock;
use crate::clock::ts;
use crate::problem::ApiError;
use crate::routes::cases::create::{file, filing_open};
use crate::routes::cases::headers::{case_response, location};
use crate::routes::cases::lookup::own_case;
use crate::routes::responses::{Forbidden, NotFound, Unauthenticated};
use crate::state::AppState;
use crate::tokens::new_id;

/// The case as answered, with its `Location` and `ETag`.
fn reply(
    conn: &rusqlite::Connection,
    user: &CurrentUser,
    case_id: &str,
    status: StatusCode,
) -> Result<Response, ApiError> {
    let c = own_case(conn, user, case_id)?;
    let case = case_store::full(conn, &c, clock::now())?;
    let mut res = case_response(status, case);
    res.headers_mut()
        .insert(header::LOCATION, location(case_id));
    Ok(res)
}

/// The time zone a case filed from a chat names: the user's, else their region's.
fn time_zone(user: &CurrentUser) -> String {
    user.user.time_zone.clone().unwrap_or_else(|| {
        crate::business_hours::table()
            .into_iter()
            .find(|h| h.region == user.organisation.region)
            .map(|h| h.time_zone)
            .unwrap_or_else(|| "UTC".into())
    })
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
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
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
    let (chat, text) = {
        let conn = state.db.conn();
        let row = find(&conn, &id, Side::Customer(user.member()))?;
        if let Some(case_id) = &row.case_id {
            return reply(&conn, &user, case_id, StatusCode::OK);
        }
        let chat = store::to_contract(&conn, &row)?;
        let text = transcript::text(&chat, &messages::after(&conn, &row.id, 0)?);
        (chat, text)
    };
    filing_open(&state)?;
    // The transcript is a real attachment: a file under the data directory, named by its id.
    let attachment_id = new_id("att");
    let path = state.data_dir.join(&attachment_id);
    let written = async {
        tokio::fs::create_dir_all(&state.data_dir).await?;
        tokio::fs::write(&path, text.as_bytes()).await
    };
    written.await.map_err(|e| {
        eprintln!("cannot store the transcript of {}: {e}", chat.id);
        ApiError::server()
    })?;
    let filed = file_from_chat(&state, &user, &chat, &attachment_id, text.len());
    if !matches!(filed, Ok((_, StatusCode::CREATED))) {
        // Not filed, or a concurrent call filed first: the file is nobody's.
        let _ = tokio::fs::remove_file(&path).await;
    }
    let (case_id, status) = filed?;
    reply(&state.db.conn(), &user, &case_id, status)
}

/// Files the case in one transaction, unless the chat got a case meanwhile (then that one).
fn file_from_chat(
    state: &AppState,
    user: &CurrentUser,
    chat: &support_contract::chat::Chat,
    attachment_id: &str,
    size: usize,
) -> Result<(String, StatusCode), ApiError> {
    let now = clock::now();
    let mut conn = state.db.conn();
    let tx = conn.transaction()?;
    if let Some(case_id) = find(&tx, &chat.id, Side::Customer(user.member()))?.case_id {
        return Ok((case_id, StatusCode::OK));
    }
    let name = format!("chat-{}.txt", chat.id);
    tx.execute(
        "INSERT INTO attachments (id, organisation_id, uploader_id, name, size, content_type, \
         uploaded_at, stored_path) VALUES (?1, ?2, ?3, ?4, ?5, 'text/plain', ?6, ?1)",
        params![
            attachment_id,
            user.organisation.id,
            user.user.id,
            name,
            size as i64,
            now
        ],
    )?;
    let attachment = Attachment {
        id: attachment_id.to_string(),
        name,
        size: size as u64,
        content_type: "text/plain".into(),
        uploaded_at: ts(now),
    };
    let new = NewCase {
        product: chat.product,
        priority: Priority::P3,
        title: chat.topic.clone(),
        description: chat.summary.clone(),
        details: Default::default(),
        reproducible: false,
        steps_to_reproduce: None,
        environment: None,
        business_impact: None,
        contact_phone: String::new(),
        time_zone: time_zone(user),
        watchers: Vec::new(),
        attachments: vec![attachment.id.clone()],
    };
    let case_id = file(&tx, user, &new, vec![attachment], now)?;
    store::set_case(&tx, &chat.id, &case_id)?;
    tx.commit()?;
    Ok((case_id, StatusCode::CREATED))
}
