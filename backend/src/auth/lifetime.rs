//! How long a session lasts: an idle timeout that every use renews, and an absolute lifetime
//! from sign-in that no use extends (a stolen cookie, or a session left open on a shared
//! computer, works for a bounded time at most).

use rusqlite::Connection;

use super::CurrentUser;
use crate::db::Db;
use crate::state::AppState;
use crate::store;
use crate::store::sessions::{self, SessionRow};
use crate::tokens::{random_token, token_hash};

/// Renewing the expiry costs a write; skip it when the last renewal is this recent.
const RENEW_AFTER_SECS: i64 = 60;
/// The user's last activity is recorded at most this often, for the same reason.
const ACTIVITY_EVERY_SECS: i64 = 60;

/// The limits a session is held to, and the moment they are judged at.
#[derive(Clone, Copy, Debug)]
pub struct Lifetime {
    /// Seconds without use after which a session ends (`--session-ttl-minutes`).
    pub idle: i64,
    /// Seconds after sign-in after which a session ends however it is used
    /// (`--session-max-hours`).
    pub max: i64,
    /// Unix seconds now.
    pub now: i64,
}

impl Lifetime {
    /// The configured limits, now by the state's clock.
    pub fn of(state: &AppState) -> Self {
        Lifetime {
            idle: state.config.session_ttl.as_secs() as i64,
            max: state.config.session_max.as_secs() as i64,
            now: state.clock.now(),
        }
    }

    /// When a session opened at `created_at` ends if it is used now: the idle timeout from now,
    /// but never past its absolute end.
    fn expiry(&self, created_at: i64) -> i64 {
        (self.now + self.idle).min(created_at + self.max)
    }

    /// Whether a session has ended: idle too long, or open too long. The absolute end is
    /// checked on its own too, so that a lowered `--session-max-hours` applies to the sessions
    /// already open.
    fn ended(&self, row: &SessionRow) -> bool {
        row.expires_at <= self.now || row.created_at + self.max <= self.now
    }
}

/// Creates a session for a user and returns its token (256 random bits).
pub fn create_session(
    conn: &Connection,
    user_id: &str,
    lifetime: Lifetime,
) -> store::Result<String> {
    let token = random_token(32);
    let now = lifetime.now;
    sessions::insert(
        conn,
        &token_hash(&token),
        user_id,
        now,
        lifetime.expiry(now),
    )?;
    Ok(token)
}

/// Deletes the session of a token, if any.
pub fn delete_session(conn: &Connection, token: &str) -> store::Result<()> {
    sessions::delete(conn, &token_hash(token))
}

fn current_user(row: SessionRow, lifetime: Lifetime) -> CurrentUser {
    CurrentUser {
        expires_at: row.expires_at.min(row.created_at + lifetime.max),
        user: row.user,
        organisation: row.organisation,
    }
}

/// Looks up a token's session, deleting it when it has ended and renewing it otherwise (up to
/// its absolute end); records the user's activity (`last_active_at`, at most once a minute:
/// every authenticated request comes here, and a write per request would be wasted).
pub fn resume_session(
    conn: &Connection,
    token: &str,
    lifetime: Lifetime,
) -> store::Result<Option<CurrentUser>> {
    let hash = token_hash(token);
    let Some(mut row) = sessions::find(conn, &hash)? else {
        return Ok(None);
    };
    let now = lifetime.now;
    if lifetime.ended(&row) {
        sessions::delete(conn, &hash)?;
        return Ok(None);
    }
    let (renew, touch) = due(&row, lifetime);
    if renew {
        row.expires_at = lifetime.expiry(row.created_at);
        sessions::renew(conn, &hash, row.expires_at)?;
    }
    if touch {
        sessions::touch_activity(conn, &row.user.id, now)?;
    }
    Ok(Some(current_user(row, lifetime)))
}

/// What [`resume_session`] has to write for a live session: (renew its expiry, record the
/// user's activity).
fn due(row: &SessionRow, lifetime: Lifetime) -> (bool, bool) {
    let renew = lifetime.expiry(row.created_at) - row.expires_at >= RENEW_AFTER_SECS;
    let touch = row
        .last_active_at
        .is_none_or(|t| lifetime.now - t >= ACTIVITY_EVERY_SECS);
    (renew, touch)
}

/// [`resume_session`] for a request: the session is looked up on a reader, and only when it
/// has ended or has something to write (at most about once a minute a session) does the
/// writer do it all again in one transaction. Most requests never wait for the writer.
pub fn resume(db: &Db, token: &str, lifetime: Lifetime) -> store::Result<Option<CurrentUser>> {
    let found = sessions::find(&db.read(), &token_hash(token))?;
    match found {
        None => Ok(None),
        Some(row) if !lifetime.ended(&row) && due(&row, lifetime) == (false, false) => {
            Ok(Some(current_user(row, lifetime)))
        }
        Some(_) => db.transaction(|tx| resume_session(tx, token, lifetime)),
    }
}

/// The session of a token as it stands, without renewing it or recording activity: a chat
/// stream re-checks its session on every heartbeat, and an open socket alone must not keep an
/// idle session alive. `None` once the session was deleted (sign-out, removal, a new password)
/// or has ended.
pub fn peek_session(
    conn: &Connection,
    token: &str,
    lifetime: Lifetime,
) -> store::Result<Option<CurrentUser>> {
    let found = sessions::find(conn, &token_hash(token))?;
    Ok(found
        .filter(|row| !lifetime.ended(row))
        .map(|row| current_user(row, lifetime)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn use_renews_up_to_the_absolute_end_and_no_further() {
        let lifetime = Lifetime {
            idle: 100,
            max: 1_000,
            now: 500,
        };
        assert_eq!(lifetime.expiry(0), 600);
        assert_eq!(lifetime.expiry(-450), 550, "capped at the absolute end");
    }
}
