//! The body of a help article as it travels: a small tree of blocks, never HTML.
//!
//! Articles are authored in Markdown; the backend converts them to this tree and the app draws
//! it with its own elements, text nodes only. What the tree cannot say is not sent: raw HTML in
//! the Markdown arrives as plain text (shown literally, never interpreted), images as their
//! alternative text, and a link whose address is not `http` or `https` as its text alone.

use serde::{Deserialize, Serialize};

#[cfg(feature = "openapi")]
use utoipa::ToSchema;

/// One block of an article's body, told apart by `type`.
///
/// - `heading`: a heading of `level` 1 to 6, as authored (the article's title is above them
///   all, so a client shows level 1 no higher than its second level of heading: articles use
///   level 2 for their sections);
/// - `paragraph`: running text;
/// - `list`: items, numbered when `ordered`, each holding blocks of its own (nested lists);
/// - `code`: preformatted text, with the `language` its author named, if any;
/// - `quote`: quoted blocks.
///
/// A client meets `unknown` for a kind of block a newer backend added, and may skip it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Block {
    Heading {
        /// 1 to 6.
        #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 6))]
        level: u8,
        spans: Vec<Span>,
    },
    Paragraph {
        spans: Vec<Span>,
    },
    List {
        ordered: bool,
        items: Vec<ListItem>,
    },
    Code {
        /// The language named after the opening fence (` ```sql `), if any.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        language: Option<String>,
        text: String,
    },
    Quote {
        #[cfg_attr(feature = "openapi", schema(no_recursion))]
        blocks: Vec<Block>,
    },
    #[serde(other)]
    Unknown,
}

/// One item of a list: its own blocks (usually one paragraph; a nested list is a block too).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
#[cfg_attr(feature = "openapi", schema(no_recursion))]
pub struct ListItem {
    pub blocks: Vec<Block>,
}

/// A run of text in one style: the inline content of headings and paragraphs. Styles combine
/// (`**[bold link](https://…)**` is one span, strong with an `href`); consecutive spans with the
/// same `href` are one link.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct Span {
    /// Plain text, never markup. A hard line break is `\n`.
    pub text: String,
    /// Emphasised (usually italic).
    #[serde(default, skip_serializing_if = "is_false")]
    pub emphasis: bool,
    /// Strongly emphasised (usually bold).
    #[serde(default, skip_serializing_if = "is_false")]
    pub strong: bool,
    /// Code, a command or a value to type.
    #[serde(default, skip_serializing_if = "is_false")]
    pub code: bool,
    /// The address this run links to: always an absolute `http` or `https` URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub href: Option<String>,
}

impl Span {
    /// Plain text without style.
    pub fn plain(text: impl Into<String>) -> Span {
        Span {
            text: text.into(),
            ..Span::default()
        }
    }

    /// Whether `other` looks the same, so the two can be one span.
    pub fn same_style(&self, other: &Span) -> bool {
        self.emphasis == other.emphasis
            && self.strong == other.strong
            && self.code == other.code
            && self.href == other.href
    }
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// Whether `href` may be a link of an article: an absolute `http` or `https` URL, nothing
/// else (`javascript:`, `data:`, relative and protocol-relative addresses are not).
pub fn is_web_link(href: &str) -> bool {
    let lower = href.trim_start().to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"));
    rest.is_some_and(|r| !r.is_empty() && !r.starts_with('/'))
        && !href.chars().any(|c| c.is_control() || c.is_whitespace())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_absolute_web_addresses_are_links() {
        for ok in ["https://example.com/a?b=c", "HTTP://example.com"] {
            assert!(is_web_link(ok), "{ok}");
        }
        for bad in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            "data:text/html,x",
            "/help/other",
            "//evil.example",
            "https://",
            "https:///x",
            "mailto:a@b.c",
            "https://exa mple.com",
            "https://example.com/\nx",
        ] {
            assert!(!is_web_link(bad), "{bad}");
        }
    }
}
