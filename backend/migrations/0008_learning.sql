-- Learning material ("Get started") with each user's completion, and the vendor's announcements
-- on the home page. Items and announcements are the vendor's, the same for every organisation;
-- their words live in one row per language. Times are Unix seconds (INTEGER).
CREATE TABLE learning_items (
    id               TEXT PRIMARY KEY,
    kind             TEXT NOT NULL CHECK (kind IN ('guide', 'video', 'article')),
    -- Exactly the one target its kind needs: a portal path, a video address or an article slug.
    path             TEXT CHECK (path LIKE '/%'),
    url              TEXT CHECK (url LIKE 'https://%'),
    article_slug     TEXT,
    duration_minutes INTEGER NOT NULL CHECK (duration_minutes > 0),
    audience         TEXT NOT NULL CHECK (audience IN ('everyone', 'support_roles')),
    -- The vendor's order.
    position         INTEGER NOT NULL,
    CHECK ((kind = 'guide') = (path IS NOT NULL)
       AND (kind = 'video') = (url IS NOT NULL)
       AND (kind = 'article') = (article_slug IS NOT NULL))
);

CREATE TABLE learning_texts (
    item_id  TEXT NOT NULL REFERENCES learning_items (id),
    language TEXT NOT NULL CHECK (language IN ('en', 'fr', 'es')),
    title    TEXT NOT NULL,
    summary  TEXT NOT NULL,
    PRIMARY KEY (item_id, language)
);

-- A user's "done": one row per user and item while it is done; "not done" deletes it.
CREATE TABLE learning_progress (
    user_id TEXT NOT NULL REFERENCES users (id),
    item_id TEXT NOT NULL REFERENCES learning_items (id),
    done_at INTEGER NOT NULL,
    PRIMARY KEY (user_id, item_id)
);

CREATE TABLE announcements (
    id         TEXT PRIMARY KEY,
    severity   TEXT NOT NULL CHECK (severity IN ('info', 'warning', 'critical')),
    starts_at  INTEGER NOT NULL,
    -- NULL: shown until withdrawn.
    ends_at    INTEGER CHECK (ends_at IS NULL OR ends_at > starts_at),
    created_at INTEGER NOT NULL
);

CREATE INDEX announcements_by_time ON announcements (starts_at, ends_at);

CREATE TABLE announcement_texts (
    announcement_id TEXT NOT NULL REFERENCES announcements (id),
    language        TEXT NOT NULL CHECK (language IN ('en', 'fr', 'es')),
    title           TEXT NOT NULL,
    body            TEXT NOT NULL,
    PRIMARY KEY (announcement_id, language)
);
