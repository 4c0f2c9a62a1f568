//! Versions of the resources a client edits (cases, support users): the `ETag` a response
//! carries, and the `If-Match` an edit must send back, checked the same way everywhere.

use axum::extract::FromRequestParts;
use axum::http::{header, request::Parts, HeaderValue};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Serialize;
use support_contract::cases::Case;
use support_contract::users::SupportUser;
use support_contract::FieldCode;

use crate::problem::{field, ApiError};
use crate::store::cases::CaseRow;

/// A resource with a version: its `ETag`, and what `If-Match` is compared with.
pub trait Version {
    /// The version, bumped by every change.
    fn version(&self) -> i64;
}

impl Version for Case {
    fn version(&self) -> i64 {
        self.version
    }
}

impl Version for CaseRow {
    fn version(&self) -> i64 {
        self.version
    }
}

impl Version for SupportUser {
    fn version(&self) -> i64 {
        self.version
    }
}

/// A resource answered as JSON with its version as `ETag` (`"3"`).
pub struct Versioned<T>(pub T);

impl<T: Version + Serialize> IntoResponse for Versioned<T> {
    fn into_response(self) -> Response {
        let tag = HeaderValue::from_str(&format!("\"{}\"", self.0.version())).expect("digits");
        ([(header::ETAG, tag)], Json(self.0)).into_response()
    }
}

/// The version an edit expects, from `If-Match` (`"3"`, `W/"3"`, or `*` for any): 428 when the
/// header is missing, a field error (`invalid_etag`) when it names no version.
pub struct IfMatch(Option<i64>);

impl IfMatch {
    /// `found` if it is the version the client edits, 412 otherwise.
    pub fn check<T: Version>(&self, found: T) -> Result<T, ApiError> {
        match self.0 {
            Some(expected) if expected != found.version() => Err(ApiError::precondition_failed()),
            _ => Ok(found),
        }
    }
}

impl<S: Send + Sync> FromRequestParts<S> for IfMatch {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, ApiError> {
        let Some(v) = parts.headers.get(header::IF_MATCH) else {
            return Err(ApiError::precondition_required());
        };
        let v = v.to_str().unwrap_or("").trim();
        if v == "*" {
            return Ok(IfMatch(None));
        }
        v.trim_start_matches("W/")
            .trim_matches('"')
            .parse::<i64>()
            .map(|version| IfMatch(Some(version)))
            .map_err(|_| {
                ApiError::validation(vec![field(
                    "If-Match",
                    FieldCode::InvalidEtag,
                    "Send the ETag of what you edit, for example \"3\".",
                )])
            })
    }
}
