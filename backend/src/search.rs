//! What a reader typed, as an FTS5 `MATCH` expression the reader cannot break: every full-text
//! search builds its expression here. The help search, the case wizard's help suggestions and
//! its similar open cases use [`match_expression`]; the case list uses [`prefix_expression`].
//!
//! Both first make the text [`searchable`]: control characters (NUL above all, which ends the
//! expression early inside SQLite and left a quote open) are spaces. [`match_expression`] builds
//! from the words alone: every run of letters and digits becomes a quoted string, so quotes,
//! `NEAR(`, `*`, `-`, `^`, `:` and parentheses are never syntax, only separators. The last word
//! is a prefix while it is still being typed (the text does not end in a space or a punctuation
//! mark). Accents and case are the index's business (`unicode61 remove_diacritics 2` folds
//! both, in the text and in the query alike).

/// How the words combine.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Combine {
    /// Every word (the help search: each word typed narrows the results).
    All,
    /// Any word, the best matches first (suggestions from a case's title and description).
    Any,
}

/// Most words taken from a search box, and from a case's text.
const MAX_ALL: usize = 12;
const MAX_ANY: usize = 32;

/// Words too common to tell articles apart, in the three languages of the portal. They are
/// left out unless the text holds nothing else.
const STOP_WORDS: &[&str] = &[
    // English
    "a", "an", "and", "are", "as", "at", "be", "but", "by", "can", "do", "does", "for", "from",
    "how", "i", "if", "in", "into", "is", "it", "its", "my", "not", "of", "on", "or", "our", "so",
    "that", "the", "their", "there", "this", "to", "was", "we", "what", "when", "where", "which",
    "why", "with", "you", "your", // French
    "à", "au", "aux", "ce", "ces", "comment", "d", "dans", "de", "des", "du", "elle", "en", "est",
    "et", "il", "je", "l", "la", "le", "les", "leur", "mais", "ne", "nos", "notre", "ou", "où",
    "par", "pas", "pour", "qu", "que", "qui", "sa", "se", "ses", "son", "sur", "un", "une", "vos",
    "votre", // Spanish
    "al", "como", "cómo", "con", "del", "el", "es", "las", "lo", "los", "mi", "mis", "no", "o",
    "para", "pero", "por", "qué", "su", "sus", "una", "y",
];

/// Most words of a case-list search.
const MAX_PREFIXES: usize = 20;

/// `text` with every control character as a space: what any search looks for.
pub fn searchable(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// The `MATCH` expression for `text`, or `None` when it holds no word to look for.
pub fn match_expression(text: &str, combine: Combine) -> Option<String> {
    let text = &searchable(text);
    let still_typing = text.chars().last().is_some_and(char::is_alphanumeric);
    let all: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let last = all.last().cloned();
    let telling: Vec<&String> = all
        .iter()
        .filter(|w| !STOP_WORDS.contains(&w.as_str()))
        .collect();
    let mut words: Vec<&String> = if telling.is_empty() {
        all.iter().collect()
    } else {
        telling
    };
    let mut seen = std::collections::HashSet::new();
    words.retain(|w| seen.insert(w.as_str()));
    let max = match combine {
        Combine::All => MAX_ALL,
        Combine::Any => MAX_ANY,
    };
    words.truncate(max);
    if words.is_empty() {
        return None;
    }
    let count = words.len();
    let terms: Vec<String> = words
        .into_iter()
        .enumerate()
        .map(|(i, w)| {
            let prefix = still_typing && i + 1 == count && Some(w) == last.as_ref();
            quoted(w, prefix)
        })
        .collect();
    Some(terms.join(match combine {
        Combine::All => " ",
        Combine::Any => " OR ",
    }))
}

/// The case list's `MATCH` expression: every whitespace-separated word of `text` that holds a
/// letter or digit, as a prefix (a case number such as `C-001042` stays one quoted phrase), all
/// of them required; `None` when `text` has no such word.
pub fn prefix_expression(text: &str) -> Option<String> {
    let terms: Vec<String> = searchable(text)
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .take(MAX_PREFIXES)
        .map(|w| quoted(w, true))
        .collect();
    (!terms.is_empty()).then(|| terms.join(" "))
}

/// One FTS5 string: between double quotes, a quote inside doubled.
fn quoted(word: &str, prefix: bool) -> String {
    let star = if prefix { "*" } else { "" };
    format!("\"{}\"{star}", word.replace('"', "\"\""))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_is_quoted_and_the_last_one_typed_is_a_prefix() {
        assert_eq!(
            match_expression("Segmentación audien", Combine::All).as_deref(),
            Some("\"segmentación\" \"audien\"*")
        );
        assert_eq!(
            match_expression("report suite ", Combine::All).as_deref(),
            Some("\"report\" \"suite\"")
        );
        assert_eq!(
            match_expression("flicker at.js", Combine::Any).as_deref(),
            Some("\"flicker\" OR \"js\"*")
        );
    }

    #[test]
    fn syntax_in_the_text_is_only_a_separator() {
        for hostile in [
            "\"unbalanced",
            "NEAR(a b",
            "a*",
            "-a",
            "a OR b)",
            "col:a",
            "^start",
            "a AND NOT b",
            "((((",
            "'; DROP TABLE help_articles; --",
        ] {
            let m = match_expression(hostile, Combine::All).unwrap_or_default();
            let outside_quotes: String = m.split('"').step_by(2).collect();
            assert!(
                outside_quotes.chars().all(|c| c == ' ' || c == '*'),
                "{hostile} gave {m}"
            );
        }
        assert_eq!(match_expression("\"()*-:^", Combine::All), None);
        assert_eq!(match_expression("", Combine::Any), None);
    }

    #[test]
    fn case_list_words_are_quoted_prefixes() {
        assert_eq!(prefix_expression("  "), None);
        assert_eq!(prefix_expression("- *"), None);
        assert_eq!(
            prefix_expression("report \"x* OR"),
            Some("\"report\"* \"\"\"x*\"* \"OR\"*".into())
        );
    }

    #[test]
    fn control_characters_are_spaces_in_every_expression() {
        assert_eq!(
            prefix_expression("a\u{0}b\tc\u{1b}").as_deref(),
            Some("\"a\"* \"b\"* \"c\"*")
        );
        assert_eq!(prefix_expression("\u{0}\u{7}"), None);
        assert_eq!(
            match_expression("data\u{0}", Combine::All).as_deref(),
            Some("\"data\"")
        );
        for m in [
            prefix_expression("x\u{0}\u{1}\u{7f}\u{85}y"),
            match_expression("x\u{0}\u{1}\u{7f}\u{85}y", Combine::Any),
        ] {
            assert!(!m.unwrap().chars().any(char::is_control));
        }
    }

    #[test]
    fn common_words_are_left_out_unless_nothing_else_is_there() {
        assert_eq!(
            match_expression("how to segment the data", Combine::All).as_deref(),
            Some("\"segment\" \"data\"*")
        );
        assert_eq!(
            match_expression("para la", Combine::All).as_deref(),
            Some("\"para\" \"la\"*")
        );
    }

    #[test]
    fn repeated_words_count_once_and_long_texts_are_capped() {
        assert_eq!(
            match_expression("Data data DATA", Combine::Any).as_deref(),
            Some("\"data\"*")
        );
        let long: String = (0..100).map(|i| format!("w{i} ")).collect();
        let m = match_expression(&long, Combine::Any).unwrap();
        assert_eq!(m.matches(" OR ").count(), MAX_ANY - 1);
    }
}
