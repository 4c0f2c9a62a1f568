use crate::api::{use_api, ApiError, HistoryApi, HistoryExport};
use crate::components::{ErrorNotice, SemicolonChoice};
use crate::i18n::{use_i18n, Key};
use leptos::prelude::*;
use support_contract::history::HistoryQuery;
use support_contract::Locale;

/// A download of exactly the filtered view as CSV, with its progress while it streams.
#[component]
pub(super) fn ExportSection(query: Memo<HistoryQuery>) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api::<dyn HistoryApi>();
    // French and Spanish spreadsheets expect `;` between columns.
    let semicolon = RwSignal::new(i18n.locale.get_untracked() != Locale::En);
    // Rows received (after the header line) and rows due.
    let progress = RwSignal::new((0u64, None::<u64>));
    let download = Action::new_local(move |_: &()| {
        progress.set((0, None));
        let heard = Callback::new(move |(lines, total): (u64, Option<u64>)| {
            let rows = lines.saturating_sub(1);
            progress.set((total.map_or(rows, |t| rows.min(t)), total));
        });
        let sent = api.export_history(HistoryExport {
            query: query.get_untracked(),
            locale: i18n.locale.get_untracked(),
            semicolon: semicolon.get_untracked(),
            progress: heard,
        });
        // Lines are not rows when a cell holds a line break: the backend's count wins.
        async move {
            let lines = sent.await?;
            let due = progress.try_get_untracked().and_then(|(_, total)| total);
            Ok(due.unwrap_or(lines.saturating_sub(1)))
        }
    });
    let status = move || {
        if download.pending().get() {
            let (done, total) = progress.get();
            let shown = |n: u64| i18n.number(n as f64);
            return Some(view! {
                <p>{i18n.tr(Key::HistoryExporting, &[("done", &shown(done)), ("total", &total.map(shown).unwrap_or_else(|| "…".into()))])}</p>
                <progress max=total.unwrap_or(0).max(1) as f64 value=done as f64></progress>
            }.into_any());
        }
        match download.value().get() {
            Some(Ok(rows)) => Some(view! { <p>{i18n.tr(Key::HistoryExported, &[("n", &i18n.number(rows as f64))])}</p> }.into_any()),
            Some(Err::<u64, ApiError>(e)) => Some(view! { <ErrorNotice error=e/> }.into_any()),
            None => None,
        }
    };
    view! {
        <section class="card" aria-labelledby="history-export-title">
            <h2 id="history-export-title">{i18n.s(Key::ExportTitle)}</h2>
            <SemicolonChoice id="history-semicolon" semicolon=semicolon/>
            <button type="button" class="button" disabled=move || download.pending().get()
                on:click=move |_| { download.dispatch(()); }>
                {i18n.s(Key::HistoryExportButton)}
            </button>
            <div role="status">{status}</div>
        </section>
    }
}
