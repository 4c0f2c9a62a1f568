//! The SQLite database: opening it, numbered migrations, and the SQL functions queries use.

use std::sync::{Mutex, MutexGuard};

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
];

/// The first line of a migration that must run with foreign keys off: one that rebuilds a
/// table other tables reference (SQLite's way of changing a constraint). The pragma cannot
/// change inside a transaction, so [`migrate`] turns it off before the migration's transaction,
/// runs `PRAGMA foreign_key_check` before committing (a row it reports fails the migration),
/// and restores it afterwards.
pub const FOREIGN_KEYS_OFF: &str = "-- foreign_keys: off";

/// One connection behind a mutex: SQLite serialises writers anyway, and every query is short.
pub struct Db(Mutex<Connection>);

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
        Ok(Db(Mutex::new(conn)))
    }

    /// The connection. A panic while holding it leaves SQLite consistent (transactions roll
    /// back), so a poisoned lock is still usable.
    pub fn conn(&self) -> MutexGuard<'_, Connection> {
        self.0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Runs `work` in one transaction: committed when it returns `Ok`, rolled back otherwise.
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
