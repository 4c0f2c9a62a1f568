use crate::api::{use_api, use_products, PeopleApi};
use crate::components::{
    first_wire, people_options, wire_options, DateField, FilterPanel, ListUrl, SelectField,
};
use crate::i18n::{kind_key, priority_key, product_key, use_i18n, Key};
use leptos::prelude::*;
use support_contract::cases::Priority;
use support_contract::history::{HistoryQuery, HistorySort, InteractionKind, StandingFilter};
use support_contract::wire::{from_wire, wire_name};

/// Kind, product, priority, open or closed, requester, dates and order.
#[component]
pub(super) fn HistoryFilters(list: ListUrl<HistoryQuery>) -> impl IntoView {
    let i18n = use_i18n();
    let q = list.query;
    let products = use_products();
    let members = {
        let api = use_api::<dyn PeopleApi>();
        LocalResource::new(move || api.organisation_members())
    };
    let kinds = wire_options(InteractionKind::ALL.map(|k| (k, kind_key(k))));
    let priorities = wire_options(Priority::ALL.map(|p| (p, priority_key(p))));
    let standings = wire_options([
        (StandingFilter::Open, Key::StandingOpen),
        (StandingFilter::Closed, Key::StandingClosed),
    ]);
    let sorts = wire_options([
        (HistorySort::OpenedDesc, Key::SortNewest),
        (HistorySort::OpenedAsc, Key::SortOldest),
        (HistorySort::ClosedDesc, Key::SortClosedDesc),
        (HistorySort::ClosedAsc, Key::SortClosedAsc),
    ]);
    view! {
        <FilterPanel title=Key::FilterHistory filtered=Signal::derive(move || list.is_filtered())
            on_clear=Callback::new(move |_| list.clear())>
            <div class="filter-grid">
                <SelectField id="history-kind" label=Key::FilterKind options=kinds any=Key::AnyValue
                    value=Signal::derive(move || q.with(|q| first_wire(&q.kinds)))
                    on_change=Callback::new(move |v: String| list.update(|q| q.kinds = from_wire(&v).into_iter().collect()))/>
                <SelectField id="history-product" label=Key::FilterProduct any=Key::AnyValue
                    options=Signal::derive(move || wire_options(products.get().into_iter().map(|p| (p, product_key(p)))))
                    value=Signal::derive(move || q.with(|q| first_wire(&q.products)))
                    on_change=Callback::new(move |v: String| list.update(|q| q.products = from_wire(&v).into_iter().collect()))/>
                <SelectField id="history-priority" label=Key::FilterPriority options=priorities any=Key::AnyValue
                    value=Signal::derive(move || q.with(|q| first_wire(&q.priorities)))
                    on_change=Callback::new(move |v: String| list.update(|q| q.priorities = from_wire(&v).into_iter().collect()))/>
                <SelectField id="history-status" label=Key::FilterStatus options=standings any=Key::AnyValue
                    value=Signal::derive(move || q.with(|q| q.standing.map(|s| wire_name(&s).to_string()).unwrap_or_default()))
                    on_change=Callback::new(move |v: String| list.update(|q| q.standing = from_wire(&v)))/>
                <SelectField id="history-requester" label=Key::ColRequester any=Key::AnyValue
                    options=Signal::derive(move || people_options(members.get().and_then(Result::ok)))
                    value=Signal::derive(move || q.get().query.requester)
                    on_change=Callback::new(move |requester: String| list.update(|q| q.requester = requester))/>
                <SelectField id="history-sort" label=Key::SortBy options=sorts
                    value=Signal::derive(move || wire_name(&q.get().sort).to_string())
                    on_change=Callback::new(move |v: String| list.update(|q| q.sort = from_wire(&v).unwrap_or_default()))/>
                <DateField id="history-from" label=Key::FromDate value=Signal::derive(move || q.get().query.from)
                    on_change=Callback::new(move |d: String| list.update(|q| q.from = d))/>
                <DateField id="history-to" label=Key::ToDate value=Signal::derive(move || q.get().query.to)
                    on_change=Callback::new(move |d: String| list.update(|q| q.to = d))/>
            </div>
            <p class="hint">{i18n.s(Key::HistoryDefaultRange)}</p>
        </FilterPanel>
    }
}
