use super::forums::ForumThreads;
use super::results::Results;
use crate::api::{use_api, use_products, HelpApi};
use crate::components::{use_list_url, wire_options, ListUrl, SelectField};
use crate::domain::search_text;
use crate::i18n::{product_key, use_i18n, Key};
use leptos::prelude::*;
use std::time::Duration;
use support_contract::help::HelpQuery;
use support_contract::query::TEXT_MAX;
use support_contract::wire::{from_wire, wire_name};

/// How long typing must pause before the search runs: long enough to skip the keys of a word
/// typed in one go, short enough to feel immediate.
const DEBOUNCE: Duration = Duration::from_millis(200);

/// The help page: search as you type, a product filter, the results and popular forum
/// threads. The search and the product live in the URL, so a reload, a link or the back button
/// brings the same results.
#[component]
pub fn HelpPage() -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api::<dyn HelpApi>();
    let list = use_list_url::<HelpQuery>("/help");
    // Each answer comes with the search it answers, so the page describes what it shows even
    // while the URL is a key ahead.
    let found = LocalResource::new(move || {
        let page = list.query.get();
        let answer = api.search_help(page.clone(), i18n.locale.get());
        async move { (page.query, answer.await) }
    });
    let product = Signal::derive(move || list.query.with(|p| p.product));
    view! {
        <div class="page help">
            <h1 id="page-title">{i18n.s(Key::NavHelp)}</h1>
            <p class="lead">{i18n.s(Key::HelpLead)}</p>
            <SearchPanel list=list/>
            <div class="help-layout">
                <Results list=list found=found/>
                <ForumThreads product=product/>
            </div>
        </div>
    }
}

/// The search box and the product filter. What is typed reaches the URL a moment after the
/// last key (a new search adds a history entry; refining it replaces that entry), and the box
/// follows the URL when back, forward or "Clear filters" change it.
#[component]
fn SearchPanel(list: ListUrl<HelpQuery>) -> impl IntoView {
    let i18n = use_i18n();
    let initial = list.query.with_untracked(|p| p.q.clone());
    let typed = RwSignal::new(initial.clone());
    // The search last put in the URL from here: a URL that differs came from elsewhere.
    let sent = StoredValue::new(initial);
    Effect::new(move |_| {
        let q = list.query.with(|p| p.q.clone());
        if q != sent.get_value() {
            sent.set_value(q.clone());
            typed.set(q);
        }
    });
    let search_now = move || {
        let text = search_text(&typed.get_untracked());
        if text == sent.get_value() {
            return;
        }
        let fresh = sent.get_value().is_empty();
        sent.set_value(text.clone());
        if fresh {
            list.update(|q| q.q = text);
        } else {
            list.retype(|q| q.q = text);
        }
    };
    Effect::new(move |previous: Option<Option<TimeoutHandle>>| {
        if let Some(Some(handle)) = previous {
            handle.clear();
        }
        typed.track();
        set_timeout_with_handle(search_now, DEBOUNCE).ok()
    });
    let products = use_products();
    let options = Signal::derive(move || {
        wire_options(products.get().into_iter().map(|p| (p, product_key(p))))
    });
    view! {
        <section class="card filters" aria-labelledby="help-filters-title">
            <h2 id="help-filters-title" class="visually-hidden">{i18n.s(Key::HelpFilters)}</h2>
            <form class="search" role="search" on:submit=move |ev: leptos::ev::SubmitEvent| {
                ev.prevent_default();
                search_now();
            }>
                <label for="help-search">{i18n.s(Key::HelpSearchLabel)}</label>
                <input id="help-search" type="search" autocomplete="off" maxlength=TEXT_MAX
                    aria-describedby="help-search-hint"
                    prop:value=move || typed.get()
                    on:input=move |ev| typed.set(event_target_value(&ev))/>
                <p id="help-search-hint" class="hint">{i18n.s(Key::HelpSearchHint)}</p>
            </form>
            <div class="filter-grid">
                <SelectField id="help-product" label=Key::FilterProduct options=options any=Key::AnyValue
                    value=Signal::derive(move || list.query.with(|p| p.product.as_ref().map(wire_name).unwrap_or("").to_string()))
                    on_change=Callback::new(move |v: String| list.update(|q| q.product = from_wire(&v)))/>
            </div>
        </section>
    }
}
