//! Uploaded files: which types and names are accepted, and which uploads a request may attach
//! (a case filing, a reply and a chat message all take the ids of files uploaded beforehand,
//! with `POST /attachments`, and all check them the same way).

use rusqlite::Connection;
use support_contract::cases::Attachment;
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

/// The uploads `ids` names: the uploader's own, held by no case or chat message yet. A bad list
/// is a field error on `attachments` (pushed to `errors`, with no attachments returned).
pub fn unlinked(
    conn: &Connection,
    uploader: Member<'_>,
    ids: &[String],
    errors: &mut Vec<FieldError>,
) -> Result<Vec<Attachment>, ApiError> {
    if ids.len() > MAX_PER_REQUEST {
        errors.push(field(
            "attachments",
            FieldCode::TooMany,
            "Attach at most 20 files at once.",
        ));
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
}
