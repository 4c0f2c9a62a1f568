use super::{use_list_params, AdminTabs, ListSearch, Pager};
use crate::api::use_backend;
use crate::components::{AppLink, DataTable, ErrorNotice, LoadingIndicator, SelectField};
use crate::domain::{ListParams, SORT, SUPPORT_USERS};
use crate::i18n::{role_key, use_i18n, user_status_key, validation_key, Key};
use leptos::prelude::*;
use support_contract::{Page, SupportUser};

/// The organisation's support users: counts per role, then a searchable, filterable, sortable
/// table whose every choice lives in the URL.
#[component]
pub fn SupportUsersPage() -> impl IntoView {
    let i18n = use_i18n();
    let backend = use_backend();
    let (query, go) = use_list_params(SUPPORT_USERS, "/support-users");
    let users = LocalResource::new({
        let backend = backend.clone();
        move || {
            let backend = backend.clone();
            let q = query.get();
            async move { backend.support_users(q).await }
        }
    });
    view! {
        <div class="page">
            <h1 id="page-title">{i18n.s(Key::NavSupportUsers)}</h1>
            <AdminTabs/>
            <Counts/>
            <Filters query=query go=go/>
            <Transition fallback=|| view! { <LoadingIndicator/> }>
                {move || Suspend::new(async move {
                    match users.await {
                        Ok(page) if page.items.is_empty() => {
                            let key = if query.get_untracked().is_filtered() { Key::NoSupportUsersMatch } else { Key::NoSupportUsers };
                            view! { <p class="empty" role="status">{i18n.s(key)}</p> }.into_any()
                        }
                        Ok(page) => view! { <UserTable page=page query=query go=go/> }.into_any(),
                        Err(e) => view! { <ErrorNotice error=e/> }.into_any(),
                    }
                })}
            </Transition>
        </div>
    }
}

/// How many current support users there are per role, and how many wait for something.
#[component]
fn Counts() -> impl IntoView {
    let i18n = use_i18n();
    let backend = use_backend();
    let counts = LocalResource::new(move || {
        let backend = backend.clone();
        async move { backend.support_user_counts().await }
    });
    view! {
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                counts.await.ok().map(|c| {
                    let items = [
                        (Key::CountSystemAdmins, c.support_system_admins),
                        (Key::CountSupportAdmins, c.customer_support_admins),
                        (Key::CountInvited, c.invited),
                        (Key::CountNeedsReview, c.needs_review),
                        (Key::CountFlagged, c.flagged),
                    ];
                    view! {
                        <dl class="counts" aria-label=i18n.s(Key::CountsLabel)>
                            {items.into_iter().map(|(key, n)| view! {
                                <div><dt>{i18n.s(key)}</dt><dd>{move || i18n.number(n as f64)}</dd></div>
                            }).collect_view()}
                        </dl>
                    }
                })
            })}
        </Transition>
    }
}

fn options(values: &[(&str, Key)]) -> Vec<(String, Key)> {
    values.iter().map(|(v, k)| (v.to_string(), *k)).collect()
}

/// Search, role, status, review state and sort.
#[component]
fn Filters(query: Memo<ListParams>, go: Callback<ListParams>) -> impl IntoView {
    let i18n = use_i18n();
    let set = move |name: &'static str| {
        Callback::new(move |v: String| go.run(query.get_untracked().with(name, &v)))
    };
    let value = move |name: &'static str| Signal::derive(move || query.get().get(name).to_string());
    let roles = options(&[
        ("support_system_admin", Key::RoleSupportSystemAdmin),
        ("customer_support_admin", Key::RoleCustomerSupportAdmin),
    ]);
    let statuses = options(&[
        ("invited", Key::StatusInvited),
        ("active", Key::StatusActive),
        ("removed", Key::StatusRemoved),
        ("all", Key::StatusAllIncludingRemoved),
    ]);
    let validations = options(&[
        ("needs_review", Key::ValidationNeedsReview),
        ("pending", Key::ValidationPending),
        ("validated", Key::ValidationValidated),
        ("review_due", Key::ValidationReviewDue),
        ("flagged", Key::ValidationFlagged),
    ]);
    let sorts = options(&[
        ("name", Key::SortName),
        ("email", Key::SortEmail),
        ("-created", Key::SortNewest),
        ("created", Key::SortOldest),
        ("-last_active", Key::SortLastActive),
    ]);
    view! {
        <section class="card filters" aria-labelledby="filters-title">
            <h2 id="filters-title" class="visually-hidden">{i18n.s(Key::FiltersTitle)}</h2>
            <ListSearch id="user-search" label=Key::SearchSupportUsers query=query go=go/>
            <div class="filter-grid">
                <SelectField id="filter-role" label=Key::ColRole options=roles any=Key::AnyValue
                    value=value("role") on_change=set("role")/>
                <SelectField id="filter-user-status" label=Key::ColStatus options=statuses any=Key::StatusCurrent
                    value=value("status") on_change=set("status")/>
                <SelectField id="filter-validation" label=Key::ColValidation options=validations any=Key::AnyValue
                    value=value("validation") on_change=set("validation")/>
                <SelectField id="user-sort" label=Key::SortBy options=sorts
                    value=Signal::derive(move || { let s = query.get().get(SORT).to_string(); if s.is_empty() { "name".into() } else { s } })
                    on_change=set(SORT)/>
            </div>
            <Show when=move || query.get().is_filtered()>
                <button type="button" class="button" on:click=move |_| go.run(query.get_untracked().cleared())>
                    {i18n.s(Key::ClearFilters)}
                </button>
            </Show>
        </section>
    }
}

/// One page of support users, and the way to the next.
#[component]
fn UserTable(
    page: Page<SupportUser>,
    query: Memo<ListParams>,
    go: Callback<ListParams>,
) -> impl IntoView {
    let i18n = use_i18n();
    let next = page.next_cursor.clone();
    view! {
        <DataTable caption=Key::NavSupportUsers columns=vec![Key::ColName, Key::Email, Key::ColRole, Key::ColStatus, Key::ColValidation, Key::ColLastActive]>
                    {page.items.into_iter().map(|u| {
                        let last = u.last_active_at.clone();
                        view! {
                            <tr>
                                <th scope="row"><AppLink href=format!("/support-users/{}", u.id)>{u.name.clone()}</AppLink></th>
                                <td>{u.email.clone()}</td>
                                <td>{i18n.s(role_key(Some(u.role)))}</td>
                                <td>{i18n.s(user_status_key(u.status))}</td>
                                <td>{i18n.s(validation_key(u.validation.state))}</td>
                                <td>{move || last.as_deref().map(|t| i18n.date_time(t)).unwrap_or_else(|| i18n.t(Key::Never).to_string())}</td>
                            </tr>
                        }
                    }).collect_view()}
        </DataTable>
        <Pager query=query go=go next=next/>
    }
}
