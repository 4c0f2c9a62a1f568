use crate::i18n::{use_i18n, Key};
use leptos::prelude::*;

/// A table that scrolls sideways on narrow screens, with a caption for screen readers and
/// translated column headers; the rows come as children. The scrolling box takes keyboard focus
/// (named after the table), so a keyboard can scroll it too (WCAG 2.1.1).
#[component]
pub fn DataTable(caption: Key, columns: Vec<Key>, children: Children) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="table-wrap" tabindex="0" role="region" aria-label=i18n.s(caption)>
            <table class="table">
                <caption class="visually-hidden">{i18n.s(caption)}</caption>
                <thead>
                    <tr>
                        {columns.into_iter().map(|key| view! { <th scope="col">{i18n.s(key)}</th> }).collect_view()}
                    </tr>
                </thead>
                <tbody>{children()}</tbody>
            </table>
        </div>
    }
}
