//! The migrations: each applies once, keeps the rows before it, and rolls back when it breaks.

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

#[test]
fn audit_rows_keep_the_entries_of_the_previous_version_and_accept_import_checks() {
    let mut conn = migrated_before("0010_audit_rows");
    conn.execute_batch(
        "INSERT INTO organisations (id, name, plan, region) VALUES ('org_a', 'A', 'standard', 'emea');
         INSERT INTO audit_log (seq, id, organisation_id, at, actor_id, actor_name, actor_email,
                                action, target_id, target_name, target_email, before, after)
         VALUES (7, 'aud_1', 'org_a', 5, 'usr_1', 'Ada', 'ada@example.com', 'user_created',
                 'usr_2', 'Bo', 'bo@example.com', NULL, '{}');",
    )
    .unwrap();
    let check = "INSERT INTO audit_log (id, organisation_id, at, action, target_id, target_name, \
                 target_email, rows) VALUES ('aud_2', 'org_a', 6, 'import_checked', 'usr_1', \
                 'Ada', 'ada@example.com', 3)";
    assert!(conn.execute(check, []).is_err(), "not an action before");

    migrate(&mut conn).unwrap();

    let old: (i64, String, Option<i64>) = conn
        .query_row(
            "SELECT seq, after, rows FROM audit_log WHERE id = 'aud_1'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!(old, (7, "{}".to_string(), None));
    conn.execute(check, []).unwrap();
    assert_eq!(
        count(&conn, "SELECT rows FROM audit_log WHERE id = 'aud_2'"),
        3
    );
    assert!(keys_on(&conn));
}

#[test]
fn a_database_the_demo_seeded_before_the_mark_is_marked_and_no_other() {
    for (org, email, marked) in [
        ("Northwind Traders", "sysadmin@northwind.example", true),
        ("Acme", "ops@acme.test", false),
    ] {
        let mut conn = migrated_before("0011_meta");
        conn.execute(
            "INSERT INTO organisations (id, name, plan, region) VALUES ('org_a', ?1, 'standard', 'emea')",
            [org],
        )
        .unwrap();
        conn.execute(
            "INSERT INTO users (id, organisation_id, email, name, role, source, created_at) \
             VALUES ('usr_1', 'org_a', ?1, 'Alex', 'support_system_admin', 'purchase_contract', 'now')",
            [email],
        )
        .unwrap();
        migrate(&mut conn).unwrap();
        assert_eq!(
            crate::seed::is_demo_database(&conn).unwrap(),
            marked,
            "{org}"
        );
    }
}

#[test]
fn a_sound_database_file_checks_clean_and_a_missing_one_is_an_error() {
    let dir = std::env::temp_dir().join(format!("sp-check-{}", crate::tokens::random_token(6)));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("db.sqlite");
    let path = path.to_str().unwrap();
    drop(Db::open(path).unwrap());
    assert_eq!(check_file(path).unwrap(), Vec::<String>::new());
    assert!(check_file(dir.join("missing.sqlite").to_str().unwrap()).is_err());
    assert!(!dir.join("missing.sqlite").exists());
    std::fs::remove_dir_all(&dir).unwrap();
}

/// A fresh database file in a directory of its own (removed by the caller).
fn temp_database() -> (std::path::PathBuf, String) {
    let dir = std::env::temp_dir().join(format!("sp-db-{}", crate::tokens::random_token(9)));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("pool.db").to_string_lossy().into_owned();
    (dir, path)
}

#[test]
fn readers_see_commits_refuse_writes_and_never_wait_for_the_writer() {
    let (dir, path) = temp_database();
    let db = Db::open(&path).unwrap();
    db.transaction(|tx| {
        tx.execute(
            "INSERT INTO schema_migrations (version, applied_at) VALUES ('pool-test', 'now')",
            [],
        )
    })
    .unwrap();
    // While the writer is held (as during a write and its commit), every reader reads at once,
    // and each sees what was committed before it was taken.
    let writer = db.conn();
    let readers: Vec<Read<'_>> = (0..READERS).map(|_| db.read()).collect();
    for r in &readers {
        let n: i64 = r
            .query_row(
                "SELECT count(*) FROM schema_migrations WHERE version = 'pool-test'",
                [],
                |row| row.get(0),
            )
            .unwrap();
        assert_eq!(n, 1);
        let folded: String = r
            .query_row("SELECT fold('ÉTÉ')", [], |row| row.get(0))
            .unwrap();
        assert_eq!(folded, "été", "readers have the SQL functions");
        assert!(
            r.execute("DELETE FROM schema_migrations", []).is_err(),
            "a reader refuses writes"
        );
    }
    drop(readers);
    drop(writer);
    drop(db);
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn a_memory_database_lends_its_writer_read_only() {
    let db = Db::open(":memory:").unwrap();
    {
        let r = db.read();
        assert!(
            r.execute("DELETE FROM schema_migrations", []).is_err(),
            "a write on a read path fails in the tests too"
        );
    }
    // Given back, the writer writes again.
    db.transaction(|tx| tx.execute("DELETE FROM schema_migrations", []))
        .unwrap();
}
