//! `/attachments`: files uploaded before they are attached to a case or a comment. The body is
//! streamed to a file under the data directory, named by a random id: the user's file name is
//! data, never part of a path. The size limit is enforced while streaming.

use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use percent_encoding::{percent_decode_str, utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};
use support_contract::cases::Attachment;
use support_contract::problem_types as types;
use support_contract::FieldCode;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

use crate::attachments::{allowed_type, quota_exceeded, upload_room, valid_name};
use crate::auth::{ManageCases, RequireCapability};
use crate::clock;
use crate::extract::next_chunk;
use crate::problem::{field, ApiError};
use crate::routes::responses::{
    AttachmentTooLarge, AttachmentTypeNotAllowed, InputRefusals, ItemRefusals, UploadQuotaExceeded,
};
use crate::state::AppState;
use crate::store::attachments::{self as store, NewUpload};
use crate::tokens::new_id;

fn too_large(limit: u64) -> ApiError {
    ApiError::problem(
        types::ATTACHMENT_TOO_LARGE,
        StatusCode::PAYLOAD_TOO_LARGE,
        "File too large",
        &format!("Files can be at most {} MB.", limit / (1024 * 1024)),
    )
}

/// Removes a partial upload unless disarmed.
struct PartialFile(Option<std::path::PathBuf>);

impl Drop for PartialFile {
    fn drop(&mut self) {
        if let Some(p) = self.0.take() {
            let _ = std::fs::remove_file(p);
        }
    }
}

/// Upload a file to attach to a case or comment afterwards (by its id, within the same user).
///
/// The body is the file itself, with the file's `Content-Type` (images, PDF, text, CSV, JSON or
/// HAR, ZIP) and its name in `X-File-Name`, percent-encoded UTF-8: at most 255 characters, with
/// no control characters and no text-direction controls (U+202A to U+202E, U+2066 to U+2069,
/// U+200E, U+200F, U+061C), else `invalid_name`. Over the size limit (25 MB by default) the
/// upload is refused, even while streaming.
///
/// Each user may hold at most 40 uploads not yet attached to a case, a reply or a chat message,
/// together at most 20 times the size limit (500 MB by default): past that, 429
/// `urn:support-portal:problem:upload-quota-exceeded` until some are attached or expire
/// (unattached uploads are deleted after 7 days).
#[utoipa::path(
    post,
    path = "/attachments",
    tag = "attachments",
    security(("session_cookie" = [])),
    params(("X-File-Name" = String, Header, description = "The file's name, percent-encoded UTF-8")),
    request_body(content = String, content_type = "application/octet-stream",
        description = "The file's bytes, sent with the file's own Content-Type"),
    responses(
        (status = 201, description = "Stored", body = Attachment),
        InputRefusals,
        (status = 413, response = AttachmentTooLarge),
        (status = 415, response = AttachmentTypeNotAllowed),
        (status = 429, response = UploadQuotaExceeded),
    )
)]
pub async fn upload_attachment(
    State(state): State<AppState>,
    RequireCapability { user, .. }: RequireCapability<ManageCases>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let limit = state.config.max_attachment_bytes;
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let Some(content_type) = allowed_type(content_type) else {
        return Err(ApiError::problem(
            types::ATTACHMENT_TYPE_NOT_ALLOWED,
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "File type not allowed",
            "Attach images (PNG, JPEG, GIF, WebP), PDF, text, CSV, JSON or HAR, or ZIP files.",
        ));
    };
    let raw_name = headers
        .get("x-file-name")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let name = percent_decode_str(raw_name).decode_utf8();
    let name = match name {
        Ok(n) if !n.trim().is_empty() => n.trim().to_string(),
        Ok(_) => {
            return Err(ApiError::validation(vec![field(
                "X-File-Name",
                FieldCode::Required,
                "Send the file's name in X-File-Name.",
            )]))
        }
        Err(_) => {
            return Err(ApiError::validation(vec![field(
                "X-File-Name",
                FieldCode::InvalidName,
                "Percent-encode the file name as UTF-8.",
            )]))
        }
    };
    if !valid_name(&name) {
        return Err(ApiError::validation(vec![field(
            "X-File-Name",
            FieldCode::InvalidName,
            "Use a file name of at most 255 printable characters, without text-direction controls.",
        )]));
    }
    // A user at the quota is refused before the body is stored; `room` bounds what is read.
    let room = upload_room(&state.db.read(), &user.user.id, limit)?;
    if room == 0 {
        return Err(quota_exceeded(limit));
    }
    // The limit is checked on the bytes as they arrive, not on `Content-Length`: answering before
    // reading the body would break the connection under clients still sending it.
    let id = new_id("att");
    tokio::fs::create_dir_all(&state.data_dir)
        .await
        .map_err(|e| {
            crate::log_line!("cannot create {}: {e}", state.data_dir.display());
            ApiError::server()
        })?;
    let path = state.data_dir.join(&id);
    let mut partial = PartialFile(Some(path.clone()));
    let mut file = tokio::fs::File::create(&path).await.map_err(|e| {
        crate::log_line!("cannot create {}: {e}", path.display());
        ApiError::server()
    })?;
    let mut size: u64 = 0;
    let mut body = body;
    while let Some(data) = next_chunk(&mut body).await? {
        size += data.len() as u64;
        if size > limit {
            return Err(too_large(limit));
        }
        if size > room {
            return Err(quota_exceeded(limit));
        }
        file.write_all(&data).await.map_err(|e| {
            crate::log_line!("cannot write {}: {e}", path.display());
            ApiError::server()
        })?;
    }
    file.flush().await.map_err(|_| ApiError::server())?;
    drop(file);
    if size == 0 {
        return Err(ApiError::validation(vec![field(
            "body",
            FieldCode::Required,
            "The file is empty.",
        )]));
    }
    let upload = NewUpload {
        id: &id,
        organisation_id: &user.organisation.id,
        uploader_id: &user.user.id,
        name: &name,
        size,
        content_type: &content_type,
        at: clock::now(),
    };
    let attachment = state.db.transaction(|tx| {
        // Again with the file's size: another upload of the user's may have ended meanwhile.
        if size > upload_room(tx, &user.user.id, limit)? {
            return Err(quota_exceeded(limit));
        }
        Ok(store::insert(tx, &upload)?)
    })?;
    partial.0 = None;
    Ok((StatusCode::CREATED, Json(attachment)).into_response())
}

