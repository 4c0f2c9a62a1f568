//! Uploaded files: which types and names are accepted, and which uploads a request may attach
//! (a case filing, a reply and a chat message all take the ids of files uploaded beforehand,
//! with `POST /attachments`, and all check them the same way).

use axum::http::StatusCode;
use rusqlite::Connection;
use support_contract::cases::Attachment;
use support_contract::problem_types as types;
use support_contract::{FieldCode, FieldError};

use crate::member::Member;
use crate::problem::{field, ApiError};
use crate::store::attachments as store;

/// The media types accepted (parameters such as `charset` aside). HAR files travel as JSON.
pub const ALLOWED_TYPES: &[&str] = &[
    "image/png",
    "image/jpeg",
    "image/gif",
    "image/webp",
    "application/pdf",
    "text/plain",
    "text/csv",
    "application/json",
    "application/har+json",
    "application/zip",
    "application/x-zip-compressed",
];

/// Longest file name, in characters.
pub const NAME_MAX: usize = 255;

/// The bidirectional-text controls: embeddings and overrides (U+202A to U+202E), isolates
/// (U+2066 to U+2069) and the marks (U+200E, U+200F, U+061C).
const BIDI_CONTROLS: &[char] = &[
    '\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}', '\u{202E}', '\u{2066}', '\u{2067}', '\u{2068}',
    '\u{2069}', '\u{200E}', '\u{200F}', '\u{061C}',
];

/// Whether `name` (trimmed, not empty) may name a stored file: at most [`NAME_MAX`] characters,
/// no control characters, no bidirectional-text controls.
///
/// Bidi controls are refused at upload rather than removed: a right-to-left override makes
/// `invoice\u{202E}fdp.exe` read as `invoiceexe.pdf` in the thread, in mails and in the saved
/// download, and a name silently changed on its way in would no longer be the file the user
/// chose. Real file names do not need them; a refusal tells the uploader why.
pub fn valid_name(name: &str) -> bool {
    name.chars().count() <= NAME_MAX
        && !name
            .chars()
            .any(|c| c.is_control() || BIDI_CONTROLS.contains(&c))
}

/// The media type of a `Content-Type` value, lowercased, if it is on the allow-list.
pub fn allowed_type(content_type: &str) -> Option<String> {
    let essence = content_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    ALLOWED_TYPES.contains(&essence.as_str()).then_some(essence)
}

/// The most files one request may attach.
pub const MAX_PER_REQUEST: usize = 20;

/// The field error of a request naming more than [`MAX_PER_REQUEST`] attachments.
pub fn too_many() -> FieldError {
    field(
        "attachments",
        FieldCode::TooMany,
        "Attach at most 20 files at once.",
    )
}

/// The most uploads one user may hold unattached (waiting for a case, a reply or a chat
/// message): twice [`MAX_PER_REQUEST`], so that a full case draft and a full reply draft fit
/// together. Uploads nobody attaches expire after `housekeeping::UNLINKED_UPLOAD_DAYS`.
pub const MAX_UNATTACHED_FILES: u64 = 2 * MAX_PER_REQUEST as u64;

/// The most bytes one user may hold unattached, given the per-file limit: a case filing with
/// [`MAX_PER_REQUEST`] files, each at the limit (500 MiB with the default 25 MiB). A fixed
/// figure would refuse such a filing, or bound nothing once an operator raises the limit.
pub fn max_unattached_bytes(file_limit: u64) -> u64 {
    MAX_PER_REQUEST as u64 * file_limit
}

/// The refusal of an upload over the quota: 429, as the uploads held count against the user
/// until they are attached or expire, like requests against a rate.
pub fn quota_exceeded(file_limit: u64) -> ApiError {
    ApiError::problem(
        types::UPLOAD_QUOTA_EXCEEDED,
        StatusCode::TOO_MANY_REQUESTS,
        "Too many unattached uploads",
        &format!(
            "You can hold at most {MAX_UNATTACHED_FILES} uploaded files ({} MB) that are not \
             attached to a case, a reply or a chat message yet. Send what they are for first; \
             unattached files are deleted after a few days.",
            max_unattached_bytes(file_limit) / (1024 * 1024)
        ),
    )
}

/// How many more bytes `uploader` may upload now (0: none, the quota is reached), with
/// `file_limit` the per-file limit.
pub fn upload_room(conn: &Connection, uploader: &str, file_limit: u64) -> Result<u64, ApiError> {
    let (files, bytes) = store::unlinked_usage(conn, uploader)?;
    if files >= MAX_UNATTACHED_FILES {
        return Ok(0);
    }
    Ok(max_unattached_bytes(file_limit).saturating_sub(bytes))
}

/// The uploads `ids` names: the uploader's own, held by no case or chat message yet. A bad list
/// is a field error on `attachments` (pushed to `errors`, with no attachments returned).
pub fn unlinked(
    conn: &Connection,
    uploader: Member<'_>,
    ids: &[String],
    errors: &mut Vec<FieldError>,
) -> Result<Vec<Attachment>, ApiError> {
    if ids.len() > MAX_PER_REQUEST {
        errors.push(too_many());
        return Ok(Vec::new());
    }
    match store::unlinked(conn, &uploader.organisation.id, &uploader.user.id, ids)? {
        Some(found) => Ok(found),
        None => {
            errors.push(field(
                "attachments",
                FieldCode::UnknownAttachment,
                "An attachment was not found; upload it again.",
            ));
            Ok(Vec::new())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn types_are_checked_by_essence() {
        assert_eq!(
            allowed_type("Text/Plain; charset=utf-8").as_deref(),
            Some("text/plain")
        );
        assert_eq!(allowed_type("text/html"), None);
        assert_eq!(allowed_type("application/x-msdownload"), None);
        assert_eq!(allowed_type(""), None);
    }

    #[test]
    fn names_with_control_or_bidi_characters_are_refused() {
        assert!(valid_name("Screenshot 2026-01-31 (1).png"));
        assert!(valid_name("تقرير.pdf"), "right-to-left letters are fine");
        assert!(valid_name(&"x".repeat(NAME_MAX)));
        assert!(!valid_name(&"x".repeat(NAME_MAX + 1)));
        assert!(!valid_name("a\nb.txt"));
        for bidi in BIDI_CONTROLS {
            assert!(!valid_name(&format!("invoice{bidi}fdp.exe")), "{bidi:?}");
        }
    }
}
