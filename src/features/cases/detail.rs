use super::escalate::Escalation;
use super::reply::ReplyForm;
use super::report::CaseReport;
use super::response::{target_text, ResponseBadge};
use super::thread::Thread;
use crate::api::{use_api, ApiError, CasesApi};
use crate::components::{use_route_param, AppLink, ErrorNotice, LoadingIndicator};
use crate::domain::{last_seq, merge_thread};
use crate::i18n::{case_status_key, priority_key, product_key, use_i18n, Key};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::time::Duration;
use support_contract::cases::{Case, CaseAction, ThreadEntry};

/// How often an open case page asks for the vendor's new replies.
const POLL_EVERY: Duration = Duration::from_secs(5);

/// One case: its header, its thread (kept current while the page is open), a reply box,
/// escalation, and the actions the backend allows now. The parts are built once and follow
/// the case as it refreshes, so a reply being typed survives the vendor's answer arriving.
#[component]
pub fn CaseDetailPage() -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api::<dyn CasesApi>();
    let id = use_route_param();
    // The last case the backend sent; a failed refresh keeps it on screen beside the error.
    let last = RwSignal::new(None::<Case>);
    let load_error = RwSignal::new(None::<ApiError>);
    let thread = RwSignal::new(Vec::<ThreadEntry>::new());
    // The polite announcement of new entries. It is emptied and refilled for each arrival, so
    // screen readers read every update, not only the first.
    let new_entries = RwSignal::new(false);
    // Set when an edit was refused because the case changed: kept while the case reloads.
    let changed_meanwhile = RwSignal::new(false);

    let load_case = {
        let api = api.clone();
        move || {
            let api = api.clone();
            spawn_local(async move {
                match api.case(id.get_untracked()).await {
                    Ok(c) => {
                        load_error.set(None);
                        last.set(Some(c));
                    }
                    Err(e) => load_error.set(Some(e)),
                }
            });
        }
    };
    // New thread entries since the last seen, merged by id; a change refreshes the case too.
    let poll = {
        let api = api.clone();
        let load_case = load_case.clone();
        move |announce: bool| {
            let api = api.clone();
            let load_case = load_case.clone();
            spawn_local(async move {
                let after = thread.with_untracked(|t| last_seq(t));
                if let Ok(entries) = api.case_thread(id.get_untracked(), after).await {
                    let mut added = 0;
                    thread.update(|t| added = merge_thread(t, entries));
                    if added > 0 && announce {
                        new_entries.set(false);
                        set_timeout(move || new_entries.set(true), Duration::from_millis(100));
                        load_case();
                    }
                }
            });
        }
    };
    Effect::new({
        let load_case = load_case.clone();
        let poll = poll.clone();
        move |_| {
            id.track();
            last.set(None);
            thread.set(Vec::new());
            load_case();
            poll(false);
        }
    });
    let timer = set_interval_with_handle(
        {
            let poll = poll.clone();
            move || poll(true)
        },
        POLL_EVERY,
    )
    .ok();
    on_cleanup(move || {
        if let Some(t) = timer {
            t.clear();
        }
    });

    // After anything the user did here: show it at once, then fetch what else changed (an own
    // reply also moves the case's version, which the next edit must send back).
    let after_change = Callback::new({
        let load_case = load_case.clone();
        move |entry: Option<ThreadEntry>| {
            if let Some(entry) = entry {
                thread.update(|t| {
                    merge_thread(t, vec![entry]);
                });
                load_case();
            }
            poll(false);
        }
    });
    let on_case = Callback::new(move |updated: Case| {
        changed_meanwhile.set(false);
        last.set(Some(updated));
        after_change.run(None);
    });
    let on_conflict = Callback::new(move |_| {
        changed_meanwhile.set(true);
        load_case();
    });
    let has_case = Memo::new(move |_| last.with(Option::is_some));
    // Before the first case arrives nothing renders it; the default only keeps reads total.
    let case = Signal::derive(move || last.get().unwrap_or_default());
    let can_reply = Memo::new(move |_| {
        last.with(|c| {
            c.as_ref()
                .is_some_and(|c| c.allowed_actions.contains(&CaseAction::Reply))
        })
    });

    view! {
        <div class="page">
            <p class="no-print"><AppLink href="/cases">{i18n.s(Key::BackToCases)}</AppLink></p>
            <div role="alert">
                {move || changed_meanwhile.get().then(|| view! { <p class="notice error">{i18n.s(Key::ChangedMeanwhile)}</p> })}
            </div>
            {move || load_error.get().map(|e| view! { <ErrorNotice error=e reload=true/> })}
            <Show when=move || has_case.get() fallback=move || load_error.get().is_none().then(|| view! { <LoadingIndicator/> })>
                <CaseHeader case=case/>
                <CaseReport case=case/>
                <CaseActions case=case on_change=on_case on_conflict=on_conflict/>
                <Escalation case=case on_case=on_case on_entry=after_change/>
            </Show>
            <section class="card" aria-labelledby="thread-title">
                <h2 id="thread-title">{i18n.s(Key::Conversation)}</h2>
                <p role="status" class="visually-hidden">{move || new_entries.get().then(|| i18n.t(Key::NewUpdates))}</p>
                <Thread entries=thread.into()/>
                <Show when=move || can_reply.get()>
                    <ReplyForm case_id=id.get_untracked() on_sent=after_change/>
                </Show>
            </section>
        </div>
    }
}

