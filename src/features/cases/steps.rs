use super::response::target_text;
use crate::api::{field_error_key, use_backend, ApiError};
use crate::auth::use_session;
use crate::domain::{CaseDraft, DraftProblem, Step};
use crate::i18n::{
    priority_key, priority_meaning_key, product_key, supported_time_zones, use_i18n, Key,
};
use leptos::prelude::*;
use std::time::Duration;
use support_contract::cases::{response_target_minutes, Priority};
use support_contract::{Plan, Product};

fn step_key(step: Step) -> Key {
    match step {
        Step::Product => Key::StepProduct,
        Step::Problem => Key::StepProblem,
        Step::Details => Key::StepDetails,
        Step::Priority => Key::StepPriority,
        Step::Contact => Key::StepContact,
        Step::Review => Key::StepReview,
    }
}

/// The steps as a list of buttons: any step can be opened, and nothing typed is lost.
#[component]
pub fn StepsNav(current: Memo<Step>, on_select: Callback<Step>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <nav aria-label=i18n.s(Key::FilingSteps)>
            <ol class="steps">
                {Step::ALL.into_iter().enumerate().map(|(i, step)| view! {
                    <li>
                        <button type="button" class="step"
                            aria-current=move || (current.get() == step).then_some("step")
                            on:click=move |_| on_select.run(step)>
                            <span class="step-number">{i + 1}</span>" "{i18n.s(step_key(step))}
                        </button>
                    </li>
                }).collect_view()}
            </ol>
        </nav>
    }
}

/// The message for `field`: the user's own slip (once the step was checked) or the backend's.
fn field_message(
    draft: RwSignal<CaseDraft>,
    checked: RwSignal<Vec<Step>>,
    server_error: Signal<Option<ApiError>>,
    step: Step,
    field: &'static str,
) -> Signal<Option<String>> {
    let i18n = use_i18n();
    Signal::derive(move || {
        let local = checked.get().contains(&step).then(|| {
            draft.with(|d| {
                d.problems(step)
                    .into_iter()
                    .find(|(f, _)| *f == field)
                    .map(|(_, p)| p)
            })
        });
        if let Some(Some(problem)) = local {
            let key = match problem {
                DraftProblem::Required => Key::ErrRequired,
                DraftProblem::TooLong => Key::ErrTooLong,
                DraftProblem::InvalidPhone => Key::ErrInvalidPhone,
            };
            return Some(i18n.t(key).to_string());
        }
        match server_error.get() {
            Some(ApiError::Validation(errors)) => errors
                .iter()
                .find(|e| e.field == field || e.field.ends_with(&format!(".{field}")))
                .map(|e| i18n.t(field_error_key(&e.code)).to_string()),
            _ => None,
        }
    })
}

/// A labelled text input or text area bound to one field of the draft.
#[component]
fn DraftText(
    id: &'static str,
    label: Key,
    #[prop(optional)] hint: Option<Key>,
    #[prop(optional)] multiline: bool,
    #[prop(default = "text")] kind: &'static str,
    get: fn(&CaseDraft) -> String,
    set: fn(&mut CaseDraft, String),
    draft: RwSignal<CaseDraft>,
    error: Signal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let described = format!(
        "{id}-error{}",
        if hint.is_some() {
            format!(" {id}-hint")
        } else {
            String::new()
        }
    );
    let value = move || draft.with(get);
    let input = move |ev| {
        let v = event_target_value(&ev);
        draft.update(|d| set(d, v));
    };
    let control = if multiline {
        view! {
            <textarea id=id rows="6" aria-invalid=move || error.get().is_some().to_string()
                aria-describedby=described.clone() prop:value=value on:input=input></textarea>
        }
        .into_any()
    } else {
        view! {
            <input id=id type=kind aria-invalid=move || error.get().is_some().to_string()
                aria-describedby=described.clone() prop:value=value on:input=input/>
        }
        .into_any()
    };
    view! {
        <div class="field">
            <label for=id>{i18n.s(label)}</label>
            {hint.map(|h| view! { <p id=format!("{id}-hint") class="hint">{i18n.s(h)}</p> })}
            {control}
            <p id=format!("{id}-error") class="field-error">{move || error.get()}</p>
        </div>
    }
}

