//! Work the server does on its own, once a minute: closing cases left awaiting the customer, and
//! deleting uploads that were never attached to a case or a chat message.

use std::time::Duration;

use rusqlite::params;

use crate::state::AppState;

/// How long an upload may wait to be attached to a case or a comment before it is deleted. A
/// draft keeps its uploads' ids, so this is long enough for a draft left over a weekend.
pub const UNLINKED_UPLOAD_DAYS: i64 = 7;

/// What one round did.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Round {
    pub cases_closed: usize,
    pub uploads_deleted: usize,
}

/// One round of housekeeping at `now` (unix seconds).
pub async fn run_once(state: &AppState, now: i64) -> rusqlite::Result<Round> {
    let (cases_closed, stored) = {
        let mut conn = state.db.conn();
        let closed = crate::cases::auto_close(&mut conn, state.config.auto_close_days, now)?;
        (closed, forget_unlinked_uploads(&mut conn, now)?)
    };
    for path in &stored {
        if let Err(e) = tokio::fs::remove_file(state.data_dir.join(path)).await {
            if e.kind() != std::io::ErrorKind::NotFound {
                eprintln!("cannot delete an unattached upload: {e}");
            }
        }
    }
    Ok(Round {
        cases_closed,
        uploads_deleted: stored.len(),
    })
}

/// Deletes the records of uploads older than [`UNLINKED_UPLOAD_DAYS`] that no case or chat
/// message holds, and returns their stored file names for the caller to delete.
fn forget_unlinked_uploads(
    conn: &mut rusqlite::Connection,
    now: i64,
) -> rusqlite::Result<Vec<String>> {
    let tx = conn.transaction()?;
    let cutoff = now - UNLINKED_UPLOAD_DAYS * 86_400;
    let stored = {
        let mut stmt = tx.prepare(
            "DELETE FROM attachments WHERE case_id IS NULL AND uploaded_at < ?1 \
             AND NOT EXISTS (SELECT 1 FROM chat_attachments c WHERE c.attachment_id = attachments.id) \
             RETURNING stored_path",
        )?;
        let rows = stmt.query_map(params![cutoff], |r| r.get(0))?;
        rows.collect::<Result<Vec<String>, _>>()?
    };
    tx.commit()?;
    Ok(stored)
}

/// Runs [`run_once`] at startup and then every minute, for as long as the server runs.
pub async fn every_minute(state: AppState) {
    let mut every = tokio::time::interval(Duration::from_secs(60));
    loop {
        every.tick().await;
        match run_once(&state, crate::clock::now()).await {
            Ok(round) => {
                if round.cases_closed > 0 {
                    eprintln!(
                        "auto-closed {} case(s) awaiting the customer over {} days",
                        round.cases_closed, state.config.auto_close_days
                    );
                }
                if round.uploads_deleted > 0 {
                    eprintln!(
                        "deleted {} upload(s) not attached within {UNLINKED_UPLOAD_DAYS} days",
                        round.uploads_deleted
                    );
                }
            }
            Err(e) => eprintln!("housekeeping failed: {e}"),
        }
    }
}
