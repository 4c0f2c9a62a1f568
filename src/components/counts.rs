use crate::i18n::{use_i18n, Key};
use leptos::prelude::*;

/// A row of figures, each with its name: the tiles above a list.
#[component]
pub fn CountTiles(
    /// What the figures are about, for screen readers.
    label: Key,
    items: Vec<(Key, u64)>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <dl class="counts" aria-label=i18n.s(label)>
            {items.into_iter().map(|(key, n)| view! {
                <div><dt>{i18n.s(key)}</dt><dd>{move || i18n.number(n as f64)}</dd></div>
            }).collect_view()}
        </dl>
    }
}

/// The choice of `;` between a CSV download's columns, which French and Spanish spreadsheets
/// expect (checked at first in those languages).
#[component]
pub fn SemicolonChoice(id: &'static str, semicolon: RwSignal<bool>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="choice">
            <input type="checkbox" id=id prop:checked=move || semicolon.get()
                on:change=move |ev| semicolon.set(event_target_checked(&ev))/>
            <label for=id>{i18n.s(Key::SemicolonSeparator)}</label>
        </div>
    }
}
