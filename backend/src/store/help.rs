//! Help articles, their search index, readers' votes and the popular forum threads. Articles
//! and threads are the vendor's, the same for every organisation; a vote belongs to its user.

use rusqlite::{params, Connection, OptionalExtension, Row};
use support_contract::help::{ForumThread, HelpArticleDraft, HelpTopic, HelpVote, NewHelpVote};
use support_contract::{Locale, Product};

use super::{enum_at, found, wire_name, Result};
use crate::clock::ts;

/// The columns [`topic_row`] reads, from `help_articles a`.
const TOPIC_COLUMNS: &str =
    "a.id, a.slug, a.title, a.summary, a.product, a.tags, a.language, a.updated_at";

/// Which articles a search or a listing wants, in which order, and which page of them.
#[derive(Clone, Copy, Debug)]
pub struct Scope {
    pub language: Locale,
    /// Only this product's articles.
    pub product: Option<Product>,
    /// This product's articles first, the others after.
    pub prefer: Option<Product>,
    pub limit: u32,
    pub offset: u32,
}

/// One language version of an article, with its Markdown.
pub struct ArticleRow {
    pub topic: HelpTopic,
    pub markdown: String,
}

fn tags_of(json: &str) -> Vec<String> {
    serde_json::from_str(json).unwrap_or_default()
}

fn topic_row(r: &Row<'_>) -> rusqlite::Result<HelpTopic> {
    Ok(HelpTopic {
        slug: r.get("slug")?,
        title: r.get("title")?,
        summary: r.get("summary")?,
        product: enum_at(r, "product")?,
        tags: tags_of(&r.get::<_, String>("tags")?),
        language: enum_at(r, "language")?,
        updated_at: ts(r.get("updated_at")?),
    })
}

fn product_name(p: Option<Product>) -> Option<&'static str> {
    p.as_ref().map(wire_name)
}

/// Writes one language version of an article (replacing the one of that slug and language)
/// and its row of the search index; `plain_body` is the text of its Markdown.
pub fn upsert_article(
    conn: &Connection,
    slug: &str,
    language: Locale,
    draft: &HelpArticleDraft,
    plain_body: &str,
    updated_at: i64,
) -> Result<()> {
    let tags = serde_json::to_string(&draft.tags).unwrap_or_else(|_| "[]".into());
    let id: i64 = conn
        .prepare_cached(
            "INSERT INTO help_articles (slug, language, product, title, summary, body, tags, updated_at) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) \
             ON CONFLICT (slug, language) DO UPDATE SET product = excluded.product, \
             title = excluded.title, summary = excluded.summary, body = excluded.body, \
             tags = excluded.tags, updated_at = excluded.updated_at \
             RETURNING id",
        )?
        .query_row(
            params![
                slug,
                wire_name(&language),
                wire_name(&draft.product),
                draft.title,
                draft.summary,
                draft.body,
                tags,
                updated_at
            ],
            |r| r.get("id"),
        )?;
    conn.prepare_cached("DELETE FROM help_search WHERE rowid = ?1")?
        .execute([id])?;
    conn.prepare_cached(
        "INSERT INTO help_search (rowid, title, summary, tags, body) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(params![
        id,
        draft.title,
        draft.summary,
        draft.tags.join(", "),
        plain_body
    ])?;
    Ok(())
}

/// How many article versions there are, in every language.
pub fn article_count(conn: &Connection) -> Result<i64> {
    Ok(
        conn.query_row("SELECT count(*) AS n FROM help_articles", [], |r| {
            r.get("n")
        })?,
    )
}

/// Whether an article of this slug exists, in any language.
pub fn slug_exists(conn: &Connection, slug: &str) -> Result<bool> {
    Ok(conn
        .prepare_cached("SELECT EXISTS (SELECT 1 FROM help_articles WHERE slug = ?1) AS found")?
        .query_row([slug], |r| r.get("found"))?)
}

/// One language version of an article.
pub fn article(conn: &Connection, slug: &str, language: Locale) -> Result<ArticleRow> {
    let sql = format!(
        "SELECT {TOPIC_COLUMNS}, a.body FROM help_articles a WHERE a.slug = ?1 AND a.language = ?2"
    );
    found(
        conn.prepare_cached(&sql)?
            .query_row(params![slug, wire_name(&language)], |r| {
                Ok(ArticleRow {
                    topic: topic_row(r)?,
                    markdown: r.get("body")?,
                })
            })
            .optional()?,
    )
}

