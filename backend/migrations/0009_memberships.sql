-- foreign_keys: off
-- A person (an email) may belong to several organisations: one `users` row in each, with its
-- own id, role, status, source and history, so that every query scoped to the current user's
-- organisation stays as it is. The email becomes unique per organisation instead of overall.
-- SQLite cannot drop the inline UNIQUE of 0001, so the table is rebuilt as its documentation
-- says (https://www.sqlite.org/lang_altertable.html#otheralter): the first line above makes the
-- runner turn foreign keys off around this migration (the other tables' references to
-- `users (id)` must survive the drop) and check them all before committing.

CREATE TABLE users_new (
    id                TEXT PRIMARY KEY,
    organisation_id   TEXT NOT NULL REFERENCES organisations (id),
    -- Stored lowercased so that sign-in and uniqueness ignore case.
    email             TEXT NOT NULL CHECK (email = lower(email)),
    name              TEXT NOT NULL,
    -- NULL: a member of the organisation without a support role.
    role              TEXT CHECK (role IN ('support_system_admin', 'customer_support_admin')),
    status            TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('invited', 'active', 'removed')),
    source            TEXT NOT NULL DEFAULT 'portal'
                      CHECK (source IN ('purchase_contract', 'earlier_support_request', 'portal')),
    -- NULL until the user has set a password (invited users cannot sign in). The password is
    -- the person's: every row of an email that has one holds the same hash.
    password_hash     TEXT,
    locale            TEXT CHECK (locale IN ('en', 'fr', 'es')),
    time_zone         TEXT,
    created_at        TEXT NOT NULL,
    -- From 0003_support_users.
    created_by        TEXT REFERENCES users (id),
    last_active_at    INTEGER,
    version           INTEGER NOT NULL DEFAULT 1,
    validation        TEXT NOT NULL DEFAULT 'pending'
                      CHECK (validation IN ('pending', 'validated', 'flagged')),
    validated_by      TEXT REFERENCES users (id),
    validated_at      INTEGER,
    validation_reason TEXT,
    UNIQUE (organisation_id, email)
);

INSERT INTO users_new (id, organisation_id, email, name, role, status, source, password_hash,
                       locale, time_zone, created_at, created_by, last_active_at, version,
                       validation, validated_by, validated_at, validation_reason)
SELECT id, organisation_id, email, name, role, status, source, password_hash,
       locale, time_zone, created_at, created_by, last_active_at, version,
       validation, validated_by, validated_at, validation_reason
  FROM users;

DROP TABLE users;
ALTER TABLE users_new RENAME TO users;

CREATE INDEX users_by_organisation ON users (organisation_id, name, id);
-- Sign-in, hand-off and the list of a person's organisations look people up by email.
CREATE INDEX users_by_email ON users (email, status);

-- The organisation a person (an email) used last: signed in to or switched to. Sign-in goes
-- back to it when the person is still active there, else to their first organisation by name.
CREATE TABLE person_last_organisation (
    email           TEXT PRIMARY KEY CHECK (email = lower(email)),
    organisation_id TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE
);
