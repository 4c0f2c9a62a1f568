//! The SQLite database: opening it, numbered migrations, and the SQL functions queries use.

use std::sync::{Mutex, MutexGuard};

use rusqlite::functions::FunctionFlags;
use rusqlite::{params, Connection};

use crate::clock::now_rfc3339;

/// The migrations in `backend/migrations/`, applied in this order and recorded by name.
pub const MIGRATIONS: &[(&str, &str)] = &[
    (
        "0001_initial",
        include_str!("../migrations/0001_initial.sql"),
    ),
    ("0002_cases", include_str!("../migrations/0002_cases.sql")),
    (
        "0003_support_users",
        include_str!("../migrations/0003_support_users.sql"),
    ),
    ("0004_chat", include_str!("../migrations/0004_chat.sql")),
    (
        "0005_callbacks",
        include_str!("../migrations/0005_callbacks.sql"),
    ),
    (
        "0006_history",
        include_str!("../migrations/0006_history.sql"),
    ),
    ("0007_help", include_str!("../migrations/0007_help.sql")),
    (
        "0008_learning",
        include_str!("../migrations/0008_learning.sql"),
    ),
];

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
    conn.execute_batch(
        "CREATE TABLE IF NOT EXISTS schema_migrations (version TEXT PRIMARY KEY, applied_at TEXT NOT NULL)",
    )?;
    for (version, sql) in MIGRATIONS {
        let tx = conn.transaction()?;
        let done: bool = tx.query_row(
            "SELECT EXISTS (SELECT 1 FROM schema_migrations WHERE version = ?1) AS done",
            [version],
            |r| r.get("done"),
        )?;
        if !done {
            tx.execute_batch(sql)?;
            tx.execute(
                "INSERT INTO schema_migrations (version, applied_at) VALUES (?1, ?2)",
                params![version, now_rfc3339()],
            )?;
        }
        tx.commit()?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_run_twice_apply_once() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrate(&mut conn).unwrap();
        migrate(&mut conn).unwrap();
        let n: i64 = conn
            .query_row("SELECT count(*) AS n FROM schema_migrations", [], |r| {
                r.get("n")
            })
            .unwrap();
        assert_eq!(n, MIGRATIONS.len() as i64);
    }

    #[test]
    fn every_migration_file_is_listed_in_order() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/migrations");
        let mut files: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| {
                e.unwrap()
                    .file_name()
                    .to_string_lossy()
                    .trim_end_matches(".sql")
                    .to_string()
            })
            .collect();
        files.sort();
        let listed: Vec<&str> = MIGRATIONS.iter().map(|(v, _)| *v).collect();
        assert_eq!(
            files, listed,
            "list every file of backend/migrations in db::MIGRATIONS, in order"
        );
    }
}
