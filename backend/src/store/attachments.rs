//! Uploaded files: their records (the bytes live in the data directory, under the id), which
//! of them a user may still attach, and the uploads nobody attached in time.

use rusqlite::{params, Connection, OptionalExtension, Row};
use support_contract::cases::Attachment;

use super::{found, Result};
use crate::clock::ts;

/// An upload to record; its file is already stored under `id`.
pub struct NewUpload<'a> {
    /// The upload's id, which is also its file's name in the data directory.
    pub id: &'a str,
    /// The uploader's organisation.
    pub organisation_id: &'a str,
    /// Who uploaded it: only they may attach it.
    pub uploader_id: &'a str,
    /// The file's name as the user gave it (data, never a path).
    pub name: &'a str,
    /// In bytes.
    pub size: u64,
    /// The checked media type.
    pub content_type: &'a str,
    /// Unix seconds.
    pub at: i64,
}

/// The columns [`attachment`] reads, for `SELECT … FROM attachments a`.
pub(crate) const ATTACHMENT_COLUMNS: &str = "a.id, a.name, a.size, a.content_type, a.uploaded_at";

/// An attachment from a row selected with [`ATTACHMENT_COLUMNS`].
pub(crate) fn attachment(r: &Row<'_>) -> rusqlite::Result<Attachment> {
    Ok(Attachment {
        id: r.get("id")?,
        name: r.get("name")?,
        size: r.get::<_, i64>("size")? as u64,
        content_type: r.get("content_type")?,
        uploaded_at: ts(r.get("uploaded_at")?),
    })
}

/// Records an upload, attached to nothing yet, and returns it.
pub fn insert(conn: &Connection, new: &NewUpload<'_>) -> Result<Attachment> {
    conn.execute(
        "INSERT INTO attachments (id, organisation_id, uploader_id, name, size, content_type, \
         uploaded_at, stored_path) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?1)",
        params![
            new.id,
            new.organisation_id,
            new.uploader_id,
            new.name,
            new.size as i64,
            new.content_type,
            new.at
        ],
    )?;
    Ok(Attachment {
        id: new.id.to_string(),
        name: new.name.to_string(),
        size: new.size,
        content_type: new.content_type.to_string(),
        uploaded_at: ts(new.at),
    })
}

/// Attachments by id that `uploader` uploaded in `org` and that neither a case nor a chat
/// message holds yet, each once. `None` when any of them is not such an attachment.
pub fn unlinked(
    conn: &Connection,
    org: &str,
    uploader: &str,
    ids: &[String],
) -> Result<Option<Vec<Attachment>>> {
    let mut found = Vec::new();
    let sql = format!(
        "SELECT {ATTACHMENT_COLUMNS} FROM attachments a \
         WHERE a.id = ?1 AND a.organisation_id = ?2 AND a.uploader_id = ?3 AND a.case_id IS NULL \
         AND NOT EXISTS (SELECT 1 FROM chat_attachments c WHERE c.attachment_id = a.id)"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    for id in ids {
        if found.iter().any(|a: &Attachment| &a.id == id) {
            continue;
        }
        match stmt
            .query_row(params![id, org, uploader], attachment)
            .optional()?
        {
            Some(a) => found.push(a),
            None => return Ok(None),
        }
    }
    Ok(Some(found))
}

/// How many uploads `uploader` holds that neither a case nor a chat message holds yet, and
/// their bytes: what the upload quota counts.
pub fn unlinked_usage(conn: &Connection, uploader: &str) -> Result<(u64, u64)> {
    let (files, bytes): (i64, i64) = conn.query_row(
        "SELECT count(*) AS files, coalesce(sum(a.size), 0) AS bytes FROM attachments a \
         WHERE a.uploader_id = ?1 AND a.case_id IS NULL \
         AND NOT EXISTS (SELECT 1 FROM chat_attachments c WHERE c.attachment_id = a.id)",
        params![uploader],
        |r| Ok((r.get("files")?, r.get("bytes")?)),
    )?;
    Ok((files.max(0) as u64, bytes.max(0) as u64))
}

/// Links attachments to a case.
pub fn link_to_case(conn: &Connection, case_id: &str, attachments: &[Attachment]) -> Result<()> {
    for a in attachments {
        conn.execute(
            "UPDATE attachments SET case_id = ?2 WHERE id = ?1",
            params![a.id, case_id],
        )?;
    }
    Ok(())
}

/// A file to download.
pub struct Download {
    /// The file's name as uploaded.
    pub name: String,
    /// The media type it was uploaded with.
    pub content_type: String,
    /// The file's name in the data directory.
    pub stored_path: String,
}

/// An attachment of the organisation that `user_id` may download: their own upload, or a
/// file of a case.
pub fn download(conn: &Connection, org: &str, user_id: &str, id: &str) -> Result<Download> {
    found(
        conn.query_row(
            "SELECT name, content_type, stored_path FROM attachments \
             WHERE id = ?1 AND organisation_id = ?2 AND (uploader_id = ?3 OR case_id IS NOT NULL)",
            params![id, org, user_id],
            |r| {
                Ok(Download {
                    name: r.get("name")?,
                    content_type: r.get("content_type")?,
                    stored_path: r.get("stored_path")?,
                })
            },
        )
        .optional()?,
    )
}

/// Deletes the records of uploads from before `cutoff` (Unix seconds) that no case or chat
/// message holds, and returns their stored file names for the caller to delete.
pub fn forget_unlinked(conn: &mut Connection, cutoff: i64) -> Result<Vec<String>> {
    let tx = conn.transaction()?;
    let stored = {
        let mut stmt = tx.prepare(
            "DELETE FROM attachments WHERE case_id IS NULL AND uploaded_at < ?1 \
             AND NOT EXISTS (SELECT 1 FROM chat_attachments c WHERE c.attachment_id = attachments.id) \
             RETURNING stored_path",
        )?;
        let rows = stmt.query_map(params![cutoff], |r| r.get("stored_path"))?;
        rows.collect::<rusqlite::Result<Vec<String>>>()?
    };
    tx.commit()?;
    Ok(stored)
}
