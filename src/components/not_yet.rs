use super::AppLink;
use crate::i18n::{use_i18n, Key};
use leptos::prelude::*;

/// An honest page for a part of the portal that is not built yet, with the way to get help.
#[component]
pub fn NotYetAvailable(title: Key) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="card" aria-labelledby="page-title">
            <h1 id="page-title">{i18n.s(title)}</h1>
            <h2>{i18n.s(Key::NotYetTitle)}</h2>
            <p>{i18n.s(Key::NotYetBody)}</p>
            <p><AppLink href="/contact">{i18n.s(Key::NavContact)}</AppLink></p>
        </section>
    }
}
