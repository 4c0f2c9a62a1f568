use super::response::ResponseBadge;
use crate::api::{use_backend, use_portal, with_query};
use crate::components::{
    AppLink, DataTable, ErrorNotice, LoadingIndicator, PersonSelect, SearchForm, SelectField,
};
use crate::domain::{wire_name, CaseQuery};
use crate::i18n::{case_status_key, priority_key, product_key, use_i18n, Key};
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use support_contract::cases::{CaseScope, CaseSort, CaseStatus, Priority};
use support_contract::{Phase, Product};

/// The case list: mine or my organisation's, filtered, searched, sorted and paged, with every
/// choice in the URL so the view can be linked and the back button restores it.
#[component]
pub fn CaseListPage() -> impl IntoView {
    let i18n = use_i18n();
    let backend = use_backend();
    let portal = use_portal();
    let params = use_query_map();
    let query = Memo::new(move |_| params.with(|p| CaseQuery::from_params(|k| p.get(k))));
    let navigate = use_navigate();
    let go = Callback::new(move |q: CaseQuery| {
        navigate(&with_query("/cases", &q.to_params()), Default::default());
    });
    let cases = LocalResource::new(move || {
        let backend = backend.clone();
        let q = query.get();
        async move { backend.list_cases(q).await }
    });
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
            <ScopeTabs query=query go=go/>
            <Filters query=query go=go/>
            <Transition fallback=|| view! { <LoadingIndicator/> }>
                {move || Suspend::new(async move {
                    match cases.await {
                        Ok(page) if page.items.is_empty() => {
                            let key = if query.get_untracked().is_filtered() { Key::NoCasesMatch } else { Key::NoCasesYet };
                            view! { <p class="empty" role="status">{i18n.s(key)}</p> }.into_any()
                        }
                        Ok(page) => view! { <CaseTable page=page query=query go=go/> }.into_any(),
                        Err(e) => view! { <ErrorNotice error=e/> }.into_any(),
                    }
                })}
            </Transition>
        </div>
    }
}

