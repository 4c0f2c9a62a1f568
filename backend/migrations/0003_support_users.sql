-- Support-user administration: who created whom, activity, review state, review records,
-- invitations and the audit log. Times are Unix seconds (INTEGER), like the cases'.

-- The administrator who created the user in the portal; NULL for users the vendor set up.
ALTER TABLE users ADD COLUMN created_by TEXT REFERENCES users (id);
-- The user's last authenticated request, written at most once a minute.
ALTER TABLE users ADD COLUMN last_active_at INTEGER;
-- The ETag of administrative edits (role, removal, review, invitation accepted).
ALTER TABLE users ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
-- The last review decision. `review_due` is not stored: it is a `validated` decision older
-- than the review period, which is configuration (`--review-days`).
ALTER TABLE users ADD COLUMN validation TEXT NOT NULL DEFAULT 'pending'
    CHECK (validation IN ('pending', 'validated', 'flagged'));
ALTER TABLE users ADD COLUMN validated_by TEXT REFERENCES users (id);
ALTER TABLE users ADD COLUMN validated_at INTEGER;
ALTER TABLE users ADD COLUMN validation_reason TEXT;

-- Every review decision, kept when a later one replaces it: who validated what and when.
CREATE TABLE user_reviews (
    id          INTEGER PRIMARY KEY,
    user_id     TEXT NOT NULL REFERENCES users (id),
    decision    TEXT NOT NULL CHECK (decision IN ('validated', 'flagged')),
    reason      TEXT,
    reviewer_id TEXT NOT NULL REFERENCES users (id),
    at          INTEGER NOT NULL
);

CREATE INDEX user_reviews_by_user ON user_reviews (user_id, at, id);

-- Set-password links. Only the SHA-256 of the token is stored: a leaked database does not
-- leak usable links.
CREATE TABLE invitations (
    token_hash TEXT PRIMARY KEY,
    user_id    TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    -- Set when the password was chosen: a link works once.
    used_at    INTEGER
);

CREATE INDEX invitations_by_user ON invitations (user_id);

-- Administrative changes. People are copied as they were at the time (a later rename or
-- removal does not rewrite history); `before` and `after` are UserSnapshot JSON.
CREATE TABLE audit_log (
    seq             INTEGER PRIMARY KEY,
    id              TEXT NOT NULL UNIQUE,
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    at              INTEGER NOT NULL,
    actor_id        TEXT,
    actor_name      TEXT,
    actor_email     TEXT,
    action          TEXT NOT NULL CHECK (action IN ('user_created', 'user_imported', 'role_changed',
                        'user_removed', 'user_validated', 'user_flagged', 'invitation_accepted')),
    target_id       TEXT NOT NULL,
    target_name     TEXT NOT NULL,
    target_email    TEXT NOT NULL,
    before          TEXT,
    after           TEXT
);

CREATE INDEX audit_log_by_time ON audit_log (organisation_id, at, seq);
CREATE INDEX audit_log_by_actor ON audit_log (organisation_id, actor_id, at, seq);
