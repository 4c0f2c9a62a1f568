use support_contract::Locale;

/// Picks the UI language: the user's profile choice, then the choice remembered in this
/// browser, then the first supported browser language, then English.
pub fn negotiate_locale(
    profile: Option<Locale>,
    remembered: Option<Locale>,
    browser: &[String],
) -> Locale {
    profile
        .or(remembered)
        .or_else(|| browser.iter().find_map(|tag| Locale::from_tag(tag)))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn langs(tags: &[&str]) -> Vec<String> {
        tags.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn the_profile_choice_wins_over_browser_and_memory() {
        let got = negotiate_locale(Some(Locale::Es), Some(Locale::Fr), &langs(&["fr-FR"]));
        assert_eq!(got, Locale::Es);
    }

    #[test]
    fn without_a_profile_choice_the_remembered_switch_wins() {
        assert_eq!(
            negotiate_locale(None, Some(Locale::Fr), &langs(&["es"])),
            Locale::Fr
        );
    }

    #[test]
    fn the_first_supported_browser_language_is_used() {
        assert_eq!(
            negotiate_locale(None, None, &langs(&["de-DE", "es-MX", "fr"])),
            Locale::Es
        );
    }

    #[test]
    fn english_is_the_fallback() {
        assert_eq!(
            negotiate_locale(None, None, &langs(&["de", "ja"])),
            Locale::En
        );
    }
}
