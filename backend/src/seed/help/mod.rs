//! The help library every fresh database starts with: the articles in `articles/` (one file
//! per article, its English, French and Spanish versions side by side), the popular forum
//! threads of `forums.rs`, and, for the benchmarks, generated articles (`generated.rs`).
//!
//! An article file starts with its `product:` and its `age:` (days since it was updated), then
//! holds one section per language: a `=== en` line, `title:`, `summary:` and `tags:` lines, a
//! blank line and the Markdown body up to the next section.

mod forums;
mod generated;

use rusqlite::Connection;
use support_contract::help::HelpArticleDraft;
use support_contract::wire::from_wire;
use support_contract::{Locale, Product};

use crate::clock;
use crate::help::markdown;
use crate::store::{self, help as help_store};

/// The article files, by slug.
macro_rules! articles {
    ($($slug:literal),* $(,)?) => {
        &[$(($slug, include_str!(concat!("articles/", $slug, ".md")))),*]
    };
}

const ARTICLES: &[(&str, &str)] = articles![
    // Analytics
    "report-suite-data-missing",
    "report-data-latency",
    "workspace-project-slow",
    "calculated-metrics-unexpected",
    "segments-no-data",
    "bot-traffic",
    "classifications-not-applied",
    "data-feeds-late",
    "scheduled-reports-not-delivered",
    "api-throttling-429",
    // Target
    "activity-not-showing",
    "flicker-before-experience",
    "audience-qualification",
    "ab-test-no-conversions",
    "atjs-delivery-troubleshooting",
    "vec-site-not-loading",
    "recommendations-empty",
    "spa-views-not-tracked",
    "qa-preview-links",
    "activity-priority-collisions",
    // Audience Manager
    "segment-population-low",
    "inbound-file-errors",
    "destination-delivery-fails",
    "traits-not-realizing",
    "id-sync-partners",
    "profile-merge-rules",
    "overlap-reports-empty",
    "dil-pixel-calls",
    "data-export-controls",
    "s3-bucket-permissions",
];

/// One article of the library, as its file describes it.
pub(crate) struct SeedArticle {
    pub slug: &'static str,
    pub age_days: i64,
    pub versions: Vec<(Locale, HelpArticleDraft)>,
}

/// Reads an article file; a malformed one is a mistake in this repository (a test reads them
/// all), so it says which file and why.
pub(crate) fn parse(slug: &'static str, text: &str) -> Result<SeedArticle, String> {
    let (head, rest) = text
        .split_once("\n=== ")
        .ok_or_else(|| format!("{slug}: no `=== en` section"))?;
    let field = |block: &str, name: &str| -> Result<String, String> {
        block
            .lines()
            .find_map(|l| l.strip_prefix(&format!("{name}:")))
            .map(|v| v.trim().to_string())
            .ok_or_else(|| format!("{slug}: no `{name}:`"))
    };
    let product: Product =
        from_wire(&field(head, "product")?).ok_or_else(|| format!("{slug}: unknown product"))?;
    let age_days = field(head, "age")?
        .parse()
        .map_err(|_| format!("{slug}: `age:` is not a number of days"))?;
    let mut versions = Vec::new();
    for section in format!("\n=== {rest}").split("\n=== ").skip(1) {
        let (tag, body) = section.split_once('\n').unwrap_or((section, ""));
        let language =
            Locale::from_tag(tag.trim()).ok_or_else(|| format!("{slug}: language {tag}?"))?;
        let (fields, markdown) = body
            .split_once("\n\n")
            .ok_or_else(|| format!("{slug}/{tag}: no blank line before the body"))?;
        versions.push((
            language,
            HelpArticleDraft {
                product,
                title: field(fields, "title")?,
                summary: field(fields, "summary")?,
                tags: field(fields, "tags")?
                    .split(',')
                    .map(|t| t.trim().to_string())
                    .filter(|t| !t.is_empty())
                    .collect(),
                body: markdown.trim().to_string(),
            },
        ));
    }
    Ok(SeedArticle {
        slug,
        age_days,
        versions,
    })
}

/// Every article of the library.
pub(crate) fn library() -> Vec<SeedArticle> {
    ARTICLES
        .iter()
        .map(|(slug, text)| parse(slug, text).unwrap_or_else(|e| panic!("{e}")))
        .collect()
}

/// Writes one language version of an article and its search row.
pub fn write_article(
    conn: &Connection,
    slug: &str,
    language: Locale,
    draft: &HelpArticleDraft,
    updated_at: i64,
) -> store::Result<()> {
    let plain = markdown::plain_text(&markdown::to_blocks(&draft.body));
    help_store::upsert_article(conn, slug, language, draft, &plain, updated_at)
}

/// Fills an empty help library: the articles, the forum threads and `generated` extra articles
/// (English, for the benchmarks). Returns whether it filled it.
pub fn seed_help(conn: &mut Connection, generated: u32) -> store::Result<bool> {
    let tx = conn.transaction()?;
    if help_store::article_count(&tx)? > 0 {
        return Ok(false);
    }
    let now = clock::now();
    for article in library() {
        for (language, draft) in &article.versions {
            let updated = now - article.age_days * 86_400;
            write_article(&tx, article.slug, *language, draft, updated)?;
        }
    }
    forums::seed_threads(&tx, now)?;
    generated::seed_generated(&tx, generated, now)?;
    tx.commit()?;
    Ok(true)
}

#[cfg(test)]
mod tests;
