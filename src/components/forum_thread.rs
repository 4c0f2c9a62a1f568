use crate::i18n::{product_key, use_i18n, Key};
use leptos::prelude::*;
use support_contract::help::{is_web_link, ForumThread};

/// One popular forum thread: its title (a link to the forum, in a new tab, when its address is a
/// web one), product, replies and last activity. The help page and the home page list them.
#[component]
pub fn ForumThreadItem(thread: ForumThread) -> impl IntoView {
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
