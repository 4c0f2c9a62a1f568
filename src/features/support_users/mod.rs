//! Support users (administration, for the Support System Administrator): the list, creating a
//! user, a user's page (role, review, removal), the review queue, CSV import and the audit log.

mod audit;
mod create;
mod detail;
mod import;
mod list;
mod review;
mod user_forms;

pub use audit::AuditLogPage;
pub use create::CreateSupportUserPage;
pub use detail::SupportUserPage;
pub use import::ImportSupportUsersPage;
pub use list::SupportUsersPage;
pub use review::ReviewQueuePage;

use crate::api::with_query;
use crate::components::{AppLink, SearchForm};
use crate::domain::{ListParams, Schema, CURSOR};
use crate::i18n::{use_i18n, Key};
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};

/// The administration's own pages, as links (the current one is marked by the router).
#[component]
fn AdminTabs() -> impl IntoView {
    let i18n = use_i18n();
    let tabs = [
        ("/support-users", Key::NavSupportUsers),
        ("/support-users/new", Key::AddSupportUser),
        ("/support-users/review", Key::ReviewQueue),
        ("/support-users/import", Key::ImportUsers),
        ("/support-users/audit", Key::AuditLog),
    ];
    view! {
        <nav class="subnav" aria-label=i18n.s(Key::AdminSections)>
            <ul>
                {tabs.into_iter().map(|(href, key)| view! {
                    <li><AppLink href=href.to_string() exact=true>{i18n.s(key)}</AppLink></li>
                }).collect_view()}
            </ul>
        </nav>
    }
}

/// "First page" (when not on it) and "Next page" (when there is one) for a list in the URL.
#[component]
fn Pager(query: Memo<ListParams>, go: Callback<ListParams>, next: Option<String>) -> impl IntoView {
    let i18n = use_i18n();
    let on_first_page = query.get_untracked().get(CURSOR).is_empty();
    view! {
        <div class="pager">
            {(!on_first_page).then(|| view! {
                <button type="button" class="button" on:click=move |_| go.run(query.get_untracked().with(CURSOR, ""))>
                    {i18n.s(Key::FirstPage)}
                </button>
            })}
            {next.map(|cursor| view! {
                <button type="button" class="button" on:click=move |_| go.run(query.get_untracked().with(CURSOR, &cursor))>
                    {i18n.s(Key::NextPage)}
                </button>
            })}
        </div>
    }
}

/// A list's state from the URL, and the way to change it (a navigation, so the back button
/// restores the previous view).
fn use_list_params(schema: Schema, path: &'static str) -> (Memo<ListParams>, Callback<ListParams>) {
    let params = use_query_map();
    let query = Memo::new(move |_| params.with(|p| ListParams::from_params(schema, |k| p.get(k))));
    let navigate = use_navigate();
    let go = Callback::new(move |q: ListParams| {
        navigate(&with_query(path, &q.to_params()), Default::default());
    });
    (query, go)
}

/// The list's search box: the `q` parameter, applied on submit.
#[component]
fn ListSearch(
    id: &'static str,
    label: Key,
    query: Memo<ListParams>,
    go: Callback<ListParams>,
) -> impl IntoView {
    view! {
        <SearchForm id=id label=label current=Signal::derive(move || query.get().get("q").to_string())
            on_search=Callback::new(move |q: String| go.run(query.get_untracked().with("q", &q)))/>
    }
}
