//! Service history: every case, chat and callback request of the organisation over time, with
//! its summary, a chart per month and product (and the same numbers as a table), the filtered
//! list and its CSV download. Every filter lives in the URL.

mod chart;
mod export;
mod filters;
mod summary;
mod table;

use crate::api::{use_api, HistoryApi};
use crate::components::{use_list_url, ErrorNotice, LoadingIndicator};
use crate::i18n::{use_i18n, Key};
use chart::MonthChartView;
use export::ExportSection;
use filters::HistoryFilters;
use leptos::prelude::*;
use summary::{ResponseTable, SummaryTiles};
use support_contract::history::HistoryQuery;
use table::InteractionTable;

/// The service history page.
#[component]
pub fn HistoryPage() -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api::<dyn HistoryApi>();
    let list = use_list_url::<HistoryQuery>("/history");
    // The view without its page: moving between pages keeps the summary.
    let view_query = Memo::new(move |_| list.query.with(|p| p.query.clone()));
    let summary = LocalResource::new({
        let api = api.clone();
        move || api.history_summary(view_query.get())
    });
    let page = LocalResource::new(move || api.history(list.query.get()));
    view! {
        <div class="page">
            <h1 id="page-title">{i18n.s(Key::NavHistory)}</h1>
            <p class="lead">{i18n.s(Key::HistoryLead)}</p>
            <HistoryFilters list=list/>
            <Transition fallback=|| view! { <LoadingIndicator/> }>
                {move || Suspend::new(async move {
                    match summary.await {
                        Ok(s) => {
                            // A closure, not text: a language switch must not rebuild the summary.
                            let total = s.total() as f64;
                            let count = move || i18n.tr(Key::HistoryCount, &[("n", &i18n.number(total))]);
                            view! {
                                <p class="hint" role="status">{count}</p>
                                <SummaryTiles summary=s.clone()/>
                                <MonthChartView months=s.months.clone()/>
                                <ResponseTable response=s.response/>
                            }.into_any()
                        }
                        Err(e) => view! { <ErrorNotice error=e reload=true/> }.into_any(),
                    }
                })}
            </Transition>
            <ExportSection query=view_query/>
            <section class="card" aria-labelledby="interactions-title">
                <h2 id="interactions-title">{i18n.s(Key::HistoryTableTitle)}</h2>
                <Transition fallback=|| view! { <LoadingIndicator/> }>
                    {move || Suspend::new(async move {
                        match page.await {
                            Ok(p) if p.items.is_empty() => {
                                let key = list.empty_key(Key::NoHistoryMatch, Key::NoHistoryYet);
                                view! { <p class="empty" role="status">{i18n.s(key)}</p> }.into_any()
                            }
                            Ok(p) => view! { <InteractionTable page=p list=list/> }.into_any(),
                            Err(e) => view! { <ErrorNotice error=e reload=true/> }.into_any(),
                        }
                    })}
                </Transition>
            </section>
        </div>
    }
}
