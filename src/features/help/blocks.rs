use crate::domain::{heading_level, link_runs, Run};
use crate::i18n::{use_i18n, Key};
use leptos::prelude::*;
use support_contract::help::{is_web_link, Block, Span};

/// An article's body, drawn from the contract's blocks with the app's own elements: every
/// word is a text node, so nothing in an article can add markup, scripts or handlers. Links
/// are `http(s)` only (checked again here) and open in a new tab, without an opener or a
/// referrer.
#[component]
pub fn ArticleBody(blocks: Vec<Block>) -> impl IntoView {
    blocks.into_iter().map(block).collect_view()
}

fn block(b: Block) -> AnyView {
    match b {
        Block::Heading { level, spans } => heading(heading_level(level), runs(&spans)),
        Block::Paragraph { spans } => view! { <p>{runs(&spans)}</p> }.into_any(),
        Block::List { ordered, items } => {
            let items = items
                .into_iter()
                .map(|item| view! { <li>{item.blocks.into_iter().map(block).collect_view()}</li> })
                .collect_view();
            if ordered {
                view! { <ol>{items}</ol> }.into_any()
            } else {
                view! { <ul>{items}</ul> }.into_any()
            }
        }
        // Scrollable when long, so reachable by keyboard.
        Block::Code { text, .. } => {
            view! { <pre class="code" tabindex="0"><code>{text}</code></pre> }.into_any()
        }
        Block::Quote { blocks } => {
            view! { <blockquote>{blocks.into_iter().map(block).collect_view()}</blockquote> }
                .into_any()
        }
        // A kind of block this version does not know: skipped rather than guessed at.
        Block::Unknown => ().into_any(),
    }
}

fn heading(level: u8, content: AnyView) -> AnyView {
    match level {
        2 => view! { <h2>{content}</h2> }.into_any(),
        3 => view! { <h3>{content}</h3> }.into_any(),
        4 => view! { <h4>{content}</h4> }.into_any(),
        5 => view! { <h5>{content}</h5> }.into_any(),
        _ => view! { <h6>{content}</h6> }.into_any(),
    }
}

/// A paragraph's spans, each link one element around its spans.
fn runs(spans: &[Span]) -> AnyView {
    link_runs(spans)
        .into_iter()
        .map(run)
        .collect_view()
        .into_any()
}

fn run(r: Run) -> AnyView {
    let content = r.spans.into_iter().map(span).collect_view();
    match r.href.filter(|h| is_web_link(h)) {
        Some(href) => view! { <ArticleLink href=href>{content}</ArticleLink> }.into_any(),
        None => content.into_any(),
    }
}

/// A link of an article: a new tab, no opener, no referrer, and a word for screen readers.
#[component]
fn ArticleLink(href: String, children: Children) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <a href=href target="_blank" rel="noopener noreferrer">
            {children()}
            <span class="visually-hidden">" "{i18n.s(Key::HelpNewTab)}</span>
        </a>
    }
}

/// One span: its text, wrapped in the elements of its styles.
fn span(s: Span) -> AnyView {
    let mut v = s.text.into_any();
    if s.code {
        v = view! { <code>{v}</code> }.into_any();
    }
    if s.emphasis {
        v = view! { <em>{v}</em> }.into_any();
    }
    if s.strong {
        v = view! { <strong>{v}</strong> }.into_any();
    }
    v
}
