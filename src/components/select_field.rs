use crate::i18n::{use_i18n, Key};
use leptos::prelude::*;
use serde::Serialize;
use support_contract::cases::Person;
use support_contract::wire::wire_name;

/// What an option says: a translated label, or text from the backend (a person's name),
/// always shown as text.
#[derive(Clone, Debug, PartialEq)]
pub enum Label {
    Key(Key),
    Text(String),
}

/// A select's options for enum values: each value's wire name and its label.
pub fn wire_options<T: Serialize>(
    values: impl IntoIterator<Item = (T, Key)>,
) -> Vec<(String, Label)> {
    values
        .into_iter()
        .map(|(v, key)| (wire_name(&v).to_string(), Label::Key(key)))
        .collect()
}

/// The first value of a multi-valued filter, as a select shows it (`""`: any).
pub fn first_wire<T: Serialize>(values: &[T]) -> String {
    values
        .first()
        .map(|v| wire_name(v).to_string())
        .unwrap_or_default()
}

/// A select's options for people (their ids and names), from a list that may still be loading
/// or may have failed (then there is no one to choose but "Any").
pub fn people_options(people: Option<Vec<Person>>) -> Vec<(String, Label)> {
    people
        .unwrap_or_default()
        .into_iter()
        .map(|p| (p.id, Label::Text(p.name)))
        .collect()
}

/// A labelled select; with `any`, a first empty option ("Any") means no choice. `on_change`
/// receives the chosen value (`""` for "Any"). The options may arrive after the value (both can
/// come from the backend): each option marks itself selected, so the choice shows either way.
#[component]
pub fn SelectField(
    id: &'static str,
    label: Key,
    /// Values (wire names, ids) and what each says.
    #[prop(into)]
    options: Signal<Vec<(String, Label)>>,
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
                {any.map(|key| view! { <option value="" selected=move || value.with(String::is_empty)>{i18n.s(key)}</option> })}
                {move || options.get().into_iter().map(|(v, shown)| {
                    let mine = v.clone();
                    let text = move || match &shown {
                        Label::Key(key) => i18n.t(*key).to_string(),
                        Label::Text(text) => text.clone(),
                    };
                    view! { <option value=v selected=move || value.with(|c| *c == mine)>{text}</option> }
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
