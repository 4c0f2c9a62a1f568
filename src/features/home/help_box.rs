use crate::components::{use_go_to, AppLink, ForumThreadItem, SearchForm};
use crate::domain::{search_text, with_query};
use crate::i18n::{use_i18n, Key};
use leptos::prelude::*;
use support_contract::help::{ForumThread, HelpQuery};
use support_contract::query::ListQuery;

/// Help from the home page: a search that opens the help page with its results, and the most
/// answered forum threads in the user's language.
#[component]
pub(super) fn HelpBox(threads: Vec<ForumThread>) -> impl IntoView {
    let i18n = use_i18n();
    let go_to = use_go_to();
    let search = Callback::new(move |typed: String| {
        let query = HelpQuery {
            q: search_text(&typed),
            ..HelpQuery::default()
        };
        go_to(&with_query("/help", &query.to_pairs()));
    });
    view! {
        <section class="card home-help" aria-labelledby="home-help-title">
            <h2 id="home-help-title">{i18n.s(Key::HomeHelpTitle)}</h2>
            <SearchForm id="home-help-search" label=Key::HelpSearchLabel current=Signal::stored(String::new()) on_search=search/>
            <h3>{i18n.s(Key::HomePopularTitle)}</h3>
            {if threads.is_empty() {
                view! { <p class="empty">{i18n.s(Key::HomePopularNone)}</p> }.into_any()
            } else {
                view! {
                    <ul class="forum-list">
                        {threads.into_iter().map(|t| view! { <ForumThreadItem thread=t/> }).collect_view()}
                    </ul>
                }.into_any()
            }}
            <p><AppLink href="/help">{i18n.s(Key::HomeAllHelp)}</AppLink></p>
        </section>
    }
}
