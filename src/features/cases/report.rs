use crate::components::LinkedText;
use crate::domain::Detail;
use crate::i18n::{use_i18n, Key};
use leptos::prelude::*;
use support_contract::cases::Case;

/// The label of a product-specific detail.
pub(super) fn detail_label(detail: Detail) -> Key {
    match detail {
        Detail::ReportSuiteId => Key::ReportSuiteId,
        Detail::WorkspaceUrl => Key::WorkspaceUrl,
        Detail::ActivityName => Key::ActivityName,
        Detail::SiteUrl => Key::SiteUrl,
        Detail::DataSourceId => Key::DataSourceId,
        Detail::SegmentId => Key::SegmentId,
    }
}

/// What the requester reported when filing: the product's details, how to reproduce, the
/// environment, the business impact, and how to reach them. Only what was given is listed;
/// links become links only when they are web addresses.
#[component]
pub fn CaseReport(case: Signal<Case>) -> impl IntoView {
    let i18n = use_i18n();
    let facts = move || {
        let c = case.get();
        let details = Detail::of(c.summary.product).iter().filter_map(|&detail| {
            let value = detail.value(&c.details)?.to_string();
            let shown = if detail.is_link() {
                view! { <LinkedText text=value/> }.into_any()
            } else {
                view! { <span>{value}</span> }.into_any()
            };
            Some((detail_label(detail), shown))
        });
        let reproducible = i18n.t(if c.reproducible { Key::Yes } else { Key::No });
        let texts = [
            (Key::Reproducible, Some(reproducible.to_string())),
            (Key::StepsToReproduce, c.steps_to_reproduce),
            (Key::Environment, c.environment),
            (Key::BusinessImpact, c.business_impact),
            (Key::ContactPhone, Some(c.contact_phone)),
            (Key::ContactTimeZone, Some(c.time_zone)),
        ]
        .into_iter()
        .filter_map(|(key, v)| {
            let v = v.filter(|v| !v.trim().is_empty())?;
            Some((
                key,
                view! { <span class="description">{v}</span> }.into_any(),
            ))
        });
        details
            .collect::<Vec<_>>()
            .into_iter()
            .chain(texts)
            .map(|(key, value)| view! { <dt>{i18n.s(key)}</dt><dd>{value}</dd> })
            .collect_view()
    };
    view! {
        <section class="card" aria-labelledby="report-title">
            <h2 id="report-title">{i18n.s(Key::WhatWasReported)}</h2>
            <dl class="facts">{facts}</dl>
        </section>
    }
}
