use crate::i18n::{use_i18n, Key};
use leptos::prelude::*;

/// A labelled text input whose error message sits next to it, is tied to it as its
/// description, and marks it invalid, so every form reports problems the same way.
#[component]
pub fn TextField(
    /// Unique in the page; the error's id derives from it.
    id: String,
    label: Key,
    /// The input `type`: `text`, `email`, `password`, ...
    kind: &'static str,
    /// The `autocomplete` token, so browsers and password managers fill the right thing.
    autocomplete: &'static str,
    value: RwSignal<String>,
    /// The message to show, already in the user's language; `None` when the value is fine.
    #[prop(into)]
    error: Signal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let error_id = format!("{id}-error");
    view! {
        <div class="field">
            <label for=id.clone()>{i18n.s(label)}</label>
            <input id=id type=kind autocomplete=autocomplete required
                aria-invalid=move || error.get().is_some().to_string()
                aria-describedby=error_id.clone()
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))/>
            <p id=error_id class="field-error">{move || error.get()}</p>
        </div>
    }
}
