//! Translations and locale-aware formatting. A leaf: it knows nothing of the backend or features.

mod format;
mod labels;
mod messages;
#[cfg(test)]
mod tests;

pub use format::{
    browser_time_zone, format_clock, format_date_time, format_kilobytes, format_month,
    format_number, supported_time_zones, weekday_names, zoned_clock,
};
pub use labels::{
    audit_action_key, capability_key, case_status_key, channel_key, import_outcome_key, kind_key,
    priority_key, priority_meaning_key, product_key, region_key, role_key, row_problem_key,
    standing_key, user_source_key, user_status_key, validation_key,
};
pub use messages::{add_later_english, add_texts, has_texts, text, Key};
pub use support_contract::Locale;

use leptos::prelude::*;

const STORAGE_KEY: &str = "sp.locale";

/// The current locale and time zone, shared through context.
#[derive(Clone, Copy)]
pub struct I18n {
    /// The language shown.
    pub locale: RwSignal<Locale>,
    /// The language asked for: the one shown once its texts are here (see `messages`).
    pub wanted: RwSignal<Locale>,
    /// A language asked for whose texts could not be fetched (the one shown stayed); cleared
    /// when a language is shown.
    pub missed: RwSignal<Option<Locale>>,
    /// The user's chosen IANA time zone; `None` follows the browser.
    pub time_zone: RwSignal<Option<String>>,
}

impl I18n {
    /// The text of `key` in the current locale (reactive).
    pub fn t(self, key: Key) -> &'static str {
        text(key, self.locale.get())
    }

    /// A reactive closure for `view!`: `{i18n.s(Key::SignIn)}`.
    pub fn s(self, key: Key) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
        move || self.t(key)
    }

    /// The text of `key` with `{name}` placeholders filled in (reactive).
    pub fn tr(self, key: Key, args: &[(&str, &str)]) -> String {
        fill(self.t(key), args)
    }

    /// Formats an RFC 3339 instant for the current locale and time zone (reactive).
    pub fn date_time(self, iso: &str) -> String {
        format_date_time(iso, self.locale.get(), self.time_zone.get().as_deref())
    }

    /// Formats a number for the current locale (reactive).
    pub fn number(self, n: f64) -> String {
        format_number(n, self.locale.get())
    }

    /// A count in words: `one` for exactly one, else `many` with its `{count}` filled in the
    /// locale's numbers (reactive).
    pub fn count(self, n: u64, one: Key, many: Key) -> String {
        match n {
            1 => self.t(one).to_string(),
            n => self.tr(many, &[("count", &self.number(n as f64))]),
        }
    }

    /// A duration in minutes as people say it: minutes under an hour, hours under two days,
    /// then days, with the locale's numbers (reactive).
    pub fn duration(self, minutes: i64) -> String {
        let (key, n) = match minutes {
            m if m < 60 => (Key::DurationMinutes, m as f64),
            m if m < 48 * 60 => (Key::DurationHours, (m as f64 / 6.0).round() / 10.0),
            m => (Key::DurationDays, (m as f64 / 144.0).round() / 10.0),
        };
        self.tr(key, &[("n", &self.number(n))])
    }

    /// Switches language (at once when its texts are here, else once they arrive) and
    /// remembers it in this browser for the next visit.
    pub fn switch(self, locale: Locale) {
        self.wanted.set(locale);
        if has_texts(locale) {
            self.locale.set(locale);
        }
        crate::stored::write(STORAGE_KEY, locale.tag());
    }
}

/// Replaces each `{name}` in `template` by its value.
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = template.to_string();
    for (name, value) in args {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

/// Provides the i18n context, starting from the browser's remembered or preferred language.
pub fn provide_i18n() -> I18n {
    let wanted = initial_locale();
    let shown = if has_texts(wanted) {
        wanted
    } else {
        Locale::En
    };
    let i18n = I18n {
        locale: RwSignal::new(shown),
        wanted: RwSignal::new(wanted),
        missed: RwSignal::new(None),
        time_zone: RwSignal::new(None),
    };
    provide_context(i18n);
    i18n
}

/// The i18n context. Panics outside `provide_i18n`, which is a programming error.
pub fn use_i18n() -> I18n {
    expect_context::<I18n>()
}

/// The language remembered in this browser, else the first supported browser language.
pub fn initial_locale() -> Locale {
    let remembered = crate::stored::read(STORAGE_KEY).and_then(|tag| Locale::from_tag(&tag));
    let browser: Vec<String> = window()
        .navigator()
        .languages()
        .iter()
        .filter_map(|v| v.as_string())
        .collect();
    crate::domain::negotiate_locale(None, remembered, &browser)
}
