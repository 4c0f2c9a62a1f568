-- Help topics and forums. Articles are the vendor's, public to every organisation: one row per
-- language version, the same slug for all of them. Times are Unix seconds (INTEGER).
CREATE TABLE help_articles (
    id         INTEGER PRIMARY KEY,
    slug       TEXT NOT NULL,
    language   TEXT NOT NULL CHECK (language IN ('en', 'fr', 'es')),
    product    TEXT NOT NULL CHECK (product IN ('analytics', 'target', 'audience_manager')),
    title      TEXT NOT NULL,
    summary    TEXT NOT NULL,
    -- CommonMark, as written; converted to the contract's blocks when read.
    body       TEXT NOT NULL,
    -- A JSON array of strings.
    tags       TEXT NOT NULL DEFAULT '[]',
    updated_at INTEGER NOT NULL,
    UNIQUE (slug, language)
);

CREATE INDEX help_articles_by_language ON help_articles (language, product, updated_at);

-- The search index: one row per article version, rowid = help_articles.id, written by the store
-- with the article. `body` holds the plain text of the Markdown. Accents and case fold away, so
-- "segmentacion" finds "segmentación"; prefix indexes keep typing-as-you-search quick.
CREATE VIRTUAL TABLE help_search USING fts5(
    title, summary, tags, body,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3 4'
);

-- "Was this helpful?": one answer per user and article (whatever the language read), changeable.
CREATE TABLE help_votes (
    user_id  TEXT NOT NULL REFERENCES users (id),
    slug     TEXT NOT NULL,
    helpful  INTEGER NOT NULL CHECK (helpful IN (0, 1)),
    comment  TEXT,
    voted_at INTEGER NOT NULL,
    PRIMARY KEY (user_id, slug)
);

-- Popular threads of the vendor's community forums, as the help page lists them.
CREATE TABLE forum_threads (
    id               INTEGER PRIMARY KEY,
    product          TEXT NOT NULL CHECK (product IN ('analytics', 'target', 'audience_manager')),
    language         TEXT NOT NULL CHECK (language IN ('en', 'fr', 'es')),
    title            TEXT NOT NULL,
    url              TEXT NOT NULL CHECK (url LIKE 'https://%' OR url LIKE 'http://%'),
    replies          INTEGER NOT NULL CHECK (replies >= 0),
    last_activity_at INTEGER NOT NULL
);

CREATE INDEX forum_threads_by_replies ON forum_threads (replies DESC);
