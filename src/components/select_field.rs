use crate::i18n::{use_i18n, Key};
use leptos::prelude::*;
use serde::Serialize;
use support_contract::wire::wire_name;

/// A select's options for enum values: each value's wire name and its label.
pub fn wire_options<T: Serialize>(
    values: impl IntoIterator<Item = (T, Key)>,
) -> Vec<(String, Key)> {
    values
        .into_iter()
        .map(|(v, key)| (wire_name(&v).to_string(), key))
        .collect()
}

/// A labelled select over translated options; with `any`, a first empty option ("Any") means
/// no choice. `on_change` receives the chosen value (`""` for "Any").
#[component]
pub fn SelectField(
    id: &'static str,
    label: Key,
    /// Values (wire names) and their labels.
    options: Vec<(String, Key)>,
    #[prop(into)] value: Signal<String>,
    on_change: Callback<String>,
    /// The label of the empty first option, if the field may be left unset.
    #[prop(optional)]
    any: Option<Key>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="field">
            <label for=id>{i18n.s(label)}</label>
            <select id=id prop:value=move || value.get()
                on:change=move |ev| on_change.run(event_target_value(&ev))>
                {any.map(|key| view! { <option value="">{i18n.s(key)}</option> })}
                // Each option also marks itself: options built after the value still show it.
                {options.into_iter().map(|(v, key)| {
                    let mine = v.clone();
                    view! { <option value=v selected=move || value.with(|c| *c == mine)>{i18n.s(key)}</option> }
                }).collect_view()}
            </select>
        </div>
    }
}

/// A labelled date input (`YYYY-MM-DD`); `on_change` receives the date (`""` when cleared).
#[component]
pub fn DateField(
    id: &'static str,
    label: Key,
    #[prop(into)] value: Signal<String>,
    on_change: Callback<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="field">
            <label for=id>{i18n.s(label)}</label>
            <input id=id type="date" prop:value=move || value.get()
                on:change=move |ev| on_change.run(event_target_value(&ev))/>
        </div>
    }
}
