//! Help topics and forums: articles searched in the reader's language, read as a tree of
//! blocks, voted helpful or not; popular forum threads; suggestions while a case is written.
//!
//! Articles are public to every signed-in user of every organisation; a vote is the voter's
//! own, and only they read it back.

mod blocks;
mod query;

pub use blocks::{is_web_link, Block, ListItem, Span};
pub use query::HelpQuery;

use serde::{Deserialize, Serialize};

#[cfg(feature = "openapi")]
use utoipa::ToSchema;

use crate::{Locale, Product};

/// Longest comment on a vote, in characters.
pub const HELP_COMMENT_MAX: usize = 1000;
/// Longest article slug, in characters.
pub const SLUG_MAX: usize = 80;

/// An article as lists and search results show it. The same `slug` names the article in every
/// language it is written in.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct HelpTopic {
    /// Lowercase letters, digits and hyphens; the article's address (`/help/{slug}`).
    pub slug: String,
    pub title: String,
    /// One or two sentences: what the article answers.
    pub summary: String,
    pub product: Product,
    /// Keywords, in the article's language.
    pub tags: Vec<String>,
    /// The language this version is written in.
    pub language: Locale,
    /// When this version last changed (RFC 3339).
    pub updated_at: String,
}

/// `GET /help/articles/{slug}`: one article in full.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct HelpArticle {
    /// Its listing; `topic.language` is the language asked for, or English when the article is
    /// not written in it.
    pub topic: HelpTopic,
    /// The body, as blocks (see `Block`).
    pub body: Vec<Block>,
    /// Up to four articles on nearby subjects, in the same language.
    pub related: Vec<HelpTopic>,
    /// The caller's own vote on this article, if they voted (in any of its languages).
    pub your_vote: Option<HelpVote>,
}

/// `GET /help/articles`: the articles matching a search, best first (without a search, the
/// most recently updated first).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct HelpResults {
    pub items: Vec<HelpTopic>,
    /// Pass as `cursor` to get the next page; `null` on the last page.
    pub next_cursor: Option<String>,
    /// How many articles match in all, over every page.
    pub total: u32,
    /// The language of the items: the one asked for, or English (see `fallback`).
    pub language: Locale,
    /// True when no article in the language asked for matched, and these are English ones.
    pub fallback: bool,
}

/// A reader's answer to "Was this helpful?".
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct HelpVote {
    pub helpful: bool,
    /// What the reader added, if anything.
    pub comment: Option<String>,
    /// When the vote was last given or changed (RFC 3339).
    pub voted_at: String,
}

/// `PUT /help/articles/{slug}/vote` body: the caller's vote, replacing any earlier one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct NewHelpVote {
    pub helpful: bool,
    /// Optional, at most 1,000 characters; blank means none.
    #[serde(default)]
    pub comment: Option<String>,
}

/// A popular thread of the vendor's community forums.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct ForumThread {
    pub title: String,
    pub product: Product,
    /// The language the thread is written in.
    pub language: Locale,
    pub replies: u32,
    /// When someone last wrote in it (RFC 3339).
    pub last_activity_at: String,
    /// The thread on the forum: an `http` or `https` URL.
    pub url: String,
}

/// A suggested help article while filing a case.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct HelpSuggestion {
    pub title: String,
    /// The article's page in the portal (`{portal}/help/{slug}`).
    pub url: String,
    /// The article's slug (`GET /help/articles/{slug}`); empty from backends older than it.
    #[serde(default)]
    pub slug: String,
    #[serde(default)]
    pub product: Product,
}

/// `PUT /agent/v1/help/articles/{slug}/{language}` body: one language version of an article,
/// written by the vendor.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct HelpArticleDraft {
    pub product: Product,
    /// 1 to 200 characters.
    pub title: String,
    /// 1 to 500 characters.
    pub summary: String,
    /// CommonMark Markdown, at most 100,000 characters (see `Block` for what is kept).
    pub body: String,
    /// At most 12 keywords of at most 40 characters each.
    #[serde(default)]
    pub tags: Vec<String>,
}

/// Longest article title, in characters.
pub const HELP_TITLE_MAX: usize = 200;
/// Longest article summary, in characters.
pub const HELP_SUMMARY_MAX: usize = 500;
/// Longest article body (Markdown), in characters.
pub const HELP_BODY_MAX: usize = 100_000;
/// Most tags on an article.
pub const HELP_TAGS_MAX: usize = 12;
/// Longest tag, in characters.
pub const HELP_TAG_MAX: usize = 40;

/// Whether `slug` can name an article: 1 to 80 lowercase ASCII letters, digits and single
/// hyphens between them.
pub fn is_slug(slug: &str) -> bool {
    !slug.is_empty()
        && slug.len() <= SLUG_MAX
        && slug
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !slug.starts_with('-')
        && !slug.ends_with('-')
        && !slug.contains("--")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_lowercase_words_joined_by_hyphens() {
        assert!(is_slug("report-suite-data-missing"));
        assert!(is_slug("at-js-2"));
        for bad in [
            "",
            "-a",
            "a-",
            "a--b",
            "Ab",
            "a b",
            "a/b",
            "é",
            &"a".repeat(81),
        ] {
            assert!(!is_slug(bad), "{bad}");
        }
    }
}
