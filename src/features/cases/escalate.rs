use crate::api::{use_api, ApiError, CasesApi};
use crate::components::{wire_options, SelectField};
use crate::i18n::{priority_key, use_i18n, Key};
use leptos::prelude::*;
use support_contract::cases::{
    CallRequest, CallTiming, Case, CaseAction, Priority, ThreadEntry, UrgencyChange,
};
use support_contract::wire::{from_wire, wire_name};

/// Escalation: a change of urgency (once a day, with a reason) and a call from support (at
/// once for P1, at a chosen time otherwise), each offered only when the backend allows it.
#[component]
pub fn Escalation(
    case: Signal<Case>,
    on_case: Callback<Case>,
    on_entry: Callback<Option<ThreadEntry>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let allows = move |a: CaseAction| case.with(|c| c.allowed_actions.contains(&a));
    let urgency = Memo::new(move |_| allows(CaseAction::RequestUrgencyChange));
    let call = Memo::new(move |_| allows(CaseAction::RequestCall));
    // An open case without the urgency action had its change today: say so, not just hide it.
    let urgency_used = Memo::new(move |_| !urgency.get() && allows(CaseAction::Reply));
    view! {
        <Show when=move || urgency.get() || call.get() || urgency_used.get()>
            <section class="card no-print" aria-labelledby="escalate-title">
                <h2 id="escalate-title">{i18n.s(Key::Escalate)}</h2>
                <Show when=move || urgency.get()>
                    <UrgencyForm case=case on_case=on_case/>
                </Show>
                <Show when=move || urgency_used.get()>
                    <p class="hint">{i18n.s(Key::UrgencyOncePerDay)}</p>
                </Show>
                <Show when=move || call.get()>
                    <CallForm case=case on_entry=on_entry/>
                </Show>
            </section>
        </Show>
    }
}

fn error_text(e: ApiError, field: &str, i18n: crate::i18n::I18n) -> String {
    let locale = i18n.locale.get();
    match e {
        ApiError::NotAllowedNow => i18n.t(Key::UrgencyOncePerDay).to_string(),
        ApiError::Conflict => i18n.t(Key::ChangedMeanwhile).to_string(),
        other => other
            .field_message(field, locale)
            .unwrap_or_else(|| other.message(locale)),
    }
}

#[component]
fn UrgencyForm(case: Signal<Case>, on_case: Callback<Case>) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api::<dyn CasesApi>();
    let choices = Memo::new(move |_| {
        let current = case.with(|c| c.summary.priority);
        Priority::ALL
            .into_iter()
            .filter(|p| *p != current)
            .collect::<Vec<_>>()
    });
    let priority = RwSignal::new(choices.get_untracked()[0]);
    let reason = RwSignal::new(String::new());
    let missing = RwSignal::new(false);
    // The version is read when sending: the case may have moved on since the form appeared.
    let send = Action::new_local(move |change: &UrgencyChange| {
        let c = case.get_untracked();
        api.request_urgency(c.summary.id, c.version, change.clone())
    });
    Effect::new(move |_| {
        if let Some(Ok(updated)) = send.value().get() {
            on_case.run(updated);
        }
    });
    let error = move || {
        if missing.get() {
            return Some(i18n.t(Key::ErrRequired).to_string());
        }
        send.value()
            .get()
            .and_then(|r| r.err())
            .map(|e| error_text(e, "reason", i18n))
    };
    view! {
        <form class="form" novalidate on:submit=move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let text = reason.get_untracked();
            missing.set(text.trim().is_empty());
            if !text.trim().is_empty() {
                send.dispatch(UrgencyChange { priority: priority.get_untracked(), reason: text });
            }
        }>
            <h3>{i18n.s(Key::RequestUrgencyChange)}</h3>
            <p class="hint">{i18n.s(Key::UrgencyOncePerDay)}</p>
            <SelectField id="urgency-priority" label=Key::NewPriority
                options=Signal::derive(move || wire_options(choices.get().into_iter().map(|p| (p, priority_key(p)))))
                value=Signal::derive(move || wire_name(&priority.get()).to_string())
                on_change=Callback::new(move |v: String| {
                    if let Some(p) = from_wire(&v) { priority.set(p); }
                })/>
            <div class="field">
                <label for="urgency-reason">{i18n.s(Key::Reason)}</label>
                <textarea id="urgency-reason" rows="3" aria-describedby="urgency-error"
                    aria-invalid=move || error().is_some().to_string()
                    prop:value=move || reason.get() on:input=move |ev| reason.set(event_target_value(&ev))></textarea>
                <p id="urgency-error" class="field-error">{error}</p>
            </div>
            <button type="submit" class="button" disabled=move || send.pending().get()>{i18n.s(Key::SendRequest)}</button>
        </form>
    }
}

