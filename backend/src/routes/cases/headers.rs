//! The headers of a case exchange: `ETag`, `If-Match`, `Idempotency-Key` and `Location`.

use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use support_contract::cases::Case;
use support_contract::FieldCode;

use crate::problem::{field, ApiError};

/// The `ETag` of a version: `"3"`.
pub(crate) fn etag(version: i64) -> HeaderValue {
    HeaderValue::from_str(&format!("\"{version}\"")).expect("digits")
}

/// A case with its `ETag`.
pub(crate) fn case_response(status: StatusCode, case: Case) -> Response {
    let tag = etag(case.version);
    (status, [(header::ETAG, tag)], Json(case)).into_response()
}

pub(crate) fn location(case_id: &str) -> HeaderValue {
    HeaderValue::from_str(&format!("/api/v1/cases/{case_id}")).expect("ids are URL-safe")
}

/// The `Idempotency-Key` header: required, 1 to 200 visible ASCII characters.
pub(super) fn idempotency_key(headers: &HeaderMap) -> Result<String, ApiError> {
    let key = headers
        .get("idempotency-key")
        .and_then(|v| v.to_str().ok())
        .map(str::trim)
        .unwrap_or("");
    if key.is_empty() {
        return Err(ApiError::validation(vec![field(
            "Idempotency-Key",
            FieldCode::Required,
            "Send an Idempotency-Key header: the same key returns the same case.",
        )]));
    }
    if key.len() > 200 {
        return Err(ApiError::validation(vec![field(
            "Idempotency-Key",
            FieldCode::TooLong,
            "Use at most 200 characters.",
        )]));
    }
    Ok(key.to_string())
}

/// The version an edit expects, from `If-Match` (`"3"`, `W/"3"` or `*` for any).
pub(crate) fn if_match(headers: &HeaderMap) -> Result<Option<i64>, ApiError> {
    let Some(v) = headers.get(header::IF_MATCH) else {
        return Err(ApiError::precondition_required());
    };
    let v = v.to_str().unwrap_or("").trim();
    if v == "*" {
        return Ok(None);
    }
    v.trim_start_matches("W/")
        .trim_matches('"')
        .parse::<i64>()
        .map(Some)
        .map_err(|_| {
            ApiError::validation(vec![field(
                "If-Match",
                FieldCode::InvalidEtag,
                "Send the ETag of what you edit, for example \"3\".",
            )])
        })
}
