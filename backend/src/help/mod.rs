//! Help articles: the search that both the help page and the case wizard's suggestions use,
//! with its fallback to English, an article put together for its reader, and the Markdown
//! that articles are written in (`markdown`). The words a search looks for are `crate::search`'s.

pub mod markdown;

use rusqlite::Connection;
use support_contract::help::{HelpArticle, HelpSuggestion, HelpTopic};
use support_contract::{Locale, Product};

use crate::search::{match_expression, Combine};
pub use crate::store::help::Scope;
use crate::store::{self, Optional};

/// A search of the articles.
pub struct Search<'a> {
    /// What the reader typed; blank lists every article.
    pub text: &'a str,
    pub combine: Combine,
    /// Where to look, and which page; its language is the one asked for.
    pub scope: Scope,
}

/// What a search found.
pub struct Found {
    pub items: Vec<HelpTopic>,
    pub total: u32,
    /// The language of the items.
    pub language: Locale,
    /// True when nothing matched in the language asked for and these are English articles.
    pub fallback: bool,
}

/// Searches in the language asked for and, when nothing there matches, in English. A text
/// holding no word at all (only punctuation) matches nothing.
pub fn search(conn: &Connection, s: &Search<'_>) -> store::Result<Found> {
    let asked = s.scope.language;
    let matcher = match_expression(s.text, s.combine);
    if matcher.is_none() && !s.text.trim().is_empty() {
        return Ok(Found {
            items: Vec::new(),
            total: 0,
            language: asked,
            fallback: false,
        });
    }
    let in_language = |language| {
        let scope = Scope {
            language,
            ..s.scope
        };
        store::help::search(conn, matcher.as_deref(), &scope)
    };
    let (items, total) = in_language(asked)?;
    if total == 0 && asked != Locale::En {
        let (items, total) = in_language(Locale::En)?;
        if total > 0 {
            return Ok(Found {
                items,
                total,
                language: Locale::En,
                fallback: true,
            });
        }
    }
    Ok(Found {
        items,
        total,
        language: asked,
        fallback: false,
    })
}

/// Up to five articles for what a case says so far, the case's product first; `portal` is the
/// portal's address, for each article's page.
pub fn suggest(
    conn: &Connection,
    text: &str,
    product: Option<Product>,
    language: Locale,
    portal: &str,
) -> store::Result<Vec<HelpSuggestion>> {
    // A blank text would list articles rather than match them: no suggestion then.
    if text.trim().is_empty() {
        return Ok(Vec::new());
    }
    let found = search(
        conn,
        &Search {
            text,
            combine: Combine::Any,
            scope: Scope {
                language,
                product: None,
                prefer: product,
                limit: 5,
                offset: 0,
            },
        },
    )?;
    Ok(found
        .items
        .into_iter()
        .map(|t| HelpSuggestion {
            url: format!("{portal}/help/{}", t.slug),
            title: t.title,
            slug: t.slug,
            product: t.product,
        })
        .collect())
}

/// An article in `language` (else in English, else `NotFound`), with its body as blocks, its
/// related articles and `user_id`'s vote.
pub fn article(
    conn: &Connection,
    slug: &str,
    language: Locale,
    user_id: &str,
) -> store::Result<HelpArticle> {
    let row = match store::help::article(conn, slug, language).optional()? {
        Some(row) => row,
        None => store::help::article(conn, slug, Locale::En)?,
    };
    Ok(HelpArticle {
        body: markdown::to_blocks(&row.markdown),
        related: store::help::related(conn, &row.topic, 4)?,
        your_vote: store::help::vote_of(conn, user_id, slug)?,
        topic: row.topic,
    })
}

#[cfg(test)]
mod tests;
