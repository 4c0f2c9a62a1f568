//! The SQLite database: opening it, numbered migrations, and the SQL functions queries use.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, MutexGuard, TryLockError};

use rusqlite::functions::FunctionFlags;
use rusqlite::{params, Connection};

use crate::clock::now_rfc3339;

/// The migrations in `backend/migrations/`, applied in this order and recorded by name.
pub const MIGRATIONS: &[(&str, &str)] = &[
    (
        "0001_initial",
        include_str!("../../migrations/0001_initial.sql"),
    ),
    (
        "0002_cases",
        include_str!("../../migrations/0002_cases.sql"),
    ),
    (
        "0003_support_users",
        include_str!("../../migrations/0003_support_users.sql"),
    ),
    ("0004_chat", include_str!("../../migrations/0004_chat.sql")),
    (
        "0005_callbacks",
        include_str!("../../migrations/0005_callbacks.sql"),
    ),
    (
        "0006_history",
        include_str!("../../migrations/0006_history.sql"),
    ),
    ("0007_help", include_str!("../../migrations/0007_help.sql")),
    (
        "0008_learning",
        include_str!("../../migrations/0008_learning.sql"),
    ),
    (
        "0009_memberships",
        include_str!("../../migrations/0009_memberships.sql"),
    ),
    (
        "0010_audit_rows",
        include_str!("../../migrations/0010_audit_rows.sql"),
    ),
    ("0011_meta", include_str!("../../migrations/0011_meta.sql")),
    (
        "0012_upload_quota",
        include_str!("../../migrations/0012_upload_quota.sql"),
    ),
    (
        "0013_request_keys",
        include_str!("../../migrations/0013_request_keys.sql"),
    ),
];

/// The first line of a migration that must run with foreign keys off: one that rebuilds a
/// table other tables reference (SQLite's way of changing a constraint). The pragma cannot
/// change inside a transaction, so [`migrate`] turns it off before the migration's transaction,
/// runs `PRAGMA foreign_key_check` before committing (a row it reports fails the migration),
/// and restores it afterwards.
pub const FOREIGN_KEYS_OFF: &str = "-- foreign_keys: off";

/// Read-only connections next to the writer, for a database file: enough for the reads of two
/// cores' worth of requests, and a few spare for reads that wait on the disk.
pub const READERS: usize = 4;

/// The database: one connection that writes, behind a mutex (SQLite takes one writer at a
/// time), and for a database file [`READERS`] read-only connections. In WAL mode a reader sees
/// the last committed state while the writer writes, so the busiest reads (every request's
/// session, lists, a case, chat messages) never wait for a write and its commit's `fsync`,
/// which is most of a write's time on a real disk. A `:memory:` database has no readers: its
/// reads share the writer, as they all did before.
pub struct Db {
    writer: Mutex<Connection>,
    readers: Vec<Mutex<Connection>>,
    /// Where [`Db::read`] starts looking for a free reader.
    next: AtomicUsize,
}

impl Db {
    /// Opens (or creates) the database at `path` (`:memory:` for a throwaway one) and migrates it.
    pub fn open(path: &str) -> rusqlite::Result<Db> {
        let conn = if path == ":memory:" {
            Connection::open_in_memory()?
        } else {
            Connection::open(path)?
        };
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        add_functions(&conn)?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        if path != ":memory:" {
            conn.pragma_update(None, "journal_mode", "WAL")?;
        }
        let mut conn = conn;
        migrate(&mut conn)?;
        // Opened after the migrations: a reader never sees an older schema.
        let readers = if path == ":memory:" {
            Vec::new()
        } else {
            (0..READERS)
                .map(|_| open_reader(path).map(Mutex::new))
                .collect::<rusqlite::Result<_>>()?
        };
        Ok(Db {
            writer: Mutex::new(conn),
            readers,
            next: AtomicUsize::new(0),
        })
    }

    /// The writing connection, for writes and for reads that must see the writer's own state.
    /// A panic while holding it leaves SQLite consistent (transactions roll back), so a
    /// poisoned lock is still usable.
    pub fn conn(&self) -> MutexGuard<'_, Connection> {
        lock(&self.writer)
    }

    /// A read-only connection: a free reader if one is, else the next one in turn. Only for
    /// reads: SQLite refuses a write on it. It sees every transaction committed before it is
    /// taken. A `:memory:` database lends its writer, made read-only (`PRAGMA query_only`)
    /// while lent, so that a write slipped into a read path fails in the tests too, as it would
    /// on a file.
    pub fn read(&self) -> Read<'_> {
        let n = self.readers.len();
        if n == 0 {
            let guard = self.conn();
            let _ = guard.pragma_update(None, "query_only", true);
            return Read {
                guard,
                lent_writer: true,
            };
        }
        let start = self.next.fetch_add(1, Ordering::Relaxed);
        let guard = (0..n)
            .find_map(|i| match self.readers[(start + i) % n].try_lock() {
                Ok(guard) => Some(guard),
                Err(TryLockError::Poisoned(p)) => Some(p.into_inner()),
                Err(TryLockError::WouldBlock) => None,
            })
            .unwrap_or_else(|| lock(&self.readers[start % n]));
        Read {
            guard,
            lent_writer: false,
        }
    }

    /// Runs `work` in one transaction of the writer: committed when it returns `Ok`, rolled back
    /// otherwise.
    pub fn transaction<T, E: From<rusqlite::Error>>(
        &self,
        work: impl FnOnce(&Connection) -> Result<T, E>,
    ) -> Result<T, E> {
        let mut conn = self.conn();
        let tx = conn.transaction()?;
        let done = work(&tx)?;
        tx.commit()?;
        Ok(done)
    }
}

