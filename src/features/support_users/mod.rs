//! Support users (administration): the organisation's support users. Creating, removing,
//! changing roles and reviewing come with the user-administration issue.

use crate::api::use_backend;
use crate::components::{ErrorNotice, LoadingIndicator};
use crate::i18n::{role_key, use_i18n, user_source_key, user_status_key, Key};
use leptos::prelude::*;
use support_contract::SupportUser;

/// The table of support users, a page at a time ("Show more").
#[component]
pub fn SupportUsersPage() -> impl IntoView {
    let i18n = use_i18n();
    let backend = use_backend();
    let users = RwSignal::new(Vec::<SupportUser>::new());
    let next = RwSignal::new(None::<String>);
    let load = Action::new_local(move |cursor: &Option<String>| {
        let backend = backend.clone();
        let cursor = cursor.clone();
        async move { backend.support_users(cursor).await }
    });
    load.dispatch(None);
    Effect::new(move |_| {
        if let Some(Ok(page)) = load.value().get() {
            users.update(|u| u.extend(page.items));
            next.set(page.next_cursor);
        }
    });
    let count = move || {
        i18n.tr(
            Key::SupportUsersCount,
            &[("count", &i18n.number(users.with(|u| u.len()) as f64))],
        )
    };
    view! {
        <div class="page">
            <h1 id="page-title">{i18n.s(Key::NavSupportUsers)}</h1>
            <p class="lead" role="status">{count}</p>
            {move || match load.value().get() {
                Some(Err(e)) => view! { <ErrorNotice error=e/> }.into_any(),
                None if load.pending().get() => view! { <LoadingIndicator/> }.into_any(),
                _ if users.with(|u| u.is_empty()) => view! { <p>{i18n.s(Key::NoSupportUsers)}</p> }.into_any(),
                _ => ().into_any(),
            }}
            <div class="table-wrap">
                <table class="table">
                    <caption class="visually-hidden">{i18n.s(Key::NavSupportUsers)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{i18n.s(Key::ColName)}</th>
                            <th scope="col">{i18n.s(Key::Email)}</th>
                            <th scope="col">{i18n.s(Key::ColRole)}</th>
                            <th scope="col">{i18n.s(Key::ColStatus)}</th>
                            <th scope="col">{i18n.s(Key::ColSource)}</th>
                            <th scope="col">{i18n.s(Key::ColCreated)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        <For each=move || users.get() key=|u| u.id.clone() let:u>
                            <tr>
                                <th scope="row">{u.name.clone()}</th>
                                <td>{u.email.clone()}</td>
                                <td>{i18n.s(role_key(Some(u.role)))}</td>
                                <td>{i18n.s(user_status_key(u.status))}</td>
                                <td>{i18n.s(user_source_key(u.source))}</td>
                                <td>{move || i18n.date_time(&u.created_at)}</td>
                            </tr>
                        </For>
                    </tbody>
                </table>
            </div>
            {move || next.get().map(|cursor| view! {
                <button type="button" class="button" disabled=move || load.pending().get()
                    on:click=move |_| { load.dispatch(Some(cursor.clone())); }>
                    {i18n.s(Key::ShowMore)}
                </button>
            })}
        </div>
    }
}
