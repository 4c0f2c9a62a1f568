use crate::api::{use_api, ForumsApi};
use crate::components::{ErrorNotice, ForumThreadItem};
use crate::i18n::{use_i18n, Key};
use leptos::prelude::*;
use support_contract::Product;

/// Popular threads of the vendor's forums, of the product filtered on, in the user's language
/// first. Each opens the forum in a new tab (and says so).
#[component]
pub(super) fn ForumThreads(#[prop(into)] product: Signal<Option<Product>>) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api::<dyn ForumsApi>();
    let threads = LocalResource::new(move || api.forum_threads(product.get(), i18n.locale.get()));
    view! {
        <section class="card help-forums" aria-labelledby="help-forums-title">
            <h2 id="help-forums-title">{i18n.s(Key::HelpForumsTitle)}</h2>
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    match threads.await {
                        Ok(list) if list.is_empty() => view! { <p class="empty">{i18n.s(Key::HelpForumsNone)}</p> }.into_any(),
                        Ok(list) => view! {
                            <ul class="forum-list">
                                {list.into_iter().map(|t| view! { <ForumThreadItem thread=t/> }).collect_view()}
                            </ul>
                        }.into_any(),
                        Err(e) => view! { <ErrorNotice error=e reload=true/> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}
