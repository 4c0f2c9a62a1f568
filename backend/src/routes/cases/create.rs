//! `POST /cases`: filing a case, once per `Idempotency-Key`.

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use support_contract::cases::{Case, NewCase};
use support_contract::{problem_types as types, FieldCode, Phase};

use super::validate::{check, resolve, CaseForm};
use crate::auth::{ManageCases, RequireCapability};
use crate::cases;
use crate::clock;
use crate::extract::ApiJson;
use crate::problem::{field, ApiError};
use crate::routes::fields::idempotency_key_if_sent;
use crate::routes::location;
use crate::routes::responses::{Conflict, InputRefusals};
use crate::routes::versions::Versioned;
use crate::state::AppState;
use crate::store::cases as store;
use crate::tokens::sha256_hex;

/// Refuses case filing in the `setup` phase (`case-filing-closed`).
pub(crate) fn filing_open(phase: Phase) -> Result<(), ApiError> {
    if phase == Phase::Setup {
        return Err(ApiError::problem(
            types::CASE_FILING_CLOSED,
            StatusCode::FORBIDDEN,
            "Case filing is not open yet",
            "The portal is being set up; call support by phone meanwhile.",
        ));
    }
    Ok(())
}

/// The `Idempotency-Key` header: required, 1 to 200 visible ASCII characters.
fn idempotency_key(headers: &HeaderMap) -> Result<String, ApiError> {
    idempotency_key_if_sent(headers)?.ok_or_else(|| {
        ApiError::validation(vec![field(
            "Idempotency-Key",
            FieldCode::Required,
            "Send an Idempotency-Key header: the same key returns the same case.",
        )])
    })
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
        InputRefusals,
        (status = 409, response = Conflict),
    )
)]
pub async fn create_case(
    State(state): State<AppState>,
    RequireCapability { user, .. }: RequireCapability<ManageCases>,
    headers: HeaderMap,
    ApiJson(form): ApiJson<CaseForm>,
) -> Result<Response, ApiError> {
    filing_open(state.config.phase)?;
    let key = idempotency_key(&headers)?;
    let hash = sha256_hex(&serde_json::to_vec(&form).unwrap_or_default());
    // Outside the transaction, which holds the one database lock of every organisation.
    let checked = check(&user.user.id, form)?;
    let now = clock::now();
    let org = Some(user.organisation.id.as_str());
    let (status, case) = state.db.transaction(|tx| {
        if let Some((case_id, earlier)) = store::filed_with_key(tx, &user.user.id, &key)? {
            if earlier != hash {
                return Err(ApiError::idempotency_key_reused(&case_id));
            }
            return Ok((StatusCode::OK, cases::view(tx, &case_id, org, now)?));
        }
        let (new, attachments) = resolve(tx, user.member(), checked)?;
        let id = cases::file(tx, user.member(), &new, attachments, now)?;
        store::remember_key(tx, &user.user.id, &key, &id, &hash, now)?;
        Ok((StatusCode::CREATED, cases::view(tx, &id, org, now)?))
    })?;
    let url = location("cases", &case.summary.id);
    Ok((status, url, Versioned(case)).into_response())
}
