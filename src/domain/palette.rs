//! The command palette's rules: which of its entries a search keeps, and when cases are
//! searched for too.

/// Folds a letter for matching: lower case, and the accented letters of French and Spanish to
/// their base letter, so "parametres" finds "Paramètres".
fn fold(c: char) -> char {
    match c {
        'à' | 'â' | 'á' | 'ä' => 'a',
        'é' | 'è' | 'ê' | 'ë' => 'e',
        'î' | 'ï' | 'í' => 'i',
        'ô' | 'ó' | 'ö' => 'o',
        'ù' | 'û' | 'ú' | 'ü' => 'u',
        'ç' => 'c',
        'ñ' => 'n',
        c => c,
    }
}

fn folded(text: &str) -> String {
    text.chars()
        .flat_map(char::to_lowercase)
        .map(fold)
        .collect()
}

/// Whether an entry labelled `label` answers `typed`: every word typed is in the label,
/// ignoring case and accents. Nothing typed keeps every entry.
pub fn palette_matches(label: &str, typed: &str) -> bool {
    let label = folded(label);
    // Words are split at spaces (typed text has no other blanks worth splitting at).
    folded(typed)
        .split(' ')
        .all(|w| w.is_empty() || label.contains(w))
}

/// The case search a palette search makes (cases by number or by words of their title), or
/// none while fewer than two letters are typed.
pub fn palette_case_search(typed: &str) -> Option<String> {
    let typed = typed.trim();
    (typed.chars().filter(|c| c.is_alphanumeric()).count() >= 2).then(|| typed.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_typed_must_be_in_the_label_in_any_case_or_accent() {
        assert!(palette_matches("Go to Paramètres", "parametres"));
        assert!(palette_matches("Add a support user", "user ADD"));
        assert!(palette_matches("Añadir un usuario", "anadir"));
        assert!(!palette_matches("Go to Cases", "users"));
        assert!(!palette_matches("Go to Cases", "cases x"));
    }

    #[test]
    fn nothing_typed_keeps_every_entry() {
        assert!(palette_matches("Go to Cases", ""));
        assert!(palette_matches("Go to Cases", "   "));
    }

    #[test]
    fn cases_are_searched_from_two_letters_or_digits() {
        assert_eq!(palette_case_search(" C-0001 "), Some("C-0001".into()));
        assert_eq!(palette_case_search("42"), Some("42".into()));
        assert_eq!(palette_case_search("4"), None);
        assert_eq!(palette_case_search("- -"), None);
    }
}
