use super::report::detail_label;
use super::step_fields::use_colleagues;
use crate::domain::{CaseDraft, Detail};
use crate::i18n::{priority_key, product_key, use_i18n, Key};
use leptos::prelude::*;

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