/// "My cases" / "My organisation's cases", as links so each is its own URL.
#[component]
fn ScopeTabs(query: Memo<CaseQuery>, go: Callback<CaseQuery>) -> impl IntoView {
    let i18n = use_i18n();
    let tab = move |scope: CaseScope, label: Key| {
        let current = move || query.get().scope == scope;
        view! {
            <button type="button" class="tab" aria-pressed=move || current().to_string()
                on:click=move |_| {
                    // "My cases" are the user's own: a requester filter has no place there.
                    let requester = if scope == CaseScope::Organisation { query.get_untracked().requester } else { String::new() };
                    go.run(CaseQuery { scope, requester, ..query.get_untracked() }.first_page())
                }>
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

/// A select over an enum's values plus "Any"; choosing navigates to the filtered view.
fn enum_select<T: Copy + serde::Serialize + PartialEq + Send + Sync + 'static>(
    id: &'static str,
    label: Key,
    values: Vec<(T, Key)>,
    current: impl Fn() -> Option<T> + Send + Sync + 'static,
    set: impl Fn(Option<T>) + Send + Sync + 'static,
) -> impl IntoView {
    let options: Vec<(String, Key)> = values.iter().map(|(v, k)| (wire_name(*v), *k)).collect();
    let on_change = Callback::new(move |chosen: String| {
        set(values
            .iter()
            .find(|(v, _)| wire_name(*v) == chosen)
            .map(|(v, _)| *v))
    });
    view! {
        <SelectField id=id label=label options=options any=Key::AnyValue
            value=Signal::derive(move || current().map(wire_name).unwrap_or_default())
            on_change=on_change/>
    }
}

/// Status, product, priority, search, sort and dates.
#[component]
fn Filters(query: Memo<CaseQuery>, go: Callback<CaseQuery>) -> impl IntoView {
    let i18n = use_i18n();
    let update = move |change: &dyn Fn(&mut CaseQuery)| {
        let mut q = query.get_untracked().first_page();
        change(&mut q);
        go.run(q);
    };
    let statuses = CaseStatus::ALL
        .into_iter()
        .map(|s| (s, case_status_key(s)))
        .collect();
    let products = [
        Product::Analytics,
        Product::Target,
        Product::AudienceManager,
    ]
    .into_iter()
    .map(|p| (p, product_key(p)))
    .collect();
    let priorities = Priority::ALL
        .into_iter()
        .map(|p| (p, priority_key(p)))
        .collect();
    let sorts = [
        (CaseSort::UpdatedDesc, Key::SortUpdated),
        (CaseSort::CreatedDesc, Key::SortNewest),
        (CaseSort::CreatedAsc, Key::SortOldest),
        (CaseSort::PriorityAsc, Key::SortPriority),
    ];
    view! {
        <section class="card filters" aria-labelledby="filters-title">
            <h2 id="filters-title" class="visually-hidden">{i18n.s(Key::FiltersTitle)}</h2>
            <SearchForm id="case-search" label=Key::SearchCases current=Signal::derive(move || query.get().q)
                on_search=Callback::new(move |text: String| update(&|q| q.q = text.clone()))/>
            <div class="filter-grid">
                {enum_select("filter-status", Key::FilterStatus, statuses,
                    move || query.get().statuses.first().copied(),
                    move |v| update(&|q| q.statuses = v.into_iter().collect()))}
                {enum_select("filter-product", Key::FilterProduct, products,
                    move || query.get().products.first().copied(),
                    move |v| update(&|q| q.products = v.into_iter().collect()))}
                {enum_select("filter-priority", Key::FilterPriority, priorities,
                    move || query.get().priorities.first().copied(),
                    move |v| update(&|q| q.priorities = v.into_iter().collect()))}
                <Show when=move || query.get().scope == CaseScope::Organisation>
                    <RequesterFilter query=query go=go/>
                </Show>
                <div class="field">
                    <label for="case-sort">{i18n.s(Key::SortBy)}</label>
                    <select id="case-sort" prop:value=move || wire_name(query.get().sort)
                        on:change=move |ev| {
                            let chosen = event_target_value(&ev);
                            if let Some((sort, _)) = sorts.iter().find(|(s, _)| wire_name(*s) == chosen) {
                                let sort = *sort;
                                update(&|q| q.sort = sort);
                            }
                        }>
                        {sorts.into_iter().map(|(s, key)| view! { <option value=wire_name(s)>{i18n.s(key)}</option> }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="case-from">{i18n.s(Key::FromDate)}</label>
                    <input id="case-from" type="date" prop:value=move || query.get().from
                        on:change=move |ev| { let d = event_target_value(&ev); update(&|q| q.from = d.clone()); }/>
                </div>
                <div class="field">
                    <label for="case-to">{i18n.s(Key::ToDate)}</label>
                    <input id="case-to" type="date" prop:value=move || query.get().to
                        on:change=move |ev| { let d = event_target_value(&ev); update(&|q| q.to = d.clone()); }/>
                </div>
            </div>
            <p class="hint">{i18n.s(Key::DefaultRange)}</p>
            <Show when=move || query.get().is_filtered()>
                <button type="button" class="button" on:click=move |_| {
                    let q = query.get_untracked();
                    go.run(CaseQuery { scope: q.scope, sort: q.sort, ..CaseQuery::default() });
                }>{i18n.s(Key::ClearFilters)}</button>
            </Show>
        </section>
    }
}

/// Whose cases, among the organisation's: any member who may have filed one.
#[component]
fn RequesterFilter(query: Memo<CaseQuery>, go: Callback<CaseQuery>) -> impl IntoView {
    let backend = use_backend();
    let members = LocalResource::new(move || {
        let backend = backend.clone();
        async move { backend.organisation_members().await.unwrap_or_default() }
    });
    let people = Signal::derive(move || {
        members
            .get()
            .unwrap_or_default()
            .into_iter()
            .map(|m| (m.id, m.name))
            .collect()
    });
    view! {
        <PersonSelect id="filter-requester" label=Key::ColRequester people=people
            value=Signal::derive(move || query.get().requester)
            on_change=Callback::new(move |requester: String| {
                go.run(CaseQuery { requester, ..query.get_untracked().first_page() })
            })/>
    }
}

/// One page of cases, and the way to the next.
#[component]
fn CaseTable(
    page: support_contract::Page<support_contract::cases::CaseSummary>,
    query: Memo<CaseQuery>,
    go: Callback<CaseQuery>,
) -> impl IntoView {
    let i18n = use_i18n();
    let next = page.next_cursor.clone();
    let on_first_page = query.get_untracked().cursor.is_none();
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
        <div class="pager">
            {(!on_first_page).then(|| view! {
                <button type="button" class="button" on:click=move |_| go.run(query.get_untracked().first_page())>
                    {i18n.s(Key::FirstPage)}
                </button>
            })}
            {next.map(|cursor| view! {
                <button type="button" class="button" on:click=move |_| {
                    go.run(CaseQuery { cursor: Some(cursor.clone()), ..query.get_untracked() })
                }>{i18n.s(Key::NextPage)}</button>
            })}
        </div>
    }
}
