use crate::i18n::{use_i18n, Key};
use leptos::prelude::*;

/// A polite "Loading…" that screen readers announce.
#[component]
pub fn LoadingIndicator() -> impl IntoView {
    let i18n = use_i18n();
    view! { <p class="loading" role="status">{i18n.s(Key::Loading)}</p> }
}
