-- An import dry run is recorded too (`import_checked`), with how many rows it read (`rows`,
-- NULL for every other action). SQLite cannot change the CHECK of 0003 in place, so the table
-- is rebuilt as its documentation says (https://www.sqlite.org/lang_altertable.html#otheralter).
-- No table references `audit_log`, so foreign keys may stay on.

CREATE TABLE audit_log_new (
    seq             INTEGER PRIMARY KEY,
    id              TEXT NOT NULL UNIQUE,
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    at              INTEGER NOT NULL,
    actor_id        TEXT,
    actor_name      TEXT,
    actor_email     TEXT,
    action          TEXT NOT NULL CHECK (action IN ('user_created', 'user_imported', 'role_changed',
                        'user_removed', 'user_validated', 'user_flagged', 'invitation_accepted',
                        'import_checked')),
    target_id       TEXT NOT NULL,
    target_name     TEXT NOT NULL,
    target_email    TEXT NOT NULL,
    before          TEXT,
    after           TEXT,
    rows            INTEGER CHECK (rows >= 0)
);

-- `seq` is copied so that the order of entries of the same second (and cursors) survive.
INSERT INTO audit_log_new (seq, id, organisation_id, at, actor_id, actor_name, actor_email,
                           action, target_id, target_name, target_email, before, after)
SELECT seq, id, organisation_id, at, actor_id, actor_name, actor_email,
       action, target_id, target_name, target_email, before, after
  FROM audit_log;

DROP TABLE audit_log;
ALTER TABLE audit_log_new RENAME TO audit_log;

CREATE INDEX audit_log_by_time ON audit_log (organisation_id, at, seq);
CREATE INDEX audit_log_by_actor ON audit_log (organisation_id, actor_id, at, seq);
