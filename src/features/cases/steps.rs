use super::form::{Checks, DraftText};
use super::step_fields::{ContactStep, DetailsStep, PriorityStep, ProductStep};
use super::step_review::Review;
use super::while_typing::WhileTyping;
use crate::domain::{DraftField, Step};
use crate::i18n::{use_i18n, Key};
use leptos::prelude::*;

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
                <DraftText field=DraftField::Title label=Key::CaseTitle hint=Key::CaseTitleHint checks=checks/>
                <DraftText field=DraftField::Description label=Key::CaseDescription multiline=true checks=checks/>
                <WhileTyping draft=draft/>
            }.into_any(),
            Step::Details => view! { <DetailsStep checks=checks/> }.into_any(),
            Step::Priority => view! { <PriorityStep checks=checks/>
                <DraftText field=DraftField::BusinessImpact label=Key::BusinessImpact hint=Key::BusinessImpactHint
                    multiline=true checks=checks/>
            }.into_any(),
            Step::Contact => view! { <ContactStep checks=checks/> }.into_any(),
            Step::Review => view! { <Review draft=draft/> }.into_any(),
        }}
    }
}
