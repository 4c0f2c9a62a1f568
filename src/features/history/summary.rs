use crate::components::{CountTiles, DataTable};
use crate::i18n::{priority_key, use_i18n, Key};
use leptos::prelude::*;
use support_contract::history::{HistorySummary, PriorityResponse};

/// How many interactions the view holds, and how many are open, awaiting the customer or closed.
#[component]
pub(super) fn SummaryTiles(summary: HistorySummary) -> impl IntoView {
    let tiles = vec![
        (Key::HistoryTotal, summary.total()),
        (Key::HistoryOpen, summary.open),
        (Key::HistoryAwaiting, summary.awaiting_customer),
        (Key::HistoryClosed, summary.closed),
    ];
    view! { <CountTiles label=Key::HistorySummaryTitle items=tiles/> }
}

/// The median first response to each priority's cases against its target, and how many met it.
#[component]
pub(super) fn ResponseTable(response: Vec<PriorityResponse>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="card" aria-labelledby="response-title">
            <h2 id="response-title">{i18n.s(Key::HistoryResponseTitle)}</h2>
            // A focusable region that scrolls sideways on a phone (WCAG 2.1.1).
            <DataTable caption=Key::HistoryResponseTitle columns=vec![Key::FilterPriority, Key::HistoryTarget, Key::HistoryMedian, Key::HistoryMetShare]>
                {response.into_iter().map(|r| {
                    let median = move || match r.median_minutes {
                        Some(m) => i18n.duration(m),
                        None => i18n.t(Key::HistoryNoResponse).to_string(),
                    };
                    let met = move || i18n.tr(Key::HistoryMetOf, &[
                        ("met", &i18n.number(r.met as f64)),
                        ("answered", &i18n.number(r.answered as f64)),
                    ]);
                    view! {
                        <tr>
                            <th scope="row">{i18n.s(priority_key(r.priority))}</th>
                            <td>{move || i18n.duration(r.target_minutes)}</td>
                            <td>{median}</td>
                            <td>{met}</td>
                        </tr>
                    }
                }).collect_view()}
            </DataTable>
        </section>
    }
}
