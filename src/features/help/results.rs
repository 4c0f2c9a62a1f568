use crate::api::ApiError;
use crate::components::{AppLink, ErrorNotice, ListUrl, LoadingIndicator};
use crate::domain::ResultsState;
use crate::i18n::{product_key, use_i18n, Key};
use leptos::prelude::*;
use support_contract::help::{HelpQuery, HelpResults, HelpTopic};
use support_contract::query::ListQuery;

/// A search's answer, with the search it answers.
pub(super) type Answer = (HelpQuery, Result<HelpResults, ApiError>);

/// The results of the search: how many (announced politely as they change), a note when they
/// are in English, the articles as a keyed list (rows that stay keep their elements while the
/// user types) and the way to the next page. The last answer stays on screen while the next
/// one loads, so typing never blanks the list.
#[component]
pub(super) fn Results(list: ListUrl<HelpQuery>, found: LocalResource<Answer>) -> impl IntoView {
    let i18n = use_i18n();
    let answer = RwSignal::new(None::<Answer>);
    Effect::new(move |_| {
        if let Some(a) = found.get() {
            answer.set(Some(a));
        }
    });
    let results = move || answer.with(|a| a.as_ref().and_then(|(_, r)| r.as_ref().ok().cloned()));
    let state = Memo::new(move |_| {
        answer.with(|a| match a {
            Some((q, Ok(r))) => Some(ResultsState::of(q.is_filtered(), r.total, r.fallback)),
            _ => None,
        })
    });
    let items = Memo::new(move |_| results().map(|r| r.items).unwrap_or_default());
    let searching = move || answer.with(|a| a.as_ref().is_some_and(|(q, _)| !q.q.is_empty()));
    let count = move || match state.get() {
        Some(ResultsState::Found { total } | ResultsState::FoundInEnglish { total }) => {
            let total = u64::from(total);
            if searching() {
                i18n.count(total, Key::HelpFoundOne, Key::HelpFoundMany)
            } else {
                i18n.count(total, Key::HelpAvailableOne, Key::HelpAvailableMany)
            }
        }
        Some(ResultsState::NothingMatches) => i18n.t(Key::HelpNothingMatches).to_string(),
        Some(ResultsState::NothingYet) => i18n.t(Key::HelpNothingYet).to_string(),
        None => String::new(),
    };
    let in_english = move || {
        state
            .get()
            .is_some_and(|s| matches!(s, ResultsState::FoundInEnglish { .. }))
    };
    let title = move || {
        i18n.t(if searching() {
            Key::HelpResultsTitle
        } else {
            Key::HelpRecentTitle
        })
    };
    view! {
        <section class="help-results" aria-labelledby="help-results-title">
            <h2 id="help-results-title">{title}</h2>
            // Present from the start, so that screen readers announce each new count.
            <div role="status" class="results-count">
                <p>{count}</p>
                <Show when=in_english>
                    <p class="banner info">{i18n.s(Key::HelpInEnglish)}</p>
                </Show>
            </div>
            <Show when=move || state.get() == Some(ResultsState::NothingMatches)>
                <button type="button" class="button" on:click=move |_| list.clear()>
                    {i18n.s(Key::ClearFilters)}
                </button>
            </Show>
            {move || match answer.with(|a| a.as_ref().map(|(_, r)| r.clone().err())) {
                None => view! { <LoadingIndicator/> }.into_any(),
                Some(Some(e)) => view! { <ErrorNotice error=e retry=Callback::new(move |_| found.refetch())/> }.into_any(),
                Some(None) => ().into_any(),
            }}
            <ul class="help-list">
                <For each=move || items.get() key=|t| (t.slug.clone(), t.language) let:topic>
                    <TopicItem topic=topic/>
                </For>
            </ul>
            {move || list.pager(results().and_then(|r| r.next_cursor))}
        </section>
    }
}

/// One article of a list: its title (the link), summary, product and last update, the
/// article's own words marked with their language.
#[component]
pub(super) fn TopicItem(topic: HelpTopic) -> impl IntoView {
    let i18n = use_i18n();
    let lang = topic.language.tag();
    let updated = topic.updated_at.clone();
    let href = format!("/help/{}", topic.slug);
    view! {
        <li class="help-item">
            <h3 lang=lang><AppLink href=href>{topic.title}</AppLink></h3>
            <p lang=lang>{topic.summary}</p>
            <p class="help-meta">
                <span class="badge">{i18n.s(product_key(topic.product))}</span>
                " "
                <span>{move || i18n.tr(Key::HelpUpdated, &[("date", &i18n.date_time(&updated))])}</span>
            </p>
        </li>
    }
}
