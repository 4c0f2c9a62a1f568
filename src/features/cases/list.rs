use super::response::ResponseBadge;
use crate::api::{use_api, use_portal, use_products, CasesApi, PeopleApi};
use crate::components::{
    first_wire, people_options, use_list_url, wire_options, AppLink, DataTable, DateField,
    ErrorNotice, FilterPanel, ListSearch, ListUrl, LoadingIndicator, SelectField,
};
use crate::i18n::{case_status_key, priority_key, product_key, use_i18n, Key};
use leptos::prelude::*;
use support_contract::cases::{CaseQuery, CaseScope, CaseSort, CaseStatus, CaseSummary, Priority};
use support_contract::wire::{from_wire, wire_name};
use support_contract::{Page, Phase};

/// The case list: mine or my organisation's, filtered, searched, sorted and paged, with every
/// choice in the URL so the view can be linked and the back button restores it.
#[component]
pub fn CaseListPage() -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api::<dyn CasesApi>();
    let portal = use_portal();
    let list = use_list_url::<CaseQuery>("/cases");
    let cases = LocalResource::new(move || api.list_cases(list.query.get()));
    let filing_closed = move || matches!(portal.get(), Some(Ok(p)) if p.phase == Phase::Setup);

    view! {
        <div class="page">
            <div class="page-head">
                <h1 id="page-title">{i18n.s(Key::NavCases)}</h1>
                <Show when=move || !filing_closed()>
                    <AppLink href="/cases/new">{i18n.s(Key::FileCase)}</AppLink>
                </Show>
            </div>
            <Show when=filing_closed>
                <p class="banner warning">{i18n.s(Key::FilingClosed)}</p>
            </Show>
            <ScopeTabs list=list/>
            <Filters list=list/>
            <Transition fallback=|| view! { <LoadingIndicator/> }>
                {move || Suspend::new(async move {
                    match cases.await {
                        Ok(page) if page.items.is_empty() => {
                            let key = list.empty_key(Key::NoCasesMatch, Key::NoCasesYet);
                            view! { <p class="empty" role="status">{i18n.s(key)}</p> }.into_any()
                        }
                        Ok(page) => view! { <CaseTable page=page list=list/> }.into_any(),
                        Err(e) => view! { <ErrorNotice error=e reload=true/> }.into_any(),
                    }
                })}
            </Transition>
        </div>
    }
}

/// "My cases" / "My organisation's cases".
#[component]
fn ScopeTabs(list: ListUrl<CaseQuery>) -> impl IntoView {
    let i18n = use_i18n();
    let tab = move |scope: CaseScope, label: Key| {
        let current = move || list.query.with(|q| q.scope == scope);
        view! {
            <button type="button" class="tab" aria-pressed=move || current().to_string()
                on:click=move |_| list.update(|q| {
                    q.scope = scope;
                    // "My cases" are the user's own: a requester filter has no place there.
                    if scope == CaseScope::Mine {
                        q.requester.clear();
                    }
                })>
                {i18n.s(label)}
            </button>
        }
    };
    view! {
        <div class="tabs" role="group" aria-label=i18n.s(Key::CaseScopeLabel)>
            {tab(CaseScope::Mine, Key::MyCases)}
            {tab(CaseScope::Organisation, Key::OrganisationCases)}
        </div>
    }
}

