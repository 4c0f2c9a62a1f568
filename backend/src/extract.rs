//! Body and query extractors whose rejections are problem details instead of axum's plain text,
//! and the chunks of a streamed upload.

use axum::body::{Body, Bytes};
use axum::extract::{FromRequest, FromRequestParts, Query, Request};
use axum::http::request::Parts;
use axum::http::StatusCode;
use axum::Json;
use http_body_util::BodyExt;
use serde::de::DeserializeOwned;

use crate::problem::ApiError;

/// The largest JSON request body, in bytes; a larger one is refused with 413 before it is
/// parsed. Every field has its own limit far below (the longest, a help article's body, is
/// 100,000 characters); this one bounds what a request holds in memory before those are
/// checked. Uploads and imports stream their bodies under their own limits.
pub const JSON_BODY_MAX: usize = 1024 * 1024;

/// A JSON request body; a wrong content type or unreadable JSON is a validation problem, a body
/// over [`JSON_BODY_MAX`] a 413.
pub struct ApiJson<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for ApiJson<T> {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, ApiError> {
        let Json(value) = Json::<T>::from_request(req, state).await?;
        Ok(ApiJson(value))
    }
}

/// Query parameters; unreadable ones are a validation problem.
pub struct ApiQuery<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequestParts<S> for ApiQuery<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        let Query(value) = Query::<T>::from_request_parts(parts, state).await?;
        Ok(ApiQuery(value))
    }
}

/// The next chunk of a streamed request body, `None` at its end; a broken upload is a problem.
pub async fn next_chunk(body: &mut Body) -> Result<Option<Bytes>, ApiError> {
    while let Some(frame) = body.frame().await {
        let frame = frame.map_err(|_| {
            ApiError::malformed(
                StatusCode::BAD_REQUEST,
                "The upload was interrupted.".into(),
            )
        })?;
        if let Ok(data) = frame.into_data() {
            return Ok(Some(data));
        }
    }
    Ok(None)
}
