use crate::i18n::{use_i18n, Key};
use leptos::prelude::*;
use support_contract::cases::{is_web_url, Case};

/// A link for a web address (and only for one), plain text otherwise.
fn link_or_text(value: String) -> AnyView {
    if is_web_url(&value) {
        let href = value.clone();
        view! { <a href=href target="_blank" rel="noopener noreferrer">{value}</a> }.into_any()
    } else {
        view! { <span>{value}</span> }.into_any()
    }
}

/// What the requester reported when filing: the product's details, how to reproduce, the
/// environment, the business impact, and how to reach them. Only what was given is listed.
#[component]
pub fn CaseReport(case: Signal<Case>) -> impl IntoView {
    let i18n = use_i18n();
    let facts = move || {
        let c = case.get();
        let d = c.details;
        let reproducible = Some(
            i18n.t(if c.reproducible { Key::Yes } else { Key::No })
                .to_string(),
        );
        let texts = [
            (Key::ReportSuiteId, d.report_suite_id),
            (Key::ActivityName, d.activity_name),
            (Key::DataSourceId, d.data_source_id),
            (Key::SegmentId, d.segment_id),
            (Key::Reproducible, reproducible),
            (Key::StepsToReproduce, c.steps_to_reproduce),
            (Key::Environment, c.environment),
            (Key::BusinessImpact, c.business_impact),
            (Key::ContactPhone, Some(c.contact_phone)),
            (Key::ContactTimeZone, Some(c.time_zone)),
        ];
        let links = [
            (Key::WorkspaceUrl, d.workspace_url),
            (Key::SiteUrl, d.site_url),
        ];
        let given = |v: Option<String>| v.filter(|v| !v.trim().is_empty());
        let rows = texts
            .into_iter()
            .filter_map(|(key, v)| {
                given(v).map(|v| {
                    (
                        key,
                        view! { <span class="description">{v}</span> }.into_any(),
                    )
                })
            })
            .chain(
                links
                    .into_iter()
                    .filter_map(|(key, v)| given(v).map(|v| (key, link_or_text(v)))),
            );
        rows.map(|(key, value)| view! { <dt>{i18n.s(key)}</dt><dd>{value}</dd> })
            .collect_view()
    };
    view! {
        <section class="card" aria-labelledby="report-title">
            <h2 id="report-title">{i18n.s(Key::WhatWasReported)}</h2>
            <dl class="facts">{facts}</dl>
        </section>
    }
}
