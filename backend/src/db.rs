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
    (
        "0009_memberships",
        include_str!("../migrations/0009_memberships.sql"),
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

    /// A database migrated up to (not including) `version`, with foreign keys on as
    /// [`Db::open`] has them.
    fn migrated_before(version: &str) -> Connection {
        let mut conn = Connection::open_in_memory().unwrap();
        conn.pragma_update(None, "foreign_keys", "ON").unwrap();
        let at = MIGRATIONS.iter().position(|(v, _)| *v == version).unwrap();
        migrate_with(&mut conn, &MIGRATIONS[..at]).unwrap();
        conn
    }

    /// Every column of every user, one string a row.
    fn user_rows(conn: &Connection) -> Vec<String> {
        let mut stmt = conn
            .prepare(
                "SELECT id || email || name || role || status || source || \
                 coalesce(password_hash, '-') || created_at || coalesce(created_by, '-') || \
                 coalesce(last_active_at, '-') || version || validation || \
                 coalesce(validated_by, '-') || coalesce(validated_at, '-') FROM users ORDER BY id",
            )
            .unwrap();
        let rows = stmt.query_map([], |r| r.get(0)).unwrap();
        rows.map(Result::unwrap).collect()
    }

    fn count(conn: &Connection, sql: &str) -> i64 {
        conn.query_row(sql, [], |r| r.get(0)).unwrap()
    }

    fn keys_on(conn: &Connection) -> bool {
        conn.query_row("PRAGMA foreign_keys", [], |r| r.get(0))
            .unwrap()
    }

    #[test]
    fn memberships_keep_the_rows_and_sessions_of_the_previous_version() {
        let mut conn = migrated_before("0009_memberships");
        conn.execute_batch(
            "INSERT INTO organisations (id, name, plan, region) VALUES
                 ('org_a', 'A', 'standard', 'emea'), ('org_b', 'B', 'premium', 'apac');
             INSERT INTO users (id, organisation_id, email, name, role, status, password_hash,
                                created_at, created_by, validation, validated_by, validated_at)
             VALUES ('usr_1', 'org_a', 'ada@example.com', 'Ada', 'support_system_admin',
                     'active', 'hash-1', '2024-01-01T00:00:00Z', NULL, 'validated', NULL, 5),
                    ('usr_2', 'org_a', 'bo@example.com', 'Bo', 'customer_support_admin',
                     'invited', NULL, '2024-01-02T00:00:00Z', 'usr_1', 'flagged', 'usr_1', 7);
             UPDATE users SET last_active_at = 42 WHERE id = 'usr_1';
             INSERT INTO sessions (token_hash, user_id, created_at, expires_at)
             VALUES ('tok', 'usr_1', 1, 99);
             INSERT INTO invitations (token_hash, user_id, created_at, expires_at)
             VALUES ('inv', 'usr_2', 1, 99);",
        )
        .unwrap();
        let before = user_rows(&conn);

        migrate(&mut conn).unwrap();
        migrate(&mut conn).unwrap();

        assert_eq!(user_rows(&conn), before);
        let session_user: String = conn
            .query_row(
                "SELECT u.id FROM sessions s JOIN users u ON u.id = s.user_id",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(session_user, "usr_1");
        assert_eq!(count(&conn, "SELECT count(*) FROM invitations"), 1);
        assert!(keys_on(&conn), "foreign keys are on again");
        assert_eq!(
            count(&conn, "SELECT count(*) FROM pragma_foreign_key_check"),
            0
        );
        // The references into the rebuilt table still hold.
        let orphan = conn.execute(
            "INSERT INTO sessions (token_hash, user_id, created_at, expires_at) \
             VALUES ('t2', 'usr_nobody', 1, 99)",
            [],
        );
        assert!(orphan.is_err(), "sessions still reference users");
        // The email is unique per organisation now, not overall.
        let insert = |id: &str, org: &str| {
            conn.execute(
                "INSERT INTO users (id, organisation_id, email, name, created_at) \
                 VALUES (?1, ?2, 'ada@example.com', 'Ada', '2024-01-03T00:00:00Z')",
                [id, org],
            )
        };
        insert("usr_3", "org_b").unwrap();
        assert!(
            insert("usr_4", "org_a").is_err(),
            "twice in one organisation"
        );
        let indexes: Vec<String> = conn
            .prepare("SELECT name FROM pragma_index_list('users') ORDER BY name")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        for index in ["users_by_organisation", "users_by_email"] {
            assert!(indexes.iter().any(|i| i == index), "{index}: {indexes:?}");
        }
    }

    #[test]
    fn a_migration_that_breaks_foreign_keys_is_rolled_back() {
        let mut conn = migrated_before("0009_memberships");
        conn.execute_batch(
            "INSERT INTO organisations (id, name, plan, region) VALUES ('org_a', 'A', 'standard', 'emea');
             INSERT INTO users (id, organisation_id, email, name, created_at)
             VALUES ('usr_1', 'org_a', 'ada@example.com', 'Ada', 'now');
             INSERT INTO sessions (token_hash, user_id, created_at, expires_at)
             VALUES ('tok', 'usr_1', 1, 99);",
        )
        .unwrap();
        let breaking = "-- foreign_keys: off\nDELETE FROM users;";
        let err = migrate_with(&mut conn, &[("9999_breaking", breaking)]).unwrap_err();
        assert!(err.to_string().contains("breaks foreign keys"), "{err}");
        assert_eq!(count(&conn, "SELECT count(*) FROM users"), 1, "rolled back");
        let recorded = "SELECT count(*) FROM schema_migrations WHERE version = '9999_breaking'";
        assert_eq!(count(&conn, recorded), 0);
        assert!(keys_on(&conn), "foreign keys are on again");
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