/// A connection for reading, from [`Db::read`].
pub struct Read<'a> {
    guard: MutexGuard<'a, Connection>,
    /// The writer of a `:memory:` database, writable again when given back.
    lent_writer: bool,
}

impl std::ops::Deref for Read<'_> {
    type Target = Connection;

    fn deref(&self) -> &Connection {
        &self.guard
    }
}

impl Drop for Read<'_> {
    fn drop(&mut self) {
        if self.lent_writer {
            let _ = self.guard.pragma_update(None, "query_only", false);
        }
    }
}

fn lock(m: &Mutex<Connection>) -> MutexGuard<'_, Connection> {
    m.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// A read-only connection to the database file at `path`, with the SQL functions.
fn open_reader(path: &str) -> rusqlite::Result<Connection> {
    use rusqlite::OpenFlags;
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    add_functions(&conn)?;
    Ok(conn)
}

/// What `PRAGMA integrity_check` and `PRAGMA foreign_key_check` find wrong in the existing
/// database file at `path` (`--check-database`): empty when it is sound. Opening it replays or
/// discards what a crash left in the write-ahead log, as any later open would; a missing file
/// is an error, never created.
pub fn check_file(path: &str) -> rusqlite::Result<Vec<String>> {
    use rusqlite::OpenFlags;
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    let mut found: Vec<String> = conn
        .prepare("PRAGMA integrity_check")?
        .query_map([], |r| r.get::<_, String>(0))?
        .collect::<rusqlite::Result<_>>()?;
    if found == ["ok"] {
        found.clear();
    }
    let broken = conn
        .prepare("PRAGMA foreign_key_check")?
        .query_map([], |r| {
            Ok(format!(
                "foreign key: {} row {} -> {}",
                r.get::<_, String>(0)?,
                r.get::<_, Option<i64>>(1)?.unwrap_or_default(),
                r.get::<_, String>(2)?
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    found.extend(broken);
    Ok(found)
}

/// The SQL functions queries may use: `fold(text)`, the Unicode lowercase, for searching and
/// sorting names case-insensitively (SQLite's own `lower` folds ASCII letters only).
pub fn add_functions(conn: &Connection) -> rusqlite::Result<()> {
    conn.create_scalar_function(
        "fold",
        1,
        FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC,
        |ctx| Ok(ctx.get::<Option<String>>(0)?.map(|s| s.to_lowercase())),
    )
}

/// Applies every migration not yet recorded in `schema_migrations`; running it again is a no-op.
pub fn migrate(conn: &mut Connection) -> rusqlite::Result<()> {
    migrate_with(conn, MIGRATIONS)
}

/// Applies each of `migrations` not yet recorded, in order, each in a transaction of its own.
fn migrate_with(conn: &mut Connection, migrations: &[(&str, &str)]) -> rusqlite::Result<()> {
    conn.execute_batch(
        "CREATE TABLE IF NOT EXISTS schema_migrations (version TEXT PRIMARY KEY, applied_at TEXT NOT NULL)",
    )?;
    for (version, sql) in migrations {
        let done: bool = conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM schema_migrations WHERE version = ?1) AS done",
            [version],
            |r| r.get("done"),
        )?;
        if done {
            continue;
        }
        let keys_off = sql
            .lines()
            .next()
            .is_some_and(|l| l.trim() == FOREIGN_KEYS_OFF);
        if !keys_off {
            apply(conn, version, sql, false)?;
            continue;
        }
        let was_on: bool = conn.query_row("PRAGMA foreign_keys", [], |r| r.get(0))?;
        conn.pragma_update(None, "foreign_keys", "OFF")?;
        let applied = apply(conn, version, sql, true);
        // Restored whatever happened: a failed migration must not leave the keys unchecked.
        let restored = conn.pragma_update(None, "foreign_keys", if was_on { "ON" } else { "OFF" });
        applied?;
        restored?;
    }
    Ok(())
}

/// Runs one migration and records it, in one transaction; with `check_keys`, fails (and rolls
/// back) when `PRAGMA foreign_key_check` reports a row.
fn apply(
    conn: &mut Connection,
    version: &str,
    sql: &str,
    check_keys: bool,
) -> rusqlite::Result<()> {
    let tx = conn.transaction()?;
    tx.execute_batch(sql)?;
    if check_keys {
        let broken: Vec<String> = tx
            .prepare("PRAGMA foreign_key_check")?
            .query_map([], |r| {
                Ok(format!(
                    "{} row {} -> {}",
                    r.get::<_, String>(0)?,
                    r.get::<_, Option<i64>>(1)?.unwrap_or_default(),
                    r.get::<_, String>(2)?
                ))
            })?
            .collect::<rusqlite::Result<_>>()?;
        if !broken.is_empty() {
            return Err(rusqlite::Error::SqliteFailure(
                rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_CONSTRAINT_FOREIGNKEY),
                Some(format!(
                    "migration {version} breaks foreign keys: {}",
                    broken.join(", ")
                )),
            ));
        }
    }
    tx.execute(
        "INSERT INTO schema_migrations (version, applied_at) VALUES (?1, ?2)",
        params![version, now_rfc3339()],
    )?;
    tx.commit()
}

#[cfg(test)]
mod tests;
