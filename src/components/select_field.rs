use crate::i18n::{use_i18n, Key};
use leptos::prelude::*;

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
                {options.into_iter().map(|(v, key)| view! { <option value=v>{i18n.s(key)}</option> }).collect_view()}
            </select>
        </div>
    }
}
