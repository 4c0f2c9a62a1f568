use crate::domain::{linkify, Segment};
use leptos::prelude::*;

/// Plain text (user content) with its `http`/`https` addresses made into links that open apart
/// and tell the target nothing (`rel="noopener noreferrer"`); never rendered as HTML.
#[component]
pub fn LinkedText(#[prop(into)] text: String) -> impl IntoView {
    linkify(&text)
        .into_iter()
        .map(|s| match s {
            Segment::Text(t) => view! { <span>{t}</span> }.into_any(),
            Segment::Link(href) => {
                let shown = href.clone();
                view! { <a href=href target="_blank" rel="noopener noreferrer">{shown}</a> }
                    .into_any()
            }
        })
        .collect_view()
}
