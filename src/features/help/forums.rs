use crate::api::{use_api, HelpApi};
use crate::components::ErrorNotice;
use crate::i18n::{product_key, use_i18n, Key};
use leptos::prelude::*;
use support_contract::help::{is_web_link, ForumThread};
use support_contract::Product;

/// Popular threads of the vendor's forums, of the product filtered on, in the user's language
/// first. Each opens the forum in a new tab (and says so).
#[component]
pub(super) fn ForumThreads(#[prop(into)] product: Signal<Option<Product>>) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api::<dyn HelpApi>();
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
                                {list.into_iter().map(|t| view! { <ThreadItem thread=t/> }).collect_view()}
                            </ul>
                        }.into_any(),
                        Err(e) => view! { <ErrorNotice error=e/> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

/// One thread: its title (a link to the forum when its address is a web one), product, replies
/// and last activity.
#[component]
fn ThreadItem(thread: ForumThread) -> impl IntoView {
    let i18n = use_i18n();
    let lang = thread.language.tag();
    let title = thread.title.clone();
    let link = is_web_link(&thread.url).then(|| thread.url.clone());
    let (replies, last) = (thread.replies, thread.last_activity_at.clone());
    view! {
        <li class="forum-item">
            {match link {
                Some(url) => view! {
                    <a href=url target="_blank" rel="noopener noreferrer">
                        <span lang=lang>{title}</span>
                        <span class="visually-hidden">" "{i18n.s(Key::HelpNewTab)}</span>
                    </a>
                }.into_any(),
                None => view! { <span lang=lang>{title}</span> }.into_any(),
            }}
            <p class="help-meta">
                <span class="badge">{i18n.s(product_key(thread.product))}</span>
                " "
                {move || i18n.tr(Key::HelpForumReplies, &[("count", &i18n.number(f64::from(replies)))])}
                " · "
                {move || i18n.tr(Key::HelpForumActivity, &[("date", &i18n.date_time(&last))])}
            </p>
        </li>
    }
}
