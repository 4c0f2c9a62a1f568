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
