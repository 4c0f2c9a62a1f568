use super::step_fields::{ContactStep, DetailsStep, PriorityStep, ProductStep};
use super::step_review::{Review, Suggestions};
use crate::api::field_error_key;
use crate::domain::{step_of_field, CaseDraft, DraftProblem, Step};
use crate::i18n::{use_i18n, Key};
use leptos::prelude::*;
use support_contract::FieldError;

pub(super) fn step_key(step: Step) -> Key {
    match step {
        Step::Product => Key::StepProduct,
        Step::Problem => Key::StepProblem,
        Step::Details => Key::StepDetails,
        Step::Priority => Key::StepPriority,
        Step::Contact => Key::StepContact,
        Step::Review => Key::StepReview,
    }
}

/// The steps as a list of buttons: any step can be opened, and nothing typed is lost. A step
/// with something to correct says so.
#[component]
pub fn StepsNav(current: Memo<Step>, checks: Checks, on_select: Callback<Step>) -> impl IntoView {
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
                            {move || checks.flagged(step).then(|| view! {
                                <span class="step-flag">" "{i18n.s(Key::StepNeedsAttention)}</span>
                            })}
                        </button>
                    </li>
                }).collect_view()}
            </ol>
        </nav>
    }
}

/// What is wrong with the draft's fields: the user's own slips, shown once they tried to leave
/// or submit a step, and the backend's refusals, each shown until its field is edited.
#[derive(Clone, Copy)]
pub struct Checks {
    pub draft: RwSignal<CaseDraft>,
    /// Steps the user tried to leave or submit: only those show the user's slips.
    pub checked: RwSignal<Vec<Step>>,
    /// The backend's field errors from the last submit.
    pub server: RwSignal<Vec<FieldError>>,
}

impl Checks {
    pub fn new(draft: RwSignal<CaseDraft>) -> Checks {
        Checks {
            draft,
            checked: RwSignal::new(Vec::new()),
            server: RwSignal::new(Vec::new()),
        }
    }

    /// The message for `field` in the user's language, if there is one to show.
    pub fn message(self, field: &'static str) -> Signal<Option<String>> {
        let i18n = use_i18n();
        let step = step_of_field(field);
        Signal::derive(move || {
            let local = self.checked.get().contains(&step).then(|| {
                self.draft.with(|d| {
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
                    DraftProblem::InvalidUrl => Key::ErrInvalidUrl,
                };
                return Some(i18n.t(key).to_string());
            }
            self.server.with(|errors| {
                errors
                    .iter()
                    .find(|e| e.field == field)
                    .map(|e| i18n.t(field_error_key(e.code)).to_string())
            })
        })
    }

    /// The user changed `field`: the backend's word on its old value no longer applies.
    pub fn edited(self, field: &str) {
        if self
            .server
            .with_untracked(|s| s.iter().any(|e| e.field == field))
        {
            self.server.update(|s| s.retain(|e| e.field != field));
        }
    }

    /// Whether `step` has something to correct that the user was already told about.
    pub fn flagged(self, step: Step) -> bool {
        let local =
            self.checked.get().contains(&step) && self.draft.with(|d| !d.problems(step).is_empty());
        local
            || self
                .server
                .with(|s| s.iter().any(|e| step_of_field(&e.field) == step))
    }
}

/// A labelled text input or text area bound to one field of the draft; `field` is its name in
/// the request, as the backend names it in field errors.
#[component]
pub(super) fn DraftText(
    id: &'static str,
    field: &'static str,
    label: Key,
    #[prop(optional)] hint: Option<Key>,
    #[prop(optional)] multiline: bool,
    #[prop(default = "text")] kind: &'static str,
    get: fn(&CaseDraft) -> String,
    set: fn(&mut CaseDraft, String),
    checks: Checks,
) -> impl IntoView {
    let i18n = use_i18n();
    let draft = checks.draft;
    let error = checks.message(field);
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
        checks.edited(field);
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
pub fn StepPanel(checks: Checks) -> impl IntoView {
    let i18n = use_i18n();
    let draft = checks.draft;
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
    view! {
        <h2 class="step-title">{heading}</h2>
        {move || match step.get() {
            Step::Product => view! { <ProductStep checks=checks/> }.into_any(),
            Step::Problem => view! {
                <DraftText id="case-title" field="title" label=Key::CaseTitle hint=Key::CaseTitleHint checks=checks
                    get=|d| d.title.clone() set=|d, v| d.title = v/>
                <DraftText id="case-description" field="description" label=Key::CaseDescription multiline=true checks=checks
                    get=|d| d.description.clone() set=|d, v| d.description = v/>
                <Suggestions draft=draft/>
            }.into_any(),
            Step::Details => view! { <DetailsStep checks=checks/> }.into_any(),
            Step::Priority => view! { <PriorityStep checks=checks/>
                <DraftText id="case-impact" field="business_impact" label=Key::BusinessImpact hint=Key::BusinessImpactHint
                    multiline=true checks=checks
                    get=|d| d.business_impact.clone() set=|d, v| d.business_impact = v/>
            }.into_any(),
            Step::Contact => view! { <ContactStep checks=checks/> }.into_any(),
            Step::Review => view! { <Review draft=draft/> }.into_any(),
        }}
    }
}
