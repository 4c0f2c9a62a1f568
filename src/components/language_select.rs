use crate::i18n::{use_i18n, Key, Locale};
use leptos::prelude::*;

/// The language switcher. Each language is named in itself, so anyone can find their own. If
/// a language's texts cannot be fetched, it says so (announced) and shows the language in use.
#[component]
pub fn LanguageSelect(#[prop(into)] on_change: Callback<Locale>) -> impl IntoView {
    let i18n = use_i18n();
    let on_select = move |ev| {
        if let Some(locale) = Locale::from_tag(&event_target_value(&ev)) {
            on_change.run(locale);
        }
    };
    let missed = move || {
        i18n.missed
            .get()
            .map(|l| i18n.tr(Key::LanguageNotLoaded, &[("language", native_name(l))]))
    };
    // A language that did not come leaves the select on the one shown.
    let shown = move || {
        i18n.missed.track();
        i18n.locale.get().tag()
    };
    view! {
        <div class="language-switch">
            <label class="language">
                <span>{i18n.s(Key::Language)}</span>
                <select on:change=on_select prop:value=shown aria-describedby="language-missed">
                    {Locale::ALL.into_iter().map(|l| view! {
                        <option value=l.tag() lang=l.tag() selected=move || i18n.locale.get() == l>{native_name(l)}</option>
                    }).collect_view()}
                </select>
            </label>
            // Present from the start, so that screen readers announce what appears in it.
            <p id="language-missed" class="language-missed" role="status">{missed}</p>
        </div>
    }
}

fn native_name(locale: Locale) -> &'static str {
    match locale {
        Locale::En => "English",
        Locale::Fr => "Français",
        Locale::Es => "Español",
    }
}
