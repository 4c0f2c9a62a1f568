use crate::i18n::{use_i18n, Key};
use leptos::prelude::*;

/// A list's search box: shows the search the list has (`current`, from the URL), lets the user
/// type a new one, and hands it over on submit (Enter or the button), not at every key.
#[component]
pub fn SearchForm(
    id: &'static str,
    label: Key,
    #[prop(into)] current: Signal<String>,
    on_search: Callback<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let typed = RwSignal::new(current.get_untracked());
    // Back and forward change the list's search: the box follows.
    Effect::new(move |_| typed.set(current.get()));
    view! {
        <form class="search" role="search" on:submit=move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            on_search.run(typed.get_untracked().trim().to_string());
        }>
            <label for=id>{i18n.s(label)}</label>
            <input id=id type="search" prop:value=move || typed.get()
                on:input=move |ev| typed.set(event_target_value(&ev))/>
            <button type="submit" class="button">{i18n.s(Key::Search)}</button>
        </form>
    }
}
