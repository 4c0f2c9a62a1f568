use super::form::{Checks, DraftText};
use super::report::detail_label;
use super::response::target_text;
use crate::api::{use_api, use_products, PeopleApi};
use crate::auth::use_session;
use crate::domain::{Detail, DraftField};
use crate::i18n::{
    priority_key, priority_meaning_key, product_key, supported_time_zones, use_i18n, Key,
};
use leptos::prelude::*;
use support_contract::cases::{response_target_minutes, Person, Priority};
use support_contract::Plan;

/// The organisation's members other than the user: the people who can watch a case.
pub(super) fn use_colleagues() -> LocalResource<Vec<Person>> {
    let api = use_api::<dyn PeopleApi>();
    let me = use_session()
        .session()
        .map(|s| s.user.id)
        .unwrap_or_default();
    LocalResource::new(move || {
        let api = api.clone();
        let me = me.clone();
        async move {
            let mut members = api.organisation_members().await.unwrap_or_default();
            members.retain(|m| m.id != me);
            members
        }
    })
}

/// A group of radio buttons for the product: those the backend supports (`GET /portal`).
#[component]
pub(super) fn ProductStep(checks: Checks) -> impl IntoView {
    let i18n = use_i18n();
    let draft = checks.draft;
    let error = checks.message("product");
    let products = use_products();
    view! {
        <fieldset class="choices" aria-describedby="product-error">
            <legend>{i18n.s(Key::WhichProduct)}</legend>
            {move || products.get().into_iter().map(|p| view! {
                <label class="choice">
                    <input type="radio" name="product" prop:checked=move || draft.with(|d| d.product == Some(p))
                        on:change=move |_| { draft.update(|d| d.product = Some(p)); checks.edited("product"); }/>
                    {i18n.s(product_key(p))}
                </label>
            }).collect_view()}
            <p id="product-error" class="field-error">{move || error.get()}</p>
        </fieldset>
    }
}

/// Product-specific details, reproducibility and environment.
#[component]
pub(super) fn DetailsStep(checks: Checks) -> impl IntoView {
    let i18n = use_i18n();
    let draft = checks.draft;
    let product = move || draft.with(|d| d.product);
    view! {
        {move || product().map(|p| Detail::of(p).iter().map(|&detail| view! {
            <DraftText field=DraftField::Detail(detail) label=detail_label(detail)
                kind=if detail.is_link() { "url" } else { "text" } checks=checks/>
        }).collect_view())}
        <label class="choice">
            <input type="checkbox" prop:checked=move || draft.with(|d| d.reproducible)
                on:change=move |ev| draft.update(|d| d.reproducible = event_target_checked(&ev))/>
            {i18n.s(Key::Reproducible)}
        </label>
        <Show when=move || draft.with(|d| d.reproducible)>
            <DraftText field=DraftField::StepsToReproduce label=Key::StepsToReproduce multiline=true checks=checks/>
        </Show>
        <DraftText field=DraftField::Environment label=Key::Environment multiline=true checks=checks/>
    }
}

/// Priorities with their meaning and response target next to each choice.
#[component]
pub(super) fn PriorityStep(checks: Checks) -> impl IntoView {
    let i18n = use_i18n();
    let ctx = use_session();
    let draft = checks.draft;
    let error = checks.message("priority");
    let plan = move || {
        ctx.session()
            .map(|s| s.organisation.plan)
            .unwrap_or(Plan::Standard)
    };
    view! {
        <fieldset class="choices" aria-describedby="priority-error">
            <legend>{i18n.s(Key::FilterPriority)}</legend>
            {Priority::ALL.into_iter().map(|p| {
                let hint_id = format!("priority-{}-meaning", support_contract::wire::wire_name(&p));
                view! {
                    <label class="choice priority-choice">
                        <input type="radio" name="priority" aria-describedby=hint_id.clone()
                            prop:checked=move || draft.with(|d| d.priority == Some(p))
                            on:change=move |_| { draft.update(|d| d.priority = Some(p)); checks.edited("priority"); }/>
                        <span>
                            <strong>{i18n.s(priority_key(p))}</strong>
                            <span id=hint_id class="hint">
                                {i18n.s(priority_meaning_key(p))}" "{move || target_text(response_target_minutes(p, plan()), i18n)}"."
                            </span>
                        </span>
                    </label>
                }
            }).collect_view()}
            <p id="priority-error" class="field-error">{move || error.get()}</p>
        </fieldset>
    }
}

/// Contact phone, time zone, and colleagues to keep informed.
#[component]
pub(super) fn ContactStep(checks: Checks) -> impl IntoView {
    let i18n = use_i18n();
    let draft = checks.draft;
    let colleagues = use_colleagues();
    let zone_error = checks.message("time_zone");
    let watchers_error = checks.message("watchers");
    view! {
        <DraftText field=DraftField::ContactPhone label=Key::ContactPhone kind="tel" checks=checks/>
        <div class="field">
            <label for="case-time-zone">{i18n.s(Key::ContactTimeZone)}</label>
            <select id="case-time-zone" aria-describedby="case-time-zone-error"
                prop:value=move || draft.with(|d| d.time_zone.clone())
                on:change=move |ev| {
                    let v = event_target_value(&ev);
                    draft.update(|d| d.time_zone = v);
                    checks.edited("time_zone");
                }>
                {supported_time_zones().into_iter().map(|z| view! { <option value=z.clone()>{z.clone()}</option> }).collect_view()}
            </select>
            <p id="case-time-zone-error" class="field-error">{move || zone_error.get()}</p>
        </div>
        <fieldset class="choices" aria-describedby="case-watchers-error">
            <legend>{i18n.s(Key::WatchersHint)}</legend>
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    let mut people = colleagues.await;
                    // A watcher chosen earlier who has left the organisation stays listed, so
                    // the user can untick them.
                    let gone: Vec<Person> = draft.with_untracked(|d| d.watchers.clone())
                        .into_iter()
                        .filter(|w| !people.iter().any(|m| m.id == *w))
                        .map(|id| Person { id, name: i18n.t(Key::FormerMember).to_string() })
                        .collect();
                    people.extend(gone);
                    people.into_iter().map(|m| {
                        let id = m.id.clone();
                        let toggle_id = id.clone();
                        view! {
                            <label class="choice">
                                <input type="checkbox" prop:checked=move || draft.with(|d| d.watchers.contains(&id))
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        let id = toggle_id.clone();
                                        draft.update(|d| {
                                            d.watchers.retain(|w| *w != id);
                                            if on { d.watchers.push(id); }
                                        });
                                        checks.edited("watchers");
                                    }/>
                                {m.name.clone()}
                            </label>
                        }
                    }).collect_view()
                })}
            </Transition>
            <p id="case-watchers-error" class="field-error">{move || watchers_error.get()}</p>
        </fieldset>
    }
}
