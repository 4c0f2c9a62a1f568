use super::AdminTabs;
use crate::api::{use_api, SupportUsersApi};
use crate::components::{
    use_list_url, wire_options, AppLink, CountTiles, DataTable, ErrorNotice, FilterPanel,
    ListSearch, ListUrl, LoadingIndicator, SelectField,
};
use crate::i18n::{role_key, use_i18n, user_status_key, validation_key, Key};
use leptos::prelude::*;
use support_contract::users::{StatusFilter, SupportUserQuery, UserSort, ValidationFilter};
use support_contract::wire::{from_wire, wire_name};
use support_contract::{Page, Role, SupportUser};

/// The organisation's support users: counts per role, then a searchable, filterable, sortable
/// table whose every choice lives in the URL.
#[component]
pub fn SupportUsersPage() -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api::<dyn SupportUsersApi>();
    let list = use_list_url::<SupportUserQuery>("/support-users");
    let users = LocalResource::new(move || api.support_users(list.query.get()));
    view! {
        <div class="page">
            <h1 id="page-title">{i18n.s(Key::NavSupportUsers)}</h1>
            <AdminTabs/>
            <Counts/>
            <Filters list=list/>
            <Transition fallback=|| view! { <LoadingIndicator/> }>
                {move || Suspend::new(async move {
                    match users.await {
                        Ok(page) if page.items.is_empty() => {
                            let key = list.empty_key(Key::NoSupportUsersMatch, Key::NoSupportUsers);
                            view! { <p class="empty" role="status">{i18n.s(key)}</p> }.into_any()
                        }
                        Ok(page) => view! { <UserTable page=page list=list/> }.into_any(),
                        Err(e) => view! { <ErrorNotice error=e reload=true/> }.into_any(),
                    }
                })}
            </Transition>
        </div>
    }
}

/// How many current support users there are per role, and how many wait for something.
#[component]
fn Counts() -> impl IntoView {
    let api = use_api::<dyn SupportUsersApi>();
    let counts = LocalResource::new(move || api.support_user_counts());
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
                    view! { <CountTiles label=Key::CountsLabel items=items.map(|(k, n)| (k, u64::from(n))).to_vec()/> }
                })
            })}
        </Transition>
    }
}

/// An optional enum value as a select shows it (`""`: any).
fn shown<T: serde::Serialize>(value: Option<T>) -> String {
    value.map(|v| wire_name(&v).to_string()).unwrap_or_default()
}

/// Search, role, status, review state and sort.
#[component]
fn Filters(list: ListUrl<SupportUserQuery>) -> impl IntoView {
    let q = list.query;
    let roles = wire_options([
        (Role::SupportSystemAdmin, Key::RoleSupportSystemAdmin),
        (Role::CustomerSupportAdmin, Key::RoleCustomerSupportAdmin),
    ]);
    let statuses = wire_options([
        (StatusFilter::Invited, Key::StatusInvited),
        (StatusFilter::Active, Key::StatusActive),
        (StatusFilter::Removed, Key::StatusRemoved),
        (StatusFilter::All, Key::StatusAllIncludingRemoved),
    ]);
    let validations = wire_options([
        (ValidationFilter::NeedsReview, Key::ValidationNeedsReview),
        (ValidationFilter::Pending, Key::ValidationPending),
        (ValidationFilter::Validated, Key::ValidationValidated),
        (ValidationFilter::ReviewDue, Key::ValidationReviewDue),
        (ValidationFilter::Flagged, Key::ValidationFlagged),
    ]);
    let sorts = wire_options([
        (UserSort::Name, Key::SortName),
        (UserSort::Email, Key::SortEmail),
        (UserSort::CreatedDesc, Key::SortNewest),
        (UserSort::Created, Key::SortOldest),
        (UserSort::LastActiveDesc, Key::SortLastActive),
    ]);
    view! {
        <FilterPanel title=Key::FilterSupportUsers filtered=Signal::derive(move || list.is_filtered())
            on_clear=Callback::new(move |_| list.clear())
            search=ListSearch {
                id: "user-search",
                label: Key::SearchSupportUsers,
                current: Signal::derive(move || q.get().query.q),
                on_search: Callback::new(move |text: String| list.update(|q| q.q = text)),
            }>
            <div class="filter-grid">
                <SelectField id="filter-role" label=Key::ColRole options=roles any=Key::AnyValue
                    value=Signal::derive(move || shown(q.get().role))
                    on_change=Callback::new(move |v: String| list.update(|q| q.role = from_wire(&v)))/>
                <SelectField id="filter-user-status" label=Key::ColStatus options=statuses any=Key::StatusCurrent
                    value=Signal::derive(move || shown(q.get().status))
                    on_change=Callback::new(move |v: String| list.update(|q| q.status = from_wire(&v)))/>
                <SelectField id="filter-validation" label=Key::ColValidation options=validations any=Key::AnyValue
                    value=Signal::derive(move || shown(q.get().validation))
                    on_change=Callback::new(move |v: String| list.update(|q| q.validation = from_wire(&v)))/>
                <SelectField id="user-sort" label=Key::SortBy options=sorts
                    value=Signal::derive(move || wire_name(&q.get().sort).to_string())
                    on_change=Callback::new(move |v: String| list.update(|q| q.sort = from_wire(&v).unwrap_or_default()))/>
            </div>
        </FilterPanel>
    }
}

/// One page of support users, and the way to the next.
#[component]
fn UserTable(page: Page<SupportUser>, list: ListUrl<SupportUserQuery>) -> impl IntoView {
    let i18n = use_i18n();
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
        {list.pager(page.next_cursor)}
    }
}