/// Characters kept as they are in `filename*` (RFC 8187 attr-char).
const ATTR_CHAR: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'!')
    .remove(b'#')
    .remove(b'$')
    .remove(b'&')
    .remove(b'+')
    .remove(b'-')
    .remove(b'.')
    .remove(b'^')
    .remove(b'_')
    .remove(b'`')
    .remove(b'|')
    .remove(b'~');

/// `Content-Disposition: attachment` with the name as data: an ASCII fallback and the exact
/// UTF-8 name in `filename*`.
pub fn content_disposition(name: &str) -> HeaderValue {
    let fallback: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || " ._-()".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect();
    let encoded = utf8_percent_encode(name, ATTR_CHAR);
    HeaderValue::from_str(&format!(
        "attachment; filename=\"{fallback}\"; filename*=UTF-8''{encoded}"
    ))
    .expect("only visible ASCII")
}

/// Download an attachment: the caller's own upload, or a file of a case of their organisation.
/// Always as a download (`Content-Disposition: attachment`), never rendered in the page.
#[utoipa::path(
    get,
    path = "/attachments/{id}",
    tag = "attachments",
    security(("session_cookie" = [])),
    params(("id" = String, Path, description = "Attachment id")),
    responses(
        (status = 200, description = "The file, with the type it was uploaded with",
            content(("*/*")),
            headers(("Content-Disposition" = String, description = "`attachment; filename*=UTF-8''…`"))),
        ItemRefusals,
    )
)]
pub async fn download_attachment(
    State(state): State<AppState>,
    RequireCapability { user, .. }: RequireCapability<ManageCases>,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let (org, me) = (&user.organisation.id, &user.user.id);
    let found = store::download(&state.db.read(), org, me, &id)?;
    let unreadable = |e: std::io::Error| {
        crate::log_line!("attachment {id} unreadable: {e}");
        ApiError::not_found()
    };
    let file = tokio::fs::File::open(state.data_dir.join(&found.stored_path))
        .await
        .map_err(unreadable)?;
    let length = file.metadata().await.map_err(unreadable)?.len();
    // Streamed in chunks: a download never holds the whole file in memory.
    let chunks = futures_util::stream::unfold(Some(file), |file| async move {
        let mut file = file?;
        let mut buf = vec![0u8; 64 * 1024];
        match file.read(&mut buf).await {
            Ok(0) => None,
            Ok(n) => {
                buf.truncate(n);
                Some((Ok(buf), Some(file)))
            }
            Err(e) => Some((Err(e), None)),
        }
    });
    let content_type = HeaderValue::from_str(&found.content_type)
        .unwrap_or(HeaderValue::from_static("application/octet-stream"));
    Ok((
        [
            (header::CONTENT_TYPE, content_type),
            (
                header::CONTENT_DISPOSITION,
                content_disposition(&found.name),
            ),
            (
                header::X_CONTENT_TYPE_OPTIONS,
                HeaderValue::from_static("nosniff"),
            ),
            (header::CONTENT_LENGTH, HeaderValue::from(length)),
        ],
        Body::from_stream(chunks),
    )
        .into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_encoded_never_trusted() {
        let h = content_disposition("../../etc/passwd \"x\".txt");
        assert_eq!(
            h.to_str().unwrap(),
            "attachment; filename=\".._.._etc_passwd _x_.txt\"; filename*=UTF-8''..%2F..%2Fetc%2Fpasswd%20%22x%22.txt"
        );
        let h = content_disposition("résumé.pdf");
        assert!(h.to_str().unwrap().ends_with("UTF-8''r%C3%A9sum%C3%A9.pdf"));
    }
}
