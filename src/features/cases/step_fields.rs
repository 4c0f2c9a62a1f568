use super::response::target_text;
use super::steps::{Checks, DraftText};
use crate::api::use_backend;
use crate::auth::use_session;
use crate::i18n::{
    priority_key, priority_meaning_key, product_key, supported_time_zones, use_i18n, Key,
};
use leptos::prelude::*;
use support_contract::cases::{response_target_minutes, Person, Priority};
use support_contract::{Plan, Product};

/// The organisation's members other than the user: the people who can watch a case.
pub(super) fn use_colleagues() -> LocalResource<Vec<Person>> {
    let backend = use_backend();
    let me = use_session()
        .session()
        .map(|s| s.user.id)
        .unwrap_or_default();
    LocalResource::new(move || {
        let backend = backend.clone();
        let me = me.clone();
        async move {
            let mut members = backend.organisation_members().await.unwrap_or_default();
            members.retain(|m| m.id != me);
            members
        }
    })
}

/// A group of radio buttons for the product.
#[component]
pub(super) fn ProductStep(checks: Checks) -> impl IntoView {
    let i18n = use_i18n();
    let draft = checks.draft;
    let error = checks.message("product");
    view! {
        <fieldset class="choices" aria-describedby="product-error">
            <legend>{i18n.s(Key::WhichProduct)}</legend>
            {[Product::Analytics, Product::Target, Product::AudienceManager].into_iter().map(|p| view! {
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
        {move || match product() {
            Some(Product::Analytics) => view! {
                <DraftText id="case-report-suite" field="details.report_suite_id" label=Key::ReportSuiteId checks=checks
                    get=|d| d.details.report_suite_id.clone().unwrap_or_default() set=|d, v| d.details.report_suite_id = Some(v)/>
                <DraftText id="case-workspace" field="details.workspace_url" label=Key::WorkspaceUrl kind="url" checks=checks
                    get=|d| d.details.workspace_url.clone().unwrap_or_default() set=|d, v| d.details.workspace_url = Some(v)/>
            }.into_any(),
            Some(Product::Target) => view! {
                <DraftText id="case-activity" field="details.activity_name" label=Key::ActivityName checks=checks
                    get=|d| d.details.activity_name.clone().unwrap_or_default() set=|d, v| d.details.activity_name = Some(v)/>
                <DraftText id="case-site" field="details.site_url" label=Key::SiteUrl kind="url" checks=checks
                    get=|d| d.details.site_url.clone().unwrap_or_default() set=|d, v| d.details.site_url = Some(v)/>
            }.into_any(),
            Some(Product::AudienceManager) => view! {
                <DraftText id="case-data-source" field="details.data_source_id" label=Key::DataSourceId checks=checks
                    get=|d| d.details.data_source_id.clone().unwrap_or_default() set=|d, v| d.details.data_source_id = Some(v)/>
                <DraftText id="case-segment" field="details.segment_id" label=Key::SegmentId checks=checks
                    get=|d| d.details.segment_id.clone().unwrap_or_default() set=|d, v| d.details.segment_id = Some(v)/>
            }.into_any(),
            _ => ().into_any(),
        }}
        <label class="choice">
            <input type="checkbox" prop:checked=move || draft.with(|d| d.reproducible)
                on:change=move |ev| draft.update(|d| d.reproducible = event_target_checked(&ev))/>
            {i18n.s(Key::Reproducible)}
        </label>
        <Show when=move || draft.with(|d| d.reproducible)>
            <DraftText id="case-steps" field="steps_to_reproduce" label=Key::StepsToReproduce multiline=true checks=checks
                get=|d| d.steps_to_reproduce.clone() set=|d, v| d.steps_to_reproduce = v/>
        </Show>
        <DraftText id="case-environment" field="environment" label=Key::Environment multiline=true checks=checks
            get=|d| d.environment.clone() set=|d, v| d.environment = v/>
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
                let hint_id = format!("priority-{}-meaning", crate::domain::wire_name(p));
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
        <DraftText id="case-phone" field="contact_phone" label=Key::ContactPhone kind="tel" checks=checks
            get=|d| d.contact_phone.clone() set=|d, v| d.contact_phone = v/>
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