/// Status, product, priority, requester, search, sort and dates.
#[component]
fn Filters(list: ListUrl<CaseQuery>) -> impl IntoView {
    let i18n = use_i18n();
    let products = use_products();
    let q = list.query;
    let statuses = wire_options(CaseStatus::ALL.into_iter().map(|s| (s, case_status_key(s))));
    let priorities = wire_options(Priority::ALL.into_iter().map(|p| (p, priority_key(p))));
    let sorts = wire_options([
        (CaseSort::UpdatedDesc, Key::SortUpdated),
        (CaseSort::CreatedDesc, Key::SortNewest),
        (CaseSort::CreatedAsc, Key::SortOldest),
        (CaseSort::PriorityAsc, Key::SortPriority),
    ]);
    let products = Signal::derive(move || {
        wire_options(products.get().into_iter().map(|p| (p, product_key(p))))
    });
    view! {
        <FilterPanel title=Key::FilterCases filtered=Signal::derive(move || list.is_filtered())
            on_clear=Callback::new(move |_| list.clear())
            search=ListSearch {
                id: "case-search",
                label: Key::SearchCases,
                current: Signal::derive(move || q.get().query.q),
                on_search: Callback::new(move |text: String| list.update(|q| q.q = text)),
            }>
            <div class="filter-grid">
                <SelectField id="filter-status" label=Key::FilterStatus options=statuses any=Key::AnyValue
                    value=Signal::derive(move || q.with(|q| first_wire(&q.statuses)))
                    on_change=Callback::new(move |v: String| list.update(|q| q.statuses = from_wire(&v).into_iter().collect()))/>
                <SelectField id="filter-product" label=Key::FilterProduct options=products any=Key::AnyValue
                    value=Signal::derive(move || q.with(|q| first_wire(&q.products)))
                    on_change=Callback::new(move |v: String| list.update(|q| q.products = from_wire(&v).into_iter().collect()))/>
                <SelectField id="filter-priority" label=Key::FilterPriority options=priorities any=Key::AnyValue
                    value=Signal::derive(move || q.with(|q| first_wire(&q.priorities)))
                    on_change=Callback::new(move |v: String| list.update(|q| q.priorities = from_wire(&v).into_iter().collect()))/>
                <Show when=move || q.with(|q| q.scope == CaseScope::Organisation)>
                    <RequesterFilter list=list/>
                </Show>
                <SelectField id="case-sort" label=Key::SortBy options=sorts
                    value=Signal::derive(move || wire_name(&q.get().sort).to_string())
                    on_change=Callback::new(move |v: String| {
                        if let Some(sort) = from_wire(&v) {
                            list.update(|q| q.sort = sort);
                        }
                    })/>
                <DateField id="case-from" label=Key::FromDate value=Signal::derive(move || q.get().query.from)
                    on_change=Callback::new(move |d: String| list.update(|q| q.from = d))/>
                <DateField id="case-to" label=Key::ToDate value=Signal::derive(move || q.get().query.to)
                    on_change=Callback::new(move |d: String| list.update(|q| q.to = d))/>
            </div>
            <p class="hint">{i18n.s(Key::DefaultRange)}</p>
        </FilterPanel>
    }
}

/// Whose cases, among the organisation's: any member who may have filed one.
#[component]
fn RequesterFilter(list: ListUrl<CaseQuery>) -> impl IntoView {
    let api = use_api::<dyn PeopleApi>();
    let members = LocalResource::new(move || api.organisation_members());
    let people = Signal::derive(move || people_options(members.get().and_then(Result::ok)));
    view! {
        <SelectField id="filter-requester" label=Key::ColRequester options=people any=Key::AnyValue
            value=Signal::derive(move || list.query.get().query.requester)
            on_change=Callback::new(move |requester: String| list.update(|q| q.requester = requester))/>
    }
}

/// One page of cases, and the way to the next.
#[component]
fn CaseTable(page: Page<CaseSummary>, list: ListUrl<CaseQuery>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <DataTable caption=Key::NavCases columns=vec![Key::ColNumber, Key::ColTitle, Key::FilterProduct, Key::FilterPriority, Key::FilterStatus, Key::ColRequester, Key::ColUpdated, Key::ColResponse]>
            {page.items.into_iter().map(|c| {
                let href = format!("/cases/{}", c.id);
                let updated = c.updated_at.clone();
                view! {
                    <tr>
                        <th scope="row"><AppLink href=href>{c.number.clone()}</AppLink></th>
                        <td>{c.title.clone()}</td>
                        <td>{i18n.s(product_key(c.product))}</td>
                        <td>{i18n.s(priority_key(c.priority))}</td>
                        <td>{i18n.s(case_status_key(c.status))}</td>
                        <td>{c.requester.name.clone()}</td>
                        <td>{move || i18n.date_time(&updated)}</td>
                        <td><ResponseBadge response=c.response.clone()/></td>
                    </tr>
                }
            }).collect_view()}
        </DataTable>
        {list.pager(page.next_cursor)}
    }
}