/// The fields of the current step.
#[component]
pub fn StepPanel(
    draft: RwSignal<CaseDraft>,
    checked: RwSignal<Vec<Step>>,
    server_error: Signal<Option<ApiError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let step = Memo::new(move |_| draft.with(|d| d.step));
    let heading = move || {
        let s = step.get();
        let n = Step::ALL.iter().position(|x| *x == s).unwrap_or(0) + 1;
        i18n.tr(
            Key::StepOf,
            &[
                ("n", &n.to_string()),
                ("total", &Step::ALL.len().to_string()),
                ("name", i18n.t(step_key(s))),
            ],
        )
    };
    let err = move |s: Step, f: &'static str| field_message(draft, checked, server_error, s, f);
    view! {
        <h2 class="step-title">{heading}</h2>
        {move || match step.get() {
            Step::Product => view! { <ProductStep draft=draft error=err(Step::Product, "product")/> }.into_any(),
            Step::Problem => view! {
                <DraftText id="case-title" label=Key::CaseTitle hint=Key::CaseTitleHint draft=draft
                    get=|d| d.title.clone() set=|d, v| d.title = v error=err(Step::Problem, "title")/>
                <DraftText id="case-description" label=Key::CaseDescription multiline=true draft=draft
                    get=|d| d.description.clone() set=|d, v| d.description = v error=err(Step::Problem, "description")/>
                <Suggestions draft=draft/>
            }.into_any(),
            Step::Details => view! { <DetailsStep draft=draft err=err/> }.into_any(),
            Step::Priority => view! { <PriorityStep draft=draft error=err(Step::Priority, "priority")/>
                <DraftText id="case-impact" label=Key::BusinessImpact hint=Key::BusinessImpactHint multiline=true draft=draft
                    get=|d| d.business_impact.clone() set=|d, v| d.business_impact = v error=err(Step::Priority, "business_impact")/>
            }.into_any(),
            Step::Contact => view! { <ContactStep draft=draft err=err/> }.into_any(),
            Step::Review => view! { <Review draft=draft/> }.into_any(),
        }}
    }
}

/// A group of radio buttons for the product.
#[component]
fn ProductStep(draft: RwSignal<CaseDraft>, error: Signal<Option<String>>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <fieldset class="choices" aria-describedby="product-error">
            <legend>{i18n.s(Key::WhichProduct)}</legend>
            {[Product::Analytics, Product::Target, Product::AudienceManager].into_iter().map(|p| view! {
                <label class="choice">
                    <input type="radio" name="product" prop:checked=move || draft.with(|d| d.product == Some(p))
                        on:change=move |_| draft.update(|d| d.product = Some(p))/>
                    {i18n.s(product_key(p))}
                </label>
            }).collect_view()}
            <p id="product-error" class="field-error">{move || error.get()}</p>
        </fieldset>
    }
}