/// Number, title, status, priority, product, dates, response target, watchers, engineer.
#[component]
fn CaseHeader(case: Signal<Case>) -> impl IntoView {
    let i18n = use_i18n();
    let s = move || case.get().summary;
    let watchers = move || {
        let names: Vec<String> = case.get().watchers.into_iter().map(|w| w.name).collect();
        if names.is_empty() {
            i18n.t(Key::NoWatchers).to_string()
        } else {
            names.join(", ")
        }
    };
    view! {
        <header class="case-head">
            <p class="case-number">{move || s().number}</p>
            <h1 id="page-title">{move || s().title}</h1>
        </header>
        <section class="card" aria-labelledby="details-title">
            <h2 id="details-title" class="visually-hidden">{i18n.s(Key::CaseDetails)}</h2>
            <dl class="facts">
                <dt>{i18n.s(Key::FilterStatus)}</dt><dd>{move || i18n.t(case_status_key(s().status))}</dd>
                <dt>{i18n.s(Key::FilterPriority)}</dt><dd>{move || i18n.t(priority_key(s().priority))}</dd>
                <dt>{i18n.s(Key::FilterProduct)}</dt><dd>{move || i18n.t(product_key(s().product))}</dd>
                <dt>{i18n.s(Key::ColRequester)}</dt><dd>{move || s().requester.name}</dd>
                <dt>{i18n.s(Key::Filed)}</dt><dd>{move || i18n.date_time(&s().created_at)}</dd>
                <dt>{i18n.s(Key::ColUpdated)}</dt><dd>{move || i18n.date_time(&s().updated_at)}</dd>
                <dt>{i18n.s(Key::ColResponse)}</dt>
                <dd>{move || target_text(s().response.minutes, i18n)}" · "{move || view! { <ResponseBadge response=s().response/> }}</dd>
                <dt>{i18n.s(Key::Engineer)}</dt>
                <dd>{move || case.get().engineer.unwrap_or_else(|| i18n.t(Key::NotAssigned).to_string())}</dd>
                <dt>{i18n.s(Key::Watchers)}</dt><dd>{watchers}</dd>
            </dl>
            <p class="description">{move || case.get().description}</p>
        </section>
    }
}

/// Close and reopen, as the backend allows them now. The edit carries the version on screen;
/// if the case changed since, the page says so and shows the latest.
#[component]
fn CaseActions(
    case: Signal<Case>,
    on_change: Callback<Case>,
    on_conflict: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api::<dyn CasesApi>();
    let act = Action::new_local(move |reopen: &bool| {
        let api = api.clone();
        let (c, reopen) = (case.get_untracked(), *reopen);
        async move {
            if reopen {
                api.reopen_case(c.summary.id, c.version).await
            } else {
                api.close_case(c.summary.id, c.version).await
            }
        }
    });
    Effect::new(move |_| match act.value().get() {
        Some(Ok(updated)) => on_change.run(updated),
        Some(Err(ApiError::Conflict)) => on_conflict.run(()),
        _ => {}
    });
    // A conflict is told by the page, which outlives a reload of the case.
    let error = move || {
        act.value()
            .get()
            .and_then(|r| r.err())
            .filter(|e| *e != ApiError::Conflict)
            .map(|e| e.message(i18n.locale.get()))
    };
    let can = move |a: CaseAction| case.with(|c| c.allowed_actions.contains(&a));
    let closed_note = move || {
        case.get().reopen_until.map(|until| {
            if can(CaseAction::Reopen) {
                i18n.tr(Key::ReopenUntil, &[("when", &i18n.date_time(&until))])
            } else {
                i18n.t(Key::CaseClosedNoReopen).to_string()
            }
        })
    };
    view! {
        <div class="actions">
            {move || closed_note().map(|note| view! { <p>{note}</p> })}
            <Show when=move || can(CaseAction::Close)>
                <button type="button" class="button" disabled=move || act.pending().get()
                    on:click=move |_| { act.dispatch(false); }>{i18n.s(Key::CloseCase)}</button>
            </Show>
            <Show when=move || can(CaseAction::Reopen)>
                <button type="button" class="button" disabled=move || act.pending().get()
                    on:click=move |_| { act.dispatch(true); }>{i18n.s(Key::ReopenCase)}</button>
            </Show>
            <div role="alert">{move || error().map(|m| view! { <p class="notice error">{m}</p> })}</div>
        </div>
    }
}
