use crate::components::{AppLink, ProgressMeter};
use crate::i18n::{use_i18n, Key};
use leptos::prelude::*;
use support_contract::learning::LearningGlance;

/// "Get started" in the enablement phase: the user's progress through the learning material,
/// the next item to do, and the way to the page where items are marked done.
#[component]
pub(super) fn GetStarted(learning: LearningGlance) -> impl IntoView {
    let i18n = use_i18n();
    let progress = learning.progress;
    let glance = if progress.total == 0 {
        view! { <p class="empty">{i18n.s(Key::LearningNothing)}</p> }.into_any()
    } else {
        view! {
            <ProgressMeter id="home-learning-progress" label=Key::LearningProgress
                progress=Signal::derive(move || progress)/>
            {match learning.next {
                Some(title) => view! { <p>{move || i18n.tr(Key::LearningNext, &[("title", &title)])}</p> }.into_any(),
                None => view! { <p>{i18n.s(Key::LearningAllDone)}</p> }.into_any(),
            }}
        }.into_any()
    };
    view! {
        <section class="card home-learning" aria-labelledby="home-learning-title">
            <h2 id="home-learning-title">{i18n.s(Key::LearningTitle)}</h2>
            {glance}
            <p><AppLink href="/learning">{i18n.s(Key::LearningContinue)}</AppLink></p>
        </section>
    }
}
