//! Request a callback: the product, the number to call, what it is about and when suits. The
//! form is kept on the device as it is typed, so a failed request or a reload loses nothing.

use crate::api::{field_error, use_api, use_products, ApiError, CallbacksApi};
use crate::auth::use_draft;
use crate::components::{wire_options, ErrorNotice, SelectField};
use crate::i18n::{product_key, use_i18n, Key};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use support_contract::callbacks::{CallbackStatus, NewCallback};
use support_contract::wire::{from_wire, wire_name};
use support_contract::{FieldCode, Product};

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
struct Draft {
    product: Option<Product>,
    phone: String,
    topic: String,
    preferred_time: String,
}

/// The callback form and the user's earlier requests.
#[component]
pub fn CallbackSection() -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api::<dyn CallbacksApi>();
    let draft = use_draft("draft:callback", "", Draft::default()).value;
    let tried = RwSignal::new(false);
    let refresh = RwSignal::new(0u32);
    let mine = LocalResource::new({
        let api = api.clone();
        move || {
            refresh.track();
            api.callbacks()
        }
    });
    let request = Action::new_local(move |r: &NewCallback| api.request_callback(r.clone()));
    Effect::new(move |_| {
        if let Some(Ok(_)) = request.value().get() {
            // Back to the default: the saved draft goes with it.
            draft.set(Draft::default());
            tried.set(false);
            refresh.update(|n| *n += 1);
        }
    });
    // Blank required fields are caught here; the backend checks the rest (the phone's form).
    let error_for = move |field: &'static str| {
        let blank = match field {
            "phone" => draft.with(|d| d.phone.trim().is_empty()),
            "topic" => draft.with(|d| d.topic.trim().is_empty()),
            _ => false,
        };
        let local = (tried.get() && blank).then_some(FieldCode::Required);
        let answer = request.value().get().and_then(Result::err);
        let refused = answer.as_ref().map_or(&[][..], ApiError::field_errors);
        field_error(field, local, refused, i18n.locale.get())
    };
    let products = use_products();
    // The portal's first product until the user chooses.
    let product = move || {
        draft
            .with(|d| d.product)
            .or_else(|| products.with(|p| p.first().copied()))
            .unwrap_or_default()
    };
    let text_field = move |id: &'static str,
                           label: Key,
                           field: &'static str,
                           get: fn(&Draft) -> String,
                           set: fn(&mut Draft, String)| {
        let error_id = format!("{id}-error");
        view! {
            <div class="field">
                <label for=id>{i18n.s(label)}</label>
                <input id=id type="text" aria-describedby=error_id.clone()
                    aria-invalid=move || error_for(field).is_some().to_string()
                    prop:value=move || draft.with(get)
                    on:input=move |ev| { let v = event_target_value(&ev); draft.update(|d| set(d, v)); }/>
                <p id=error_id class="field-error">{move || error_for(field)}</p>
            </div>
        }
    };
    view! {
        <section class="card" aria-labelledby="callback-title">
            <h2 id="callback-title">{i18n.s(Key::RequestCallback)}</h2>
            <form class="form" novalidate on:submit=move |ev: leptos::ev::SubmitEvent| {
                ev.prevent_default();
                tried.set(true);
                let d = draft.get_untracked();
                if d.phone.trim().is_empty() || d.topic.trim().is_empty() {
                    return;
                }
                request.dispatch(NewCallback {
                    product: product(),
                    phone: d.phone.trim().to_string(),
                    topic: d.topic.trim().to_string(),
                    preferred_time: d.preferred_time.trim().to_string(),
                });
            }>
                <SelectField id="callback-product" label=Key::FilterProduct
                    options=Signal::derive(move || wire_options(products.get().into_iter().map(|p| (p, product_key(p)))))
                    value=Signal::derive(move || wire_name(&product()).to_string())
                    on_change=Callback::new(move |v: String| draft.update(|d| d.product = from_wire(&v)))/>
                {text_field("callback-phone", Key::CallbackPhone, "phone", |d| d.phone.clone(), |d, v| d.phone = v)}
                {text_field("callback-topic", Key::CallbackTopic, "topic", |d| d.topic.clone(), |d, v| d.topic = v)}
                {text_field("callback-when", Key::CallbackWhen, "preferred_time", |d| d.preferred_time.clone(), |d, v| d.preferred_time = v)}
                <div role="status">
                    {move || match request.value().get() {
                        Some(Ok(c)) => Some(view! { <p class="notice success">{i18n.tr(Key::CallbackRequested, &[("phone", &c.phone)])}</p> }.into_any()),
                        Some(Err(ApiError::Validation(_))) | None => None,
                        Some(Err(e)) => Some(view! { <ErrorNotice error=e/> }.into_any()),
                    }}
                </div>
                <button type="submit" class="button primary" disabled=move || request.pending().get()>
                    {i18n.s(Key::SendCallbackRequest)}
                </button>
            </form>
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    let list = mine.await.unwrap_or_default();
                    (!list.is_empty()).then(|| view! {
                        <h3>{i18n.s(Key::YourCallbacks)}</h3>
                        <ul class="callbacks">
                            {list.into_iter().map(|c| {
                                let at = c.requested_at.clone();
                                let status = if c.status == CallbackStatus::Done { Key::CallbackDone } else { Key::CallbackWaiting };
                                view! { <li>{move || i18n.date_time(&at)}": "{c.topic.clone()}" ("{c.phone.clone()}") — "{i18n.s(status)}</li> }
                            }).collect_view()}
                        </ul>
                    })
                })}
            </Transition>
        </section>
    }
}
