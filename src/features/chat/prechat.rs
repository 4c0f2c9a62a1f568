use super::session::ChatCtx;
use crate::api::{use_api, use_products, ApiError, ChatApi};
use crate::components::{wire_options, AppLink, ErrorNotice, LoadingIndicator, SelectField};
use crate::i18n::{product_key, use_i18n, Key};
use leptos::prelude::*;
use support_contract::chat::{ChatAvailability, ChatUnavailable, NewChat};
use support_contract::wire::{from_wire, wire_name};

/// Before a chat: which product, a topic and a short summary. Where chat is not offered now
/// (a product without chat, outside business hours, the setup phase) it says why and offers a
/// case or a callback instead.
#[component]
pub fn PreChat() -> impl IntoView {
    let availability = expect_context::<ChatCtx>().availability;
    view! {
        <Suspense fallback=|| view! { <LoadingIndicator/> }>
            {move || Suspend::new(async move {
                match availability.await {
                    Ok(list) => view! { <Form availability=list/> }.into_any(),
                    Err(e) => view! { <ErrorNotice error=e reload=true/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

fn reason_key(reason: Option<ChatUnavailable>) -> Key {
    match reason {
        Some(ChatUnavailable::OutsideBusinessHours) => Key::ChatOutsideHours,
        Some(ChatUnavailable::SetupPhase) => Key::ChatSetupPhase,
        _ => Key::ChatNotOffered,
    }
}

#[component]
fn Form(availability: Vec<ChatAvailability>) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api::<dyn ChatApi>();
    let chat = expect_context::<ChatCtx>();
    let products = use_products();
    // The first product open for chat now, else the first the backend offers chat for.
    let first_open = availability
        .iter()
        .find(|a| a.available)
        .or(availability.first())
        .map(|a| a.product)
        .unwrap_or_default();
    let product = RwSignal::new(first_open);
    let topic = RwSignal::new(String::new());
    let summary = RwSignal::new(String::new());
    let tried = RwSignal::new(false);
    let availability = StoredValue::new(availability);
    let state = move || {
        availability.with_value(|list| list.iter().find(|a| a.product == product.get()).cloned())
    };
    let open_now = move || state().is_some_and(|a| a.available);
    let start = Action::new_local(move |request: &NewChat| {
        let api = api.clone();
        let request = request.clone();
        async move {
            let started = api.start_chat(request).await?;
            chat.begin(started, api).await;
            Ok::<(), ApiError>(())
        }
    });
    let missing = move |s: RwSignal<String>| tried.get() && s.get().trim().is_empty();
    view! {
        <form class="form" novalidate on:submit=move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            tried.set(true);
            if !open_now() || topic.get_untracked().trim().is_empty() || summary.get_untracked().trim().is_empty() {
                return;
            }
            start.dispatch(NewChat {
                product: product.get_untracked(),
                topic: topic.get_untracked().trim().to_string(),
                summary: summary.get_untracked().trim().to_string(),
            });
        }>
            <SelectField id="chat-product" label=Key::FilterProduct
                options=Signal::derive(move || wire_options(products.get().into_iter().map(|p| (p, product_key(p)))))
                value=Signal::derive(move || wire_name(&product.get()).to_string())
                on_change=Callback::new(move |v: String| {
                    if let Some(p) = from_wire(&v) { product.set(p); }
                })/>
            {move || (!open_now()).then(|| {
                let why = state().and_then(|a| a.reason);
                let opens = state().and_then(|a| a.opens_at);
                // In the setup phase cases cannot be filed either: only a callback is offered.
                let setup = why == Some(ChatUnavailable::SetupPhase);
                view! {
                    <div class="notice" role="status">
                        <p>{i18n.s(reason_key(why))}</p>
                        {opens.map(|at| view! { <p>{move || i18n.tr(Key::ChatOpensAt, &[("when", &i18n.date_time(&at))])}</p> })}
                        <p>{i18n.s(if setup { Key::ChatInsteadCallback } else { Key::ChatInstead })}</p>
                        <ul class="links">
                            {(!setup).then(|| view! { <li><AppLink href="/cases/new">{i18n.s(Key::FileCase)}</AppLink></li> })}
                            <li><AppLink href="/contact">{i18n.s(Key::RequestCallback)}</AppLink></li>
                        </ul>
                    </div>
                }
            })}
            <div class="field">
                <label for="chat-topic">{i18n.s(Key::ChatTopic)}</label>
                <input id="chat-topic" type="text" maxlength="120" aria-describedby="chat-topic-error"
                    aria-invalid=move || missing(topic).to_string()
                    prop:value=move || topic.get() on:input=move |ev| topic.set(event_target_value(&ev))/>
                <p id="chat-topic-error" class="field-error">{move || missing(topic).then(|| i18n.t(Key::ErrRequired))}</p>
            </div>
            <div class="field">
                <label for="chat-summary">{i18n.s(Key::ChatSummary)}</label>
                <textarea id="chat-summary" rows="3" maxlength="1000" aria-describedby="chat-summary-error"
                    aria-invalid=move || missing(summary).to_string()
                    prop:value=move || summary.get() on:input=move |ev| summary.set(event_target_value(&ev))></textarea>
                <p id="chat-summary-error" class="field-error">{move || missing(summary).then(|| i18n.t(Key::ErrRequired))}</p>
            </div>
            {move || match start.value().get() {
                Some(Err(e)) => Some(view! { <ErrorNotice error=e/> }),
                _ => None,
            }}
            <button type="submit" class="button primary" disabled=move || !open_now() || start.pending().get()>
                {i18n.s(Key::StartChat)}
            </button>
        </form>
    }
}
