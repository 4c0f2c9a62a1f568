//! What the wizard looks up while the problem is typed: help articles that may answer it and
//! the organisation's open cases that look like it.

use crate::api::{use_api, CasesApi, HelpApi};
use crate::components::portal_href;
use crate::domain::CaseDraft;
use crate::i18n::{case_status_key, use_i18n, Key};
use leptos::prelude::*;
use std::time::Duration;
use support_contract::cases::SimilarCase;
use support_contract::help::is_web_link;
use support_contract::Product;

/// What the case says so far and its product, as they were a moment after the last key.
type Settled = ReadSignal<(String, Option<Product>)>;

/// Too short to look anything up with.
fn worth_looking(q: &str) -> bool {
    q.chars().count() >= 4
}

/// Help articles and similar open cases for the problem being written, fetched 400 ms after
/// the user stops typing.
#[component]
pub(super) fn WhileTyping(draft: RwSignal<CaseDraft>) -> impl IntoView {
    let (settled, set_settled) = signal((String::new(), None::<Product>));
    let wanted = Memo::new(move |_| draft.with(|d| (suggestion_query(d), d.product)));
    Effect::new(move |previous: Option<Option<TimeoutHandle>>| {
        if let Some(Some(handle)) = previous {
            handle.clear();
        }
        let now = wanted.get();
        set_timeout_with_handle(move || set_settled.set(now), Duration::from_millis(400)).ok()
    });
    view! {
        <SimilarCases settled=settled/>
        <Suggestions settled=settled/>
    }
}

/// The words looked for: the title, then the start of the description.
fn suggestion_query(d: &CaseDraft) -> String {
    let description: String = d.description.chars().take(500).collect();
    format!("{} {}", d.title.trim(), description.trim())
        .trim()
        .to_string()
}

/// Help articles related to what the case says so far, its product's first, in the user's
/// language. Each opens its help page in a new tab, so the case being written stays as it is.
#[component]
fn Suggestions(settled: Settled) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api::<dyn HelpApi>();
    let found = LocalResource::new(move || {
        let api = api.clone();
        let (q, product) = settled.get();
        let lang = i18n.locale.get();
        async move {
            if !worth_looking(&q) {
                return vec![];
            }
            api.help_suggestions(q, product, lang)
                .await
                .unwrap_or_default()
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
                            {list.into_iter().map(|a| {
                                // An older backend gives no slug: its own web address then.
                                let href = if !a.slug.is_empty() {
                                    portal_href(&format!("/help/{}", a.slug))
                                } else if is_web_link(&a.url) {
                                    a.url
                                } else {
                                    portal_href("/help")
                                };
                                view! { <li><a href=href target="_blank" rel="noopener noreferrer">{a.title}</a></li> }
                            }).collect_view()}
                        </ul>
                    </section>
                })
            })}
        </Transition>
    }
}

/// Open cases of the organisation and product that look like this one, each with "Follow this
/// case instead": the user becomes a watcher and the draft stays as it is. Case links open in a
/// new tab for the same reason.
#[component]
fn SimilarCases(settled: Settled) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api::<dyn CasesApi>();
    let lookup = api.clone();
    let found = LocalResource::new(move || {
        let api = lookup.clone();
        let (q, product) = settled.get();
        async move {
            match product {
                Some(p) if worth_looking(&q) => api.similar_cases(p, q).await.unwrap_or_default(),
                _ => vec![],
            }
        }
    });
    let followed = RwSignal::new(Vec::<String>::new());
    let follow = Action::new_local(move |case: &SimilarCase| {
        let api = api.clone();
        let (id, number) = (case.summary.id.clone(), case.summary.number.clone());
        async move {
            let outcome = api.follow_case(id.clone()).await;
            if outcome.is_ok() {
                followed.update(|f| f.push(id));
            }
            outcome.map(|()| number)
        }
    });
    let outcome = move || {
        follow.value().get().map(|r| match r {
            Ok(number) => i18n.tr(Key::FollowedCase, &[("number", &number)]),
            Err(e) => e.message(i18n.locale.get()),
        })
    };
    let row = move |case: SimilarCase| {
        let s = case.summary.clone();
        let id = s.id.clone();
        let already = case.following;
        let following = move || already || followed.with(|f| f.contains(&id));
        let href = portal_href(&format!("/cases/{}", s.id));
        let number = s.number.clone();
        view! {
            <li>
                <a href=href target="_blank" rel="noopener noreferrer">{s.number}" · "{s.title}</a>
                " "<span class="hint">{i18n.s(case_status_key(s.status))}</span>
                {move || if following() {
                    view! { <p class="hint">{i18n.s(Key::FollowingCase)}</p> }.into_any()
                } else {
                    let case = case.clone();
                    view! {
                        <button type="button" class="button" disabled=move || follow.pending().get()
                            on:click=move |_| { follow.dispatch(case.clone()); }>
                            {i18n.s(Key::FollowCase)}<span class="visually-hidden">" "{number.clone()}</span>
                        </button>
                    }.into_any()
                }}
            </li>
        }
    };
    view! {
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                let list = found.await;
                (!list.is_empty()).then(|| view! {
                    <section class="suggestions similar" aria-labelledby="similar-title">
                        <h3 id="similar-title">{i18n.s(Key::SimilarCasesTitle)}</h3>
                        <p class="hint">{i18n.s(Key::SimilarCasesHint)}</p>
                        <ul>{list.into_iter().map(row).collect_view()}</ul>
                    </section>
                })
            })}
        </Transition>
        <p role="status" class="hint">{outcome}</p>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggestions_look_at_the_title_and_the_start_of_the_description() {
        let d = CaseDraft {
            title: " Flicker ".into(),
            description: "x".repeat(600),
            ..CaseDraft::default()
        };
        let q = suggestion_query(&d);
        assert!(q.starts_with("Flicker x"));
        assert_eq!(q.chars().count(), "Flicker ".len() + 500);
    }
}
