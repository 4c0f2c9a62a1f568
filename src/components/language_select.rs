use crate::i18n::{use_i18n, Key, Locale};
use leptos::prelude::*;

/// The language switcher. Each language is named in itself, so anyone can find their own.
#[component]
pub fn LanguageSelect(#[prop(into)] on_change: Callback<Locale>) -> impl IntoView {
    let i18n = use_i18n();
    let on_select = move |ev| {
        if let Some(locale) = Locale::from_tag(&event_target_value(&ev)) {
            on_change.run(locale);
        }
    };
    view! {
        <label class="language">
            <span>{i18n.s(Key::Language)}</span>
            <select on:change=on_select prop:value=move || i18n.locale.get().tag()>
                {Locale::ALL.into_iter().map(|l| view! {
                    <option value=l.tag() lang=l.tag() selected=move || i18n.locale.get() == l>{native_name(l)}</option>
                }).collect_view()}
            </select>
        </label>
    }
}

fn native_name(locale: Locale) -> &'static str {
    match locale {
        Locale::En => "English",
        Locale::Fr => "Français",
        Locale::Es => "Español",
    }
}