/// Product-specific details, reproducibility and environment.
#[component]
fn DetailsStep(
    draft: RwSignal<CaseDraft>,
    err: impl Fn(Step, &'static str) -> Signal<Option<String>> + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let none = Signal::derive(|| None::<String>);
    let product = move || draft.with(|d| d.product);
    view! {
        {move || match product() {
            Some(Product::Analytics) => view! {
                <DraftText id="case-report-suite" label=Key::ReportSuiteId draft=draft error=none
                    get=|d| d.details.report_suite_id.clone().unwrap_or_default() set=|d, v| d.details.report_suite_id = Some(v)/>
                <DraftText id="case-workspace" label=Key::WorkspaceUrl kind="url" draft=draft error=none
                    get=|d| d.details.workspace_url.clone().unwrap_or_default() set=|d, v| d.details.workspace_url = Some(v)/>
            }.into_any(),
            Some(Product::Target) => view! {
                <DraftText id="case-activity" label=Key::ActivityName draft=draft error=none
                    get=|d| d.details.activity_name.clone().unwrap_or_default() set=|d, v| d.details.activity_name = Some(v)/>
                <DraftText id="case-site" label=Key::SiteUrl kind="url" draft=draft error=none
                    get=|d| d.details.site_url.clone().unwrap_or_default() set=|d, v| d.details.site_url = Some(v)/>
            }.into_any(),
            Some(Product::AudienceManager) => view! {
                <DraftText id="case-data-source" label=Key::DataSourceId draft=draft error=none
                    get=|d| d.details.data_source_id.clone().unwrap_or_default() set=|d, v| d.details.data_source_id = Some(v)/>
                <DraftText id="case-segment" label=Key::SegmentId draft=draft error=none
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
            <DraftText id="case-steps" label=Key::StepsToReproduce multiline=true draft=draft
                get=|d| d.steps_to_reproduce.clone() set=|d, v| d.steps_to_reproduce = v error=err(Step::Details, "steps_to_reproduce")/>
        </Show>
        <DraftText id="case-environment" label=Key::Environment multiline=true draft=draft
            get=|d| d.environment.clone() set=|d, v| d.environment = v error=err(Step::Details, "environment")/>
    }
}

/// Priorities with their meaning and response target next to each choice.
#[component]
fn PriorityStep(draft: RwSignal<CaseDraft>, error: Signal<Option<String>>) -> impl IntoView {
    let i18n = use_i18n();
    let ctx = use_session();
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
                            on:change=move |_| draft.update(|d| d.priority = Some(p))/>
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
fn ContactStep(
    draft: RwSignal<CaseDraft>,
    err: impl Fn(Step, &'static str) -> Signal<Option<String>> + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let backend = use_backend();
    let ctx = use_session();
    let me = ctx.session().map(|s| s.user.id).unwrap_or_default();
    let members = LocalResource::new(move || {
        let backend = backend.clone();
        async move { backend.organisation_members().await.unwrap_or_default() }
    });
    let zone_error = err(Step::Contact, "time_zone");
    view! {
        <DraftText id="case-phone" label=Key::ContactPhone kind="tel" draft=draft
            get=|d| d.contact_phone.clone() set=|d, v| d.contact_phone = v error=err(Step::Contact, "contact_phone")/>
        <div class="field">
            <label for="case-time-zone">{i18n.s(Key::ContactTimeZone)}</label>
            <select id="case-time-zone" aria-describedby="case-time-zone-error"
                prop:value=move || draft.with(|d| d.time_zone.clone())
                on:change=move |ev| { let v = event_target_value(&ev); draft.update(|d| d.time_zone = v); }>
                {supported_time_zones().into_iter().map(|z| view! { <option value=z.clone()>{z.clone()}</option> }).collect_view()}
            </select>
            <p id="case-time-zone-error" class="field-error">{move || zone_error.get()}</p>
        </div>
        <fieldset class="choices">
            <legend>{i18n.s(Key::WatchersHint)}</legend>
            <Transition fallback=|| ()>
                {move || {
                    let me = me.clone();
                    Suspend::new(async move {
                        members.await.into_iter().filter(|m| m.id != me).map(|m| {
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
                                        }/>
                                    {m.name.clone()}
                                </label>
                            }
                        }).collect_view()
                    })
                }}
            </Transition>
        </fieldset>
    }
}

/// Help articles related to the title, fetched a moment after the user stops typing.
#[component]
fn Suggestions(draft: RwSignal<CaseDraft>) -> impl IntoView {
    let i18n = use_i18n();
    let backend = use_backend();
    let settled = RwSignal::new(String::new());
    let title = Memo::new(move |_| draft.with(|d| d.title.trim().to_string()));
    Effect::new(move |previous: Option<Option<TimeoutHandle>>| {
        if let Some(Some(handle)) = previous {
            handle.clear();
        }
        let text = title.get();
        set_timeout_with_handle(move || settled.set(text), Duration::from_millis(400)).ok()
    });
    let found = LocalResource::new(move || {
        let backend = backend.clone();
        let q = settled.get();
        async move {
            if q.chars().count() < 4 {
                return vec![];
            }
            backend.help_suggestions(q).await.unwrap_or_default()
        }
    });
    view! {
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                let list = found.await;
                (!list.is_empty()).then(|| view! {
                    <section class="suggestions" aria-labelledby="suggestions-title">
                        <h3 id="suggestions-title">{i18n.s(Key::SuggestedArticles)}</h3>
                        <ul>
                            {list.into_iter().map(|a| view! {
                                <li><a href=a.url target="_blank" rel="noopener noreferrer">{a.title}</a></li>
                            }).collect_view()}
                        </ul>
                    </section>
                })
            })}
        </Transition>
    }
}

/// Everything entered, to check before submitting.
#[component]
fn Review(draft: RwSignal<CaseDraft>) -> impl IntoView {
    let i18n = use_i18n();
    let d = draft.get_untracked();
    let or_not_given = move |s: String| {
        if s.trim().is_empty() {
            i18n.t(Key::NotGiven).to_string()
        } else {
            s
        }
    };
    view! {
        <dl class="facts review">
            <dt>{i18n.s(Key::StepProduct)}</dt>
            <dd>{d.product.map(|p| i18n.s(product_key(p)).into_any()).unwrap_or_else(|| i18n.s(Key::NotGiven).into_any())}</dd>
            <dt>{i18n.s(Key::CaseTitle)}</dt><dd>{or_not_given(d.title.clone())}</dd>
            <dt>{i18n.s(Key::CaseDescription)}</dt><dd class="description">{or_not_given(d.description.clone())}</dd>
            <dt>{i18n.s(Key::FilterPriority)}</dt>
            <dd>{d.priority.map(|p| i18n.s(priority_key(p)).into_any()).unwrap_or_else(|| i18n.s(Key::NotGiven).into_any())}</dd>
            <dt>{i18n.s(Key::BusinessImpact)}</dt><dd>{or_not_given(d.business_impact.clone())}</dd>
            <dt>{i18n.s(Key::ContactPhone)}</dt><dd>{or_not_given(d.contact_phone.clone())}</dd>
            <dt>{i18n.s(Key::ContactTimeZone)}</dt><dd>{d.time_zone.clone()}</dd>
        </dl>
        {d.reproducible.then(|| view! { <p>{i18n.s(Key::Reproducible)}</p> })}
        {(!d.attachments.is_empty()).then(|| view! {
            <h3>{i18n.s(Key::Attachments)}</h3>
            <ul class="files">{d.attachments.iter().map(|a| view! { <li>{a.name.clone()}</li> }).collect_view()}</ul>
        })}
    }
}
