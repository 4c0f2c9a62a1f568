use crate::i18n::{use_i18n, Key};
use leptos::prelude::*;
use support_contract::learning::LearningProgress;

/// How much is done: a labelled `<progress>` and the count as text, which screen readers hear
/// each time it changes (the count sits in a live region present from the start).
#[component]
pub fn ProgressMeter(
    /// The `<progress>` element's id, unique on the page.
    id: &'static str,
    label: Key,
    #[prop(into)] progress: Signal<LearningProgress>,
) -> impl IntoView {
    let i18n = use_i18n();
    let count_id = format!("{id}-count");
    let count = move || {
        let p = progress.get();
        i18n.tr(
            Key::LearningDoneOf,
            &[
                ("done", &i18n.number(f64::from(p.done))),
                ("total", &i18n.number(f64::from(p.total))),
            ],
        )
    };
    view! {
        <div class="progress-meter">
            <label for=id>{i18n.s(label)}</label>
            // `max` must be positive: an empty list shows an empty bar. The count beside it is
            // its description (and the only text, so that it is read once).
            <progress id=id aria-describedby=count_id.clone()
                max=move || progress.get().total.max(1)
                value=move || progress.get().done></progress>
            <p id=count_id class="progress-count" role="status">{count}</p>
        </div>
    }
}
