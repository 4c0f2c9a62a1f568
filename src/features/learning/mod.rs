//! "Get started" (every signed-in user): the learning material meant for the user's role, in
//! their language, with their progress; each item marked done or not done with a checkbox.
//! The home page shows the same progress in the enablement phase (through the API, not this
//! feature).
//!
//! `mod.rs` holds the page and its list, `item` one item with its checkbox.

mod item;

use crate::api::{use_api, LearningApi};
use crate::components::{ErrorNotice, LoadingIndicator, ProgressMeter};
use crate::domain::apply_completion;
use crate::i18n::{use_i18n, Key};
use item::LearningRow;
use leptos::prelude::*;
use support_contract::learning::{Learning, LearningCompletion};

/// The "Get started" page: the progress, then every item in the vendor's order.
#[component]
pub fn LearningPage() -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api::<dyn LearningApi>();
    let loaded = LocalResource::new(move || api.learning(i18n.locale.get()));
    view! {
        <div class="page learning">
            <h1 id="page-title">{i18n.s(Key::LearningTitle)}</h1>
            <p class="lead">{i18n.s(Key::LearningLead)}</p>
            <Transition fallback=|| view! { <LoadingIndicator/> }>
                {move || Suspend::new(async move {
                    match loaded.await {
                        Ok(learning) => view! { <LearningList learning=learning/> }.into_any(),
                        Err(e) => view! { <ErrorNotice error=e retry=Callback::new(move |_| loaded.refetch())/> }.into_any(),
                    }
                })}
            </Transition>
        </div>
    }
}

/// The progress and the items. Each answer to a mark updates the list in place, so the item
/// keeps its elements (and the keyboard focus) while the progress moves.
#[component]
fn LearningList(learning: Learning) -> impl IntoView {
    let i18n = use_i18n();
    let state = RwSignal::new(learning);
    let progress = Signal::derive(move || state.with(|l| l.progress));
    let all_done = move || progress.with(|p| p.total > 0 && p.done >= p.total);
    let marked = Callback::new(move |c: LearningCompletion| {
        state.update(|l| apply_completion(l, &c));
    });
    let ids = Memo::new(move |_| {
        state.with(|l| l.items.iter().map(|i| i.id.clone()).collect::<Vec<_>>())
    });
    view! {
        <section class="card" aria-labelledby="learning-progress-title">
            <h2 id="learning-progress-title" class="visually-hidden">{i18n.s(Key::LearningProgress)}</h2>
            <ProgressMeter id="learning-progress" label=Key::LearningProgress progress=progress/>
            <Show when=all_done>
                <p class="notice success">{i18n.s(Key::LearningAllDone)}</p>
            </Show>
        </section>
        <section aria-labelledby="learning-items-title">
            <h2 id="learning-items-title">{i18n.s(Key::LearningItemsTitle)}</h2>
            <Show when=move || !ids.with(Vec::is_empty)
                fallback=move || view! { <p class="empty">{i18n.s(Key::LearningNothing)}</p> }>
                <ol class="learning-list">
                    <For each=move || ids.get() key=|id| id.clone() let:id>
                        {
                            let item = state.with_untracked(|l| l.items.iter().find(|i| i.id == id).cloned());
                            let done_at = Signal::derive({
                                let id = id.clone();
                                move || state.with(|l| l.items.iter().find(|i| i.id == id).and_then(|i| i.done_at.clone()))
                            });
                            item.map(|item| view! { <LearningRow item=item done_at=done_at on_marked=marked/> })
                        }
                    </For>
                </ol>
            </Show>
        </section>
    }
}
