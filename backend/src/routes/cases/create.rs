//! `POST /cases`: filing a case, once per `Idempotency-Key`.

use axum::extract::State;
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::Response;
use rusqlite::{params, Connection, OptionalExtension};
use sha2::{Digest, Sha256};
use support_contract::cases::{Attachment, Case, NewCase, ThreadEvent};
use support_contract::{problem_types as types, Phase};

use super::headers::{case_response, idempotency_key, location};
use super::lookup::{own_case, person};
use super::validate::{validate, CaseForm};
use crate::auth::{CurrentUser, ManageCases, RequireCapability};
use crate::cases as store;
use crate::clock;
use crate::extract::ApiJson;
use crate::problem::ApiError;
use crate::routes::responses::{Conflict, Forbidden, Unauthenticated, Validation};
use crate::state::AppState;

/// Refuses case filing in the `setup` phase (`case-filing-closed`).
pub(crate) fn filing_open(state: &AppState) -> Result<(), ApiError> {
    if state.config.phase == Phase::Setup {
        return Err(ApiError::problem(
            types::CASE_FILING_CLOSED,
            StatusCode::FORBIDDEN,
            "Case filing is not open yet",
            "The portal is being set up; call support by phone meanwhile.",
        ));
    }
    Ok(())
}

/// Files a checked case for `user` with its attachments (checked too: theirs, attached
/// nowhere) and returns its id: the case, its `case_filed` entry, and an `attachments_added`
/// entry when there are files. Shared by `POST /cases` and a chat continued as a case.
pub(crate) fn file(
    tx: &Connection,
    user: &CurrentUser,
    new: &NewCase,
    attachments: Vec<Attachment>,
    now: i64,
) -> Result<String, ApiError> {
    let id = store::insert(
        tx,
        &user.organisation.id,
        user.organisation.plan,
        &user.user.id,
        new,
        now,
    )?;
    if !attachments.is_empty() {
        store::link_attachments(tx, &id, &attachments)?;
        store::add_entry(
            tx,
            &id,
            now,
            Some(&person(user)),
            false,
            ThreadEvent::AttachmentsAdded { attachments },
        )?;
    }
    Ok(id)
}

/// File a case.
///
/// Send an `Idempotency-Key` header: the same key from the same user returns the case it
/// created (200) instead of filing another; the same key with a different body is a conflict.
/// Attachments must be uploaded first (`POST /attachments`) by the same user. Refused in the
/// `setup` phase (`urn:support-portal:problem:case-filing-closed`). The response target is
/// counted from filing: around the clock for P1, in the region's business hours otherwise.
/// The thread starts with a `case_filed` entry.
#[utoipa::path(
    post,
    path = "/cases",
    tag = "cases",
    security(("session_cookie" = [])),
    params(("Idempotency-Key" = String, Header, description = "Client-chosen key, 1 to 200 characters; keep it with the draft")),
    request_body = NewCase,
    responses(
        (status = 201, description = "Filed", body = Case,
            headers(("Location" = String, description = "The case's URL"), ("ETag" = String, description = "The case's version"))),
        (status = 200, description = "Already filed with this key: the same case", body = Case,
            headers(("ETag" = String, description = "The case's version"))),
        (status = 400, response = Validation),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 409, response = Conflict),
    )
)]
pub async fn create_case(
    State(state): State<AppState>,
    RequireCapability { user, .. }: RequireCapability<ManageCases>,
    headers: HeaderMap,
    ApiJson(form): ApiJson<CaseForm>,
) -> Result<Response, ApiError> {
    filing_open(&state)?;
    let key = idempotency_key(&headers)?;
    let hash: String = Sha256::digest(serde_json::to_vec(&form).unwrap_or_default())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let now = clock::now();
    let mut conn = state.db.conn();
    let tx = conn.transaction()?;
    let earlier: Option<(String, String)> = tx
        .query_row(
            "SELECT case_id, request_hash FROM idempotency_keys WHERE user_id = ?1 AND key = ?2",
            params![user.user.id, key],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    if let Some((case_id, earlier_hash)) = earlier {
        if earlier_hash != hash {
            return Err(ApiError::idempotency_key_reused(&case_id));
        }
        let c = own_case(&tx, &user, &case_id)?;
        let case = store::full(&tx, &c, now)?;
        let mut res = case_response(StatusCode::OK, case);
        res.headers_mut()
            .insert(header::LOCATION, location(&case_id));
        return Ok(res);
    }
    let (new, attachments) = validate(&tx, &user, form)?;
    let id = file(&tx, &user, &new, attachments, now)?;
    tx.execute(
        "INSERT INTO idempotency_keys (user_id, key, case_id, request_hash, created_at) \
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![user.user.id, key, id, hash, now],
    )?;
    let c = own_case(&tx, &user, &id)?;
    let case = store::full(&tx, &c, now)?;
    tx.commit()?;
    let mut res = case_response(StatusCode::CREATED, case);
    res.headers_mut().insert(header::LOCATION, location(&id));
    Ok(res)
}
