//! Choices this browser keeps (not the profile: `components::preferences`): the theme and the
//! keyboard shortcuts. They apply as they are chosen.

use crate::components::preferences;
use crate::i18n::{use_i18n, Key};
use leptos::prelude::*;

/// The themes, by what `<html data-theme>` holds ("": the device's light or dark).
const THEMES: [(&str, Key); 3] = [
    ("", Key::ThemeSystem),
    ("light", Key::ThemeLight),
    ("dark", Key::ThemeDark),
];

/// Whether the portal is its own page (`body.sp-page`, which the theme's rules key on).
/// Embedded, the host's theme rules, and the portal leaves the host's `<html>` alone.
fn own_page() -> bool {
    document()
        .body()
        .is_some_and(|b| b.class_name().split(' ').any(|c| c == "sp-page"))
}

/// This browser's choices: the theme (on the portal's own page) and the single-key shortcuts.
#[component]
pub fn BrowserSettings() -> impl IntoView {
    let i18n = use_i18n();
    let theme = RwSignal::new(preferences::theme());
    let shortcuts = RwSignal::new(preferences::shortcuts_on());
    view! {
        <section class="form card" aria-labelledby="browser-settings-title">
            <h2 id="browser-settings-title">{i18n.s(Key::OnThisBrowser)}</h2>
            <p class="hint">{i18n.s(Key::OnThisBrowserHint)}</p>
            {own_page().then(|| view! {
                <fieldset class="choices">
                    <legend>{i18n.s(Key::Theme)}</legend>
                    {THEMES.into_iter().map(|(value, key)| view! {
                        <label class="choice">
                            <input type="radio" name="theme" value=value
                                prop:checked=move || theme.get() == value
                                on:change=move |_| {
                                    theme.set(value.to_string());
                                    preferences::set_theme(value);
                                }/>
                            {i18n.s(key)}
                        </label>
                    }).collect_view()}
                </fieldset>
            })}
            <div class="field">
                <label class="choice">
                    <input type="checkbox" aria-describedby="shortcuts-hint" prop:checked=move || shortcuts.get()
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            shortcuts.set(on);
                            preferences::set_shortcuts(on);
                        }/>
                    {i18n.s(Key::ShortcutsOn)}
                </label>
                <p id="shortcuts-hint" class="hint">{i18n.s(Key::ShortcutsOnHint)}</p>
            </div>
        </section>
    }
}
