use crate::api::{use_api, LearningApi};
use crate::components::{AppLink, ErrorNotice};
use crate::domain::LearningTarget;
use crate::i18n::{use_i18n, Key};
use leptos::prelude::*;
use support_contract::learning::{Audience, LearningCompletion, LearningItem, LearningKind};

fn kind_key(kind: LearningKind) -> Key {
    match kind {
        LearningKind::Guide => Key::LearningKindGuide,
        LearningKind::Video => Key::LearningKindVideo,
        LearningKind::Article | LearningKind::Unknown => Key::LearningKindArticle,
    }
}

/// One item: a checkbox to mark it done (saved at once; on a refusal it goes back and says
/// why), its title leading to the guide's page, the article or the video (in a new tab), what
/// it teaches, its kind, length and audience, and when it was done.
#[component]
pub(super) fn LearningRow(
    item: LearningItem,
    #[prop(into)] done_at: Signal<Option<String>>,
    on_marked: Callback<LearningCompletion>,
) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api::<dyn LearningApi>();
    let id = item.id.clone();
    let mark =
        Action::new_local(move |(id, done): &(String, bool)| api.mark_learning(id.clone(), *done));
    // What the box shows: the user's choice at once, the recorded state once it is known.
    let checked = RwSignal::new(done_at.get_untracked().is_some());
    Effect::new(move |_| checked.set(done_at.get().is_some()));
    Effect::new(move |_| match mark.value().get() {
        Some(Ok(c)) => on_marked.run(c),
        Some(Err(_)) => checked.set(done_at.get_untracked().is_some()),
        None => {}
    });
    let error = move || match mark.value().get() {
        Some(Err(e)) => Some(view! { <ErrorNotice error=e/> }),
        _ => None,
    };
    let box_id = format!("learning-{id}");
    let lang = item.language.tag();
    let title = item.title.clone();
    let name = {
        let title = title.clone();
        move || i18n.tr(Key::LearningDoneItem, &[("title", &title)])
    };
    let heading = match LearningTarget::of(&item) {
        LearningTarget::Portal(href) => view! { <AppLink href=href>{title}</AppLink> }.into_any(),
        LearningTarget::External(url) => view! {
            <a href=url target="_blank" rel="noopener noreferrer">
                {title}<span class="visually-hidden">" "{i18n.s(Key::HelpNewTab)}</span>
            </a>
        }
        .into_any(),
        LearningTarget::Nowhere => title.into_any(),
    };
    let minutes = item.duration_minutes;
    let done_on = move || {
        done_at
            .get()
            .map(|at| i18n.tr(Key::LearningDoneOn, &[("date", &i18n.date_time(&at))]))
    };
    view! {
        <li class="learning-item" class:done=move || checked.get()>
            <div class="learning-check">
                <input type="checkbox" id=box_id.clone() aria-label=name
                    aria-busy=move || mark.pending().get().to_string()
                    prop:checked=move || checked.get()
                    on:change=move |ev| {
                        let done = event_target_checked(&ev);
                        checked.set(done);
                        mark.dispatch((id.clone(), done));
                    }/>
                <label for=box_id>{i18n.s(Key::LearningDone)}</label>
            </div>
            <div class="learning-body">
                <h3 lang=lang>{heading}</h3>
                <p lang=lang>{item.summary}</p>
                <p class="help-meta">
                    <span class="badge">{i18n.s(kind_key(item.kind))}</span>
                    " "
                    <span>{move || i18n.tr(Key::LearningMinutes, &[("n", &i18n.number(f64::from(minutes)))])}</span>
                    {(item.audience == Audience::SupportRoles).then(|| view! {
                        " · "<span>{i18n.s(Key::LearningForSupportRoles)}</span>
                    })}
                    {move || done_on().map(|d| view! { " · "<span>{d}</span> })}
                </p>
                {error}
            </div>
        </li>
    }
}
