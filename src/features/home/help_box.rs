use crate::api::{use_api, ForumsApi};
use crate::components::{
    use_go_to, AppLink, ErrorNotice, ForumThreadItem, Hold, LoadingIndicator, SearchForm,
};
use crate::domain::{search_text, with_query};
use crate::i18n::{use_i18n, Key};
use leptos::prelude::*;
use support_contract::help::HelpQuery;
use support_contract::query::ListQuery;

/// How many popular threads the home page lists.
const POPULAR: usize = 5;

/// Help from the home page: a search that opens the help page with its results, and the most
/// answered forum threads in the user's language.
#[component]
pub(super) fn HelpBox() -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api::<dyn ForumsApi>();
    let go_to = use_go_to();
    // The page (see `Settled`) waits for this block's first answer.
    let hold = Hold::new();
    let threads = LocalResource::new(move || api.forum_threads(None, i18n.locale.get()));
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
            <Transition fallback=|| view! { <LoadingIndicator/> }>
                {move || Suspend::new(async move {
                    match hold.after(threads.await) {
                        Ok(list) if list.is_empty() => view! { <p class="empty">{i18n.s(Key::HomePopularNone)}</p> }.into_any(),
                        Ok(list) => view! {
                            <ul class="forum-list">
                                {list.into_iter().take(POPULAR).map(|t| view! { <ForumThreadItem thread=t/> }).collect_view()}
                            </ul>
                        }.into_any(),
                        Err(e) => view! { <ErrorNotice error=e retry=Callback::new(move |_| threads.refetch())/> }.into_any(),
                    }
                })}
            </Transition>
            <p><AppLink href="/help">{i18n.s(Key::HomeAllHelp)}</AppLink></p>
        </section>
    }
}
