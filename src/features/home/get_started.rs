use crate::api::{use_api, LearningApi};
use crate::components::{AppLink, ErrorNotice, Hold, LoadingIndicator, ProgressMeter};
use crate::domain::next_item;
use crate::i18n::{use_i18n, Key};
use leptos::prelude::*;

/// "Get started" in the enablement phase: the user's progress through the learning material,
/// the next item to do, and the way to the page where items are marked done.
#[component]
pub(super) fn GetStarted() -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api::<dyn LearningApi>();
    // The page (see `Settled`) waits for this block's first answer.
    let hold = Hold::new();
    let learning = LocalResource::new(move || api.learning(i18n.locale.get()));
    view! {
        <section class="card home-learning" aria-labelledby="home-learning-title">
            <h2 id="home-learning-title">{i18n.s(Key::LearningTitle)}</h2>
            <Transition fallback=|| view! { <LoadingIndicator/> }>
                {move || Suspend::new(async move {
                    match hold.after(learning.await) {
                        Ok(l) if l.items.is_empty() => view! { <p class="empty">{i18n.s(Key::LearningNothing)}</p> }.into_any(),
                        Ok(l) => {
                            let next = next_item(&l.items).map(|i| i.title.clone());
                            let progress = l.progress;
                            view! {
                                <ProgressMeter id="home-learning-progress" label=Key::LearningProgress
                                    progress=Signal::derive(move || progress)/>
                                {match next {
                                    Some(title) => view! { <p>{move || i18n.tr(Key::LearningNext, &[("title", &title)])}</p> }.into_any(),
                                    None => view! { <p>{i18n.s(Key::LearningAllDone)}</p> }.into_any(),
                                }}
                            }.into_any()
                        }
                        Err(e) => view! { <ErrorNotice error=e retry=Callback::new(move |_| learning.refetch())/> }.into_any(),
                    }
                })}
            </Transition>
            <p><AppLink href="/learning">{i18n.s(Key::LearningContinue)}</AppLink></p>
        </section>
    }
}