/// One page of the articles of a scope that `matcher` (an FTS5 `MATCH` expression, which
/// `search::match_expression` makes safe) matches, or of all of them without one; and how many there are
/// in all. By relevance for a search (title, then tags, then summary, then body), the most
/// recently updated first otherwise; the preferred product first either way.
pub fn search(
    conn: &Connection,
    matcher: Option<&str>,
    f: &Scope,
) -> Result<(Vec<HelpTopic>, u32)> {
    let language = wire_name(&f.language);
    let (product, prefer) = (product_name(f.product), product_name(f.prefer));
    let narrow = "a.language = ?2 AND (?3 IS NULL OR a.product = ?3)";
    let (count_sql, page_sql) = match matcher {
        Some(_) => (
            format!(
                "SELECT count(*) AS n FROM help_search s JOIN help_articles a ON a.id = s.rowid \
                 WHERE help_search MATCH ?1 AND {narrow}"
            ),
            format!(
                "SELECT {TOPIC_COLUMNS} FROM help_search s JOIN help_articles a ON a.id = s.rowid \
                 WHERE help_search MATCH ?1 AND {narrow} \
                 ORDER BY (a.product IS ?4) DESC, bm25(help_search, 10.0, 3.0, 5.0, 1.0), a.id \
                 LIMIT ?5 OFFSET ?6"
            ),
        ),
        None => (
            format!("SELECT count(*) AS n FROM help_articles a WHERE ?1 IS NULL AND {narrow}"),
            format!(
                "SELECT {TOPIC_COLUMNS} FROM help_articles a WHERE ?1 IS NULL AND {narrow} \
                 ORDER BY (a.product IS ?4) DESC, a.updated_at DESC, a.slug \
                 LIMIT ?5 OFFSET ?6"
            ),
        ),
    };
    let total: u32 = conn
        .prepare_cached(&count_sql)?
        .query_row(params![matcher, language, product], |r| r.get("n"))?;
    let mut stmt = conn.prepare_cached(&page_sql)?;
    let rows = stmt.query_map(
        params![matcher, language, product, prefer, f.limit, f.offset],
        topic_row,
    )?;
    Ok((rows.collect::<rusqlite::Result<_>>()?, total))
}

/// Up to `limit` other articles in the same language that share tags with `topic` or are of its
/// product: the closest first (each shared tag counts one, the same product one more), then
/// its product's, then the most recent.
pub fn related(conn: &Connection, topic: &HelpTopic, limit: u32) -> Result<Vec<HelpTopic>> {
    let sql = format!(
        "SELECT * FROM (SELECT {TOPIC_COLUMNS}, \
           (SELECT count(*) FROM json_each(a.tags) t \
            WHERE t.value IN (SELECT value FROM json_each(?3))) AS shared \
         FROM help_articles a WHERE a.language = ?1 AND a.slug <> ?2) \
         WHERE shared > 0 OR product = ?4 \
         ORDER BY shared + (product = ?4) DESC, (product = ?4) DESC, updated_at DESC, slug \
         LIMIT ?5"
    );
    let tags = serde_json::to_string(&topic.tags).unwrap_or_else(|_| "[]".into());
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(
        params![
            wire_name(&topic.language),
            topic.slug,
            tags,
            wire_name(&topic.product),
            limit
        ],
        topic_row,
    )?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn vote_row(r: &Row<'_>) -> rusqlite::Result<HelpVote> {
    Ok(HelpVote {
        helpful: r.get("helpful")?,
        comment: r.get("comment")?,
        voted_at: ts(r.get("voted_at")?),
    })
}

/// The user's vote on an article, if they gave one.
pub fn vote_of(conn: &Connection, user_id: &str, slug: &str) -> Result<Option<HelpVote>> {
    Ok(conn
        .prepare_cached(
            "SELECT helpful, comment, voted_at FROM help_votes WHERE user_id = ?1 AND slug = ?2",
        )?
        .query_row([user_id, slug], vote_row)
        .optional()?)
}

/// Records the user's vote on an article, replacing their earlier one; a blank comment is none.
pub fn set_vote(
    conn: &Connection,
    user_id: &str,
    slug: &str,
    vote: &NewHelpVote,
    at: i64,
) -> Result<HelpVote> {
    let comment = vote
        .comment
        .as_deref()
        .map(str::trim)
        .filter(|c| !c.is_empty());
    Ok(conn
        .prepare_cached(
            "INSERT INTO help_votes (user_id, slug, helpful, comment, voted_at) \
             VALUES (?1, ?2, ?3, ?4, ?5) \
             ON CONFLICT (user_id, slug) DO UPDATE SET helpful = excluded.helpful, \
             comment = excluded.comment, voted_at = excluded.voted_at \
             RETURNING helpful, comment, voted_at",
        )?
        .query_row(params![user_id, slug, vote.helpful, comment, at], vote_row)?)
}

/// Stores a forum thread (the seed's).
pub fn insert_thread(conn: &Connection, thread: &ForumThread, last_activity_at: i64) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO forum_threads (product, language, title, url, replies, last_activity_at) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![
        wire_name(&thread.product),
        wire_name(&thread.language),
        thread.title,
        thread.url,
        thread.replies,
        last_activity_at
    ])?;
    Ok(())
}

/// The most answered threads in `language` and in English (the forums' common language), the
/// reader's language first; only `product`'s when given.
pub fn forum_threads(
    conn: &Connection,
    language: Locale,
    product: Option<Product>,
    limit: u32,
) -> Result<Vec<ForumThread>> {
    let mut stmt = conn.prepare_cached(
        "SELECT product, language, title, url, replies, last_activity_at FROM forum_threads \
         WHERE language IN (?1, 'en') AND (?2 IS NULL OR product = ?2) \
         ORDER BY (language = ?1) DESC, replies DESC, id LIMIT ?3",
    )?;
    let rows = stmt.query_map(
        params![wire_name(&language), product_name(product), limit],
        |r| {
            Ok(ForumThread {
                title: r.get("title")?,
                product: enum_at(r, "product")?,
                language: enum_at(r, "language")?,
                replies: r.get("replies")?,
                last_activity_at: ts(r.get("last_activity_at")?),
                url: r.get("url")?,
            })
        },
    )?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
