use super::report::detail_label;
use super::step_fields::use_colleagues;
use crate::api::{use_api, HelpApi};
use crate::components::portal_href;
use crate::domain::{CaseDraft, Detail};
use crate::i18n::{priority_key, product_key, use_i18n, Key};
use leptos::prelude::*;
use std::time::Duration;
use support_contract::help::is_web_link;
use support_contract::Product;

/// The words help suggestions look for: the title, then the start of the description.
fn suggestion_query(d: &CaseDraft) -> String {
    let description: String = d.description.chars().take(500).collect();
    format!("{} {}", d.title.trim(), description.trim())
        .trim()
        .to_string()
}

/// Help articles related to what the case says so far (title and description), its product's
/// first, in the user's language, fetched a moment after the user stops typing. Each opens its
/// help page in a new tab, so the case being written stays as it is.
#[component]
pub(super) fn Suggestions(draft: RwSignal<CaseDraft>) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api::<dyn HelpApi>();
    let settled = RwSignal::new((String::new(), None::<Product>));
    let wanted = Memo::new(move |_| draft.with(|d| (suggestion_query(d), d.product)));
    Effect::new(move |previous: Option<Option<TimeoutHandle>>| {
        if let Some(Some(handle)) = previous {
            handle.clear();
        }
        let now = wanted.get();
        set_timeout_with_handle(move || settled.set(now), Duration::from_millis(400)).ok()
    });
    let found = LocalResource::new(move || {
        let api = api.clone();
        let (q, product) = settled.get();
        let lang = i18n.locale.get();
        async move {
            if q.chars().count() < 4 {
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

/// Everything entered, to check before submitting: each field the case will carry.
#[component]
pub(super) fn Review(draft: RwSignal<CaseDraft>) -> impl IntoView {
    let i18n = use_i18n();
    let colleagues = use_colleagues();
    let d = draft.get_untracked();
    let given = move |s: &str| {
        if s.trim().is_empty() {
            i18n.t(Key::NotGiven).to_string()
        } else {
            s.trim().to_string()
        }
    };
    let fact = |label: Key, value: String| view! { <dt>{i18n.s(label)}</dt><dd>{value}</dd> };
    let details = d
        .product
        .map_or(&[][..], Detail::of)
        .iter()
        .map(|&detail| {
            fact(
                detail_label(detail),
                given(detail.value(&d.details).unwrap_or("")),
            )
        })
        .collect_view();
    let watcher_ids = d.watchers.clone();
    let watchers = move || {
        let ids = watcher_ids.clone();
        Suspend::new(async move {
            let people = colleagues.await;
            let names: Vec<String> = ids
                .iter()
                .map(|id| {
                    people
                        .iter()
                        .find(|p| p.id == *id)
                        .map(|p| p.name.clone())
                        .unwrap_or_else(|| i18n.t(Key::FormerMember).to_string())
                })
                .collect();
            if names.is_empty() {
                i18n.t(Key::NotGiven).to_string()
            } else {
                names.join(", ")
            }
        })
    };
    let optional_key = |k: Option<Key>| {
        k.map(|k| i18n.s(k).into_any())
            .unwrap_or_else(|| i18n.s(Key::NotGiven).into_any())
    };
    view! {
        <dl class="facts review">
            <dt>{i18n.s(Key::StepProduct)}</dt><dd>{optional_key(d.product.map(product_key))}</dd>
            {fact(Key::CaseTitle, given(&d.title))}
            <dt>{i18n.s(Key::CaseDescription)}</dt><dd class="description">{given(&d.description)}</dd>
            {details}
            <dt>{i18n.s(Key::Reproducible)}</dt>
            <dd>{i18n.s(if d.reproducible { Key::Yes } else { Key::No })}</dd>
            {d.reproducible.then(|| view! {
                <dt>{i18n.s(Key::StepsToReproduce)}</dt><dd class="description">{given(&d.steps_to_reproduce)}</dd>
            })}
            <dt>{i18n.s(Key::Environment)}</dt><dd class="description">{given(&d.environment)}</dd>
            <dt>{i18n.s(Key::FilterPriority)}</dt><dd>{optional_key(d.priority.map(priority_key))}</dd>
            <dt>{i18n.s(Key::BusinessImpact)}</dt><dd class="description">{given(&d.business_impact)}</dd>
            {fact(Key::ContactPhone, given(&d.contact_phone))}
            {fact(Key::ContactTimeZone, d.time_zone.clone())}
            <dt>{i18n.s(Key::Watchers)}</dt>
            <dd><Transition fallback=|| ()>{watchers}</Transition></dd>
        </dl>
        {(!d.attachments.is_empty()).then(|| view! {
            <h3>{i18n.s(Key::Attachments)}</h3>
            <ul class="files">{d.attachments.iter().map(|a| view! { <li>{a.name.clone()}</li> }).collect_view()}</ul>
        })}
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
