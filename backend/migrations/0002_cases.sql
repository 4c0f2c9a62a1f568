-- Support cases, their watchers and threads, attachments, and the idempotency keys of filing.
-- Times are Unix seconds (INTEGER) so that ranges and sorting are plain comparisons.
CREATE TABLE cases (
    id                     TEXT PRIMARY KEY,
    organisation_id        TEXT NOT NULL REFERENCES organisations (id),
    -- Per-organisation sequence behind the human-readable number (`C-000042`).
    seq                    INTEGER NOT NULL,
    number                 TEXT NOT NULL,
    requester_id           TEXT NOT NULL REFERENCES users (id),
    product                TEXT NOT NULL CHECK (product IN ('analytics', 'target', 'audience_manager')),
    priority               TEXT NOT NULL CHECK (priority IN ('p1', 'p2', 'p3', 'p4')),
    title                  TEXT NOT NULL,
    description            TEXT NOT NULL,
    -- ProductDetails as JSON.
    details                TEXT NOT NULL DEFAULT '{}',
    reproducible           INTEGER NOT NULL DEFAULT 0,
    steps                  TEXT,
    environment            TEXT,
    business_impact        TEXT,
    contact_phone          TEXT NOT NULL,
    time_zone              TEXT NOT NULL,
    status                 TEXT NOT NULL CHECK (status IN
                               ('new', 'in_progress', 'awaiting_your_reply', 'resolution_provided', 'closed')),
    engineer               TEXT,
    created_at             INTEGER NOT NULL,
    updated_at             INTEGER NOT NULL,
    -- When the status last changed (auto-close counts from it).
    status_changed_at      INTEGER NOT NULL,
    closed_at              INTEGER,
    first_response_at      INTEGER,
    -- The first-response target, fixed at filing (an urgency change does not move it).
    target_minutes         INTEGER NOT NULL,
    due_at                 INTEGER NOT NULL,
    -- The ETag; bumped by every change to the case or its thread.
    version                INTEGER NOT NULL DEFAULT 1,
    last_urgency_change_at INTEGER,
    UNIQUE (organisation_id, seq)
);

CREATE INDEX cases_by_updated ON cases (organisation_id, updated_at, id);
CREATE INDEX cases_by_created ON cases (organisation_id, created_at, id);
CREATE INDEX cases_by_requester ON cases (requester_id, updated_at);
CREATE INDEX cases_awaiting ON cases (status, status_changed_at);

CREATE TABLE case_watchers (
    case_id TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    user_id TEXT NOT NULL REFERENCES users (id),
    PRIMARY KEY (case_id, user_id)
);

CREATE INDEX case_watchers_by_user ON case_watchers (user_id, case_id);

CREATE TABLE thread_entries (
    id           TEXT PRIMARY KEY,
    case_id      TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    seq          INTEGER NOT NULL,
    at           INTEGER NOT NULL,
    -- NULL: made by the system (auto-close) or by an agent without a user account.
    author_id    TEXT REFERENCES users (id),
    from_support INTEGER NOT NULL DEFAULT 0,
    kind         TEXT NOT NULL,
    -- The ThreadEvent as JSON (with its `kind`).
    payload      TEXT NOT NULL,
    UNIQUE (case_id, seq)
);

CREATE TABLE attachments (
    id              TEXT PRIMARY KEY,
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    uploader_id     TEXT NOT NULL REFERENCES users (id),
    case_id         TEXT REFERENCES cases (id),
    -- The name as the user gave it: data only, never part of a path.
    name            TEXT NOT NULL,
    size            INTEGER NOT NULL,
    content_type    TEXT NOT NULL,
    uploaded_at     INTEGER NOT NULL,
    -- File name under the data directory: the random id, nothing the user chose.
    stored_path     TEXT NOT NULL
);

CREATE INDEX attachments_by_case ON attachments (case_id);

CREATE TABLE idempotency_keys (
    user_id      TEXT NOT NULL REFERENCES users (id),
    key          TEXT NOT NULL,
    case_id      TEXT NOT NULL REFERENCES cases (id),
    request_hash TEXT NOT NULL,
    created_at   INTEGER NOT NULL,
    PRIMARY KEY (user_id, key)
);

-- Full-text search over number, title, description and comments: one row per case text and
-- one per comment, all pointing at the case.
CREATE VIRTUAL TABLE case_search USING fts5 (case_id UNINDEXED, body);
