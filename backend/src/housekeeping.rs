//! Work the server does on its own, once a minute: closing cases left awaiting the customer, and
//! deleting uploads that were never attached to a case or a chat message.

use std::time::Duration;

use crate::state::AppState;
use crate::store;

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
pub async fn run_once(state: &AppState, now: i64) -> store::Result<Round> {
    let (cases_closed, stored) = {
        let mut conn = state.db.conn();
        let closed = store::cases::auto_close(&mut conn, state.config.auto_close_days, now)?;
        let cutoff = now - UNLINKED_UPLOAD_DAYS * 86_400;
        (
            closed,
            store::attachments::forget_unlinked(&mut conn, cutoff)?,
        )
    };
    for path in &stored {
        if let Err(e) = tokio::fs::remove_file(state.data_dir.join(path)).await {
            if e.kind() != std::io::ErrorKind::NotFound {
                crate::log_line!("cannot delete an unattached upload: {e}");
            }
        }
    }
    Ok(Round {
        cases_closed,
        uploads_deleted: stored.len(),
    })
}

/// Runs [`run_once`] at startup and then every minute, for as long as the server runs.
pub async fn every_minute(state: AppState) {
    let mut every = tokio::time::interval(Duration::from_secs(60));
    loop {
        every.tick().await;
        match run_once(&state, crate::clock::now()).await {
            Ok(round) => {
                if round.cases_closed > 0 {
                    crate::log_line!(
                        "auto-closed {} case(s) awaiting the customer over {} days",
                        round.cases_closed,
                        state.config.auto_close_days
                    );
                }
                if round.uploads_deleted > 0 {
                    crate::log_line!(
                        "deleted {} upload(s) not attached within {UNLINKED_UPLOAD_DAYS} days",
                        round.uploads_deleted
                    );
                }
            }
            Err(e) => crate::log_line!("housekeeping failed: {e}"),
        }
    }
}
