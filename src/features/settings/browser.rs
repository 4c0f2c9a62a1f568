//! Choices this browser keeps (not the profile): they apply at once, and the theme before the
//! app starts on the next visit (the boot module reads it: `THEME_BOOT` in scripts/assets.mjs).

use crate::i18n::{use_i18n, Key};
use leptos::prelude::*;

/// Where the theme is kept; the boot module reads the same key.
const THEME_KEY: &str = "sp-theme";

/// The themes, by what `<html data-theme>` holds ("": the device's light or dark).
const THEMES: [(&str, Key); 3] = [
    ("", Key::ThemeSystem),
    ("light", Key::ThemeLight),
    ("dark", Key::ThemeDark),
];

fn storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

/// Whether the portal is its own page (`body.sp-page`, which the theme's rules key on).
/// Embedded, the host's theme rules, and the portal leaves the host's `<html>` alone.
fn own_page() -> bool {
    document()
        .body()
        .is_some_and(|b| b.class_name().split(' ').any(|c| c == "sp-page"))
}

/// Applies a theme to the page now and keeps it for the next visit.
fn choose_theme(theme: &str) {
    if let Some(s) = storage() {
        let _ = match theme {
            "" => s.remove_item(THEME_KEY),
            _ => s.set_item(THEME_KEY, theme),
        };
    }
    if let Some(root) = document().document_element() {
        let _ = root.set_attribute("data-theme", theme);
    }
}

/// This browser's choices: the theme (on the portal's own page), applied as it is chosen.
#[component]
pub fn BrowserSettings() -> impl IntoView {
    let i18n = use_i18n();
    let chosen = storage()
        .and_then(|s| s.get_item(THEME_KEY).ok().flatten())
        .unwrap_or_default();
    let theme = RwSignal::new(chosen);
    own_page().then(|| {
        view! {
            <section class="form card" aria-labelledby="browser-settings-title">
                <h2 id="browser-settings-title">{i18n.s(Key::OnThisBrowser)}</h2>
                <p class="hint">{i18n.s(Key::OnThisBrowserHint)}</p>
                <fieldset class="choices">
                    <legend>{i18n.s(Key::Theme)}</legend>
                    {THEMES.into_iter().map(|(value, key)| view! {
                        <label class="choice">
                            <input type="radio" name="theme" value=value
                                prop:checked=move || theme.get() == value
                                on:change=move |_| {
                                    theme.set(value.to_string());
                                    choose_theme(value);
                                }/>
                            {i18n.s(key)}
                        </label>
                    }).collect_view()}
                </fieldset>
            </section>
        }
    })
}
