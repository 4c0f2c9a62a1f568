-- Organisations, their people (members and support users alike), and sign-in sessions.
CREATE TABLE organisations (
    id     TEXT PRIMARY KEY,
    name   TEXT NOT NULL,
    plan   TEXT NOT NULL CHECK (plan IN ('standard', 'premium')),
    region TEXT NOT NULL CHECK (region IN ('americas', 'emea', 'apac', 'japan'))
);

CREATE TABLE users (
    id              TEXT PRIMARY KEY,
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    -- Stored lowercased so that sign-in and uniqueness ignore case.
    email           TEXT NOT NULL UNIQUE CHECK (email = lower(email)),
    name            TEXT NOT NULL,
    -- NULL: a member of the organisation without a support role.
    role            TEXT CHECK (role IN ('support_system_admin', 'customer_support_admin')),
    status          TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('invited', 'active', 'removed')),
    source          TEXT NOT NULL DEFAULT 'portal'
                    CHECK (source IN ('purchase_contract', 'earlier_support_request', 'portal')),
    -- NULL until the user has set a password (invited users cannot sign in).
    password_hash   TEXT,
    locale          TEXT CHECK (locale IN ('en', 'fr', 'es')),
    time_zone       TEXT,
    created_at      TEXT NOT NULL
);

CREATE INDEX users_by_organisation ON users (organisation_id, name, id);

CREATE TABLE sessions (
    -- SHA-256 of the cookie token: a leaked database does not leak live sessions.
    token_hash TEXT PRIMARY KEY,
    user_id    TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    -- Unix seconds; renewed on every authenticated request (idle timeout).
    expires_at INTEGER NOT NULL
);

CREATE INDEX sessions_by_expiry ON sessions (expires_at);
