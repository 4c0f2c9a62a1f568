use crate::i18n::{use_i18n, Key};
use leptos::prelude::*;

/// A labelled select over people (id, name) with a first "Any" option; `on_change` receives the
/// chosen id (`""` for "Any"). The people may arrive after the value (both come from the
/// backend): each option marks itself selected, so the choice shows either way.
#[component]
pub fn PersonSelect(
    id: &'static str,
    label: Key,
    /// The people to choose from, as (id, name); names are user content, shown as text.
    #[prop(into)]
    people: Signal<Vec<(String, String)>>,
    #[prop(into)] value: Signal<String>,
    on_change: Callback<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="field">
            <label for=id>{i18n.s(label)}</label>
            <select id=id on:change=move |ev| on_change.run(event_target_value(&ev))>
                <option value="" selected=move || value.get().is_empty()>{i18n.s(Key::AnyValue)}</option>
                {move || people.get().into_iter().map(|(person, name)| {
                    let mine = person.clone();
                    view! { <option value=person selected=move || value.get() == mine>{name}</option> }
                }).collect_view()}
            </select>
        </div>
    }
}