#[component]
fn CallForm(case: Signal<Case>, on_entry: Callback<Option<ThreadEntry>>) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api::<dyn CasesApi>();
    let immediate = Memo::new(move |_| case.with(|c| c.summary.priority == Priority::P1));
    let phone = RwSignal::new(case.with_untracked(|c| c.contact_phone.clone()));
    let when = RwSignal::new(String::new());
    let local_error = RwSignal::new(None::<Key>);
    let send = Action::new_local(move |request: &CallRequest| {
        let id = case.with_untracked(|c| c.summary.id.clone());
        api.request_call(id, request.clone())
    });
    Effect::new(move |_| {
        if let Some(Ok(entry)) = send.value().get() {
            on_entry.run(Some(entry));
        }
    });
    let error = move || {
        local_error
            .get()
            .map(|k| i18n.t(k).to_string())
            .or_else(|| {
                send.value()
                    .get()
                    .and_then(|r| r.err())
                    .map(|e| error_text(e, "when", i18n))
            })
    };
    let sent = move || matches!(send.value().get(), Some(Ok(_))).then(|| i18n.t(Key::RequestSent));
    view! {
        <form class="form" novalidate on:submit=move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let number = phone.get_untracked();
            if number.trim().is_empty() {
                local_error.set(Some(Key::ErrRequired));
                return;
            }
            let timing = if immediate.get_untracked() {
                CallTiming::Immediate
            } else {
                // `datetime-local` is the user's wall-clock time; the browser knows its offset.
                let local = when.get_untracked();
                let at = js_sys::Date::new(&wasm_bindgen::JsValue::from_str(&local));
                if local.is_empty() || at.get_time().is_nan() || at.get_time() <= js_sys::Date::now() {
                    local_error.set(Some(Key::ErrFutureTime));
                    return;
                }
                CallTiming::Scheduled { at: String::from(at.to_iso_string()) }
            };
            local_error.set(None);
            send.dispatch(CallRequest { phone: number.trim().to_string(), when: timing });
        }>
            <h3>{i18n.s(Key::RequestCall)}</h3>
            <div class="field">
                <label for="call-phone">{i18n.s(Key::ContactPhone)}</label>
                <input id="call-phone" type="tel" prop:value=move || phone.get()
                    on:input=move |ev| phone.set(event_target_value(&ev))/>
            </div>
            <Show when=move || !immediate.get()>
                <div class="field">
                    <label for="call-when">{i18n.s(Key::CallAt)}</label>
                    <input id="call-when" type="datetime-local" aria-describedby="call-error"
                        prop:value=move || when.get() on:input=move |ev| when.set(event_target_value(&ev))/>
                </div>
            </Show>
            <p id="call-error" class="field-error" role="alert">{error}</p>
            <p role="status">{sent}</p>
            <button type="submit" class="button" disabled=move || send.pending().get()>
                {move || if immediate.get() { i18n.t(Key::CallMeNow) } else { i18n.t(Key::ScheduleCall) }}
            </button>
        </form>
    }
}
