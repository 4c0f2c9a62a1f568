//! Which uploads a request may attach: a case filing, a reply and a chat message all take the
//! ids of files uploaded beforehand (`POST /attachments`), and all check them the same way.

use rusqlite::Connection;
use support_contract::cases::Attachment;
use support_contract::{FieldCode, FieldError};

use crate::member::Member;
use crate::problem::{field, ApiError};
use crate::store::attachments as store;

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
