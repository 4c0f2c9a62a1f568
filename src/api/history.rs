//! The service history area: the timeline, its summary and its CSV download.

use super::core::Http;
use super::ApiFuture;
use leptos::prelude::Callback;
use support_contract::history::{HistoryQuery, HistorySummary, Interaction};
use support_contract::query::{ListQuery, Paged};
use support_contract::query::{Separator, LANG, SEPARATOR};
use support_contract::wire::wire_name;
use support_contract::{Locale, Page};

/// What the app asks of the backend about the organisation's service history.
pub trait HistoryApi: Send + Sync {
    /// `GET /history`, one page of a view.
    fn history(&self, page: Paged<HistoryQuery>) -> ApiFuture<Page<Interaction>>;
    /// `GET /history/summary` of a view.
    fn history_summary(&self, query: HistoryQuery) -> ApiFuture<HistorySummary>;
    /// `GET /history/export`: downloads a view as a CSV file; answers the lines received.
    fn export_history(&self, export: HistoryExport) -> ApiFuture<u64>;
}

/// A CSV download of a view of the history.
pub struct HistoryExport {
    pub query: HistoryQuery,
    /// The language of the headers and words.
    pub locale: Locale,
    /// `;` between cells rather than `,`.
    pub semicolon: bool,
    /// Told the lines received and the rows due, as the file streams in.
    pub progress: Callback<(u64, Option<u64>)>,
}

impl HistoryApi for Http {
    fn history(&self, page: Paged<HistoryQuery>) -> ApiFuture<Page<Interaction>> {
        self.get_with("/history", &page.to_pairs()).fetch()
    }

    fn history_summary(&self, query: HistoryQuery) -> ApiFuture<HistorySummary> {
        self.get_with("/history/summary", &query.to_pairs()).fetch()
    }

    fn export_history(&self, export: HistoryExport) -> ApiFuture<u64> {
        let mut params = export.query.to_pairs();
        params.push((LANG, export.locale.tag().to_string()));
        let separator = wire_name(&Separator::of(export.semicolon));
        params.push((SEPARATOR, separator.to_string()));
        self.get_with("/history/export", &params)
            .download("service-history.csv".into(), export.progress)
    }
}
