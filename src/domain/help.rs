//! What the help pages compute: the links of an article's text, its heading levels, the
//! search text sent, and what a page of results says about itself.

use support_contract::help::Span;
use support_contract::query::TEXT_MAX;

/// Consecutive spans of a paragraph that share one link (or none): drawn as one `<a>`, so that
/// a link with a bold word in it is still one link for the keyboard and screen readers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Run {
    pub href: Option<String>,
    pub spans: Vec<Span>,
}

/// The runs of a paragraph, in order.
pub fn link_runs(spans: &[Span]) -> Vec<Run> {
    let mut runs: Vec<Run> = Vec::new();
    for span in spans {
        match runs.last_mut() {
            Some(run) if run.href == span.href => run.spans.push(span.clone()),
            _ => runs.push(Run {
                href: span.href.clone(),
                spans: vec![span.clone()],
            }),
        }
    }
    runs
}

/// The HTML heading level of an article's heading: the page's title is the only `h1`, so an
/// article's `#` heading shows as `h2`, like its `##` ones (articles are written with `##` for
/// their sections); none goes below `h6`.
pub fn heading_level(authored: u8) -> u8 {
    authored.clamp(2, 6)
}

/// The search as typed, as it goes in the address and the request: without the blanks around
/// it, and no longer than a list's search may be.
pub fn search_text(typed: &str) -> String {
    typed
        .trim()
        .chars()
        .take(TEXT_MAX)
        .collect::<String>()
        .trim_end()
        .to_string()
}

/// What a page of search results tells the reader.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ResultsState {
    /// No article at all: the library is empty.
    NothingYet,
    /// A search or filter that nothing matches, in any language.
    NothingMatches,
    /// `total` articles in the reader's language.
    Found { total: u32 },
    /// None in the reader's language; `total` English ones instead.
    FoundInEnglish { total: u32 },
}

impl ResultsState {
    /// The state of an answer with `total` matches, for a search that `filtered` or not.
    pub fn of(filtered: bool, total: u32, fallback: bool) -> ResultsState {
        match (total, fallback) {
            (0, _) if filtered => ResultsState::NothingMatches,
            (0, _) => ResultsState::NothingYet,
            (total, true) => ResultsState::FoundInEnglish { total },
            (total, false) => ResultsState::Found { total },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(text: &str, href: Option<&str>, strong: bool) -> Span {
        Span {
            text: text.into(),
            strong,
            href: href.map(str::to_string),
            ..Span::default()
        }
    }

    #[test]
    fn a_link_with_styled_words_is_one_run_between_plain_ones() {
        let spans = [
            span("See ", None, false),
            span("the ", Some("https://a.example"), false),
            span("guide", Some("https://a.example"), true),
            span(" and ", None, false),
            span("this", Some("https://b.example"), false),
        ];
        let runs = link_runs(&spans);
        let shape: Vec<(Option<&str>, usize)> = runs
            .iter()
            .map(|r| (r.href.as_deref(), r.spans.len()))
            .collect();
        assert_eq!(
            shape,
            [
                (None, 1),
                (Some("https://a.example"), 2),
                (None, 1),
                (Some("https://b.example"), 1)
            ]
        );
        assert!(link_runs(&[]).is_empty());
    }

    #[test]
    fn article_headings_sit_below_the_page_title() {
        assert_eq!(
            [1, 2, 3, 5, 6, 0, 200].map(heading_level),
            [2, 2, 3, 5, 6, 2, 6]
        );
    }

    #[test]
    fn the_search_text_is_trimmed_and_capped() {
        assert_eq!(search_text("  segmentación  "), "segmentación");
        assert_eq!(search_text(&"é".repeat(300)).chars().count(), TEXT_MAX);
        assert_eq!(
            search_text(&format!("{} x", "a".repeat(199))),
            "a".repeat(199)
        );
    }

    #[test]
    fn an_empty_page_tells_nothing_yet_from_nothing_matches() {
        assert_eq!(ResultsState::of(false, 0, false), ResultsState::NothingYet);
        assert_eq!(
            ResultsState::of(true, 0, false),
            ResultsState::NothingMatches
        );
        assert_eq!(
            ResultsState::of(true, 3, true),
            ResultsState::FoundInEnglish { total: 3 }
        );
        assert_eq!(
            ResultsState::of(false, 33, false),
            ResultsState::Found { total: 33 }
        );
    }
}
