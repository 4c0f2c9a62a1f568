//! The service history area: the timeline, its summary and its CSV download.

use super::core::Http;
use super::ApiFuture;
use leptos::prelude::Callback;
use support_contract::history::{HistoryQuery, HistorySummary, Interaction};
use support_contract::query::{ListQuery, Paged};
use support_contract::{Locale, Page};

/// What the app asks of the backend about the organisation's service history.
pub trait HistoryApi: Send + Sync {
    /// `GET /history`, one page of a view.
    fn history(&self, page: Paged<HistoryQuery>) -> ApiFuture<Page<Interaction>>;
    /// `GET /history/summary` of a view.
    fn history_summary(&self, query: HistoryQuery) -> ApiFuture<HistorySummary>;
    /// `GET /history/export`: downloads the view as a CSV file (headers in `locale`, `;`
    /// between cells with `semicolon`), telling `progress` the rows received and the rows due.
    fn export_history(
        &self,
        query: HistoryQuery,
        locale: Locale,
        semicolon: bool,
        progress: Callback<(u64, Option<u64>)>,
    ) -> ApiFuture<u64>;
}

impl HistoryApi for Http {
    fn history(&self, page: Paged<HistoryQuery>) -> ApiFuture<Page<Interaction>> {
        self.get_with("/history", &page.to_pairs()).fetch()
    }

    fn history_summary(&self, query: HistoryQuery) -> ApiFuture<HistorySummary> {
        self.get_with("/history/summary", &query.to_pairs()).fetch()
    }

    fn export_history(
        &self,
        query: HistoryQuery,
        locale: Locale,
        semicolon: bool,
        progress: Callback<(u64, Option<u64>)>,
    ) -> ApiFuture<u64> {
        let mut params = query.to_pairs();
        params.push(("lang", locale.tag().to_string()));
        let separator = if semicolon { "semicolon" } else { "comma" };
        params.push(("separator", separator.to_string()));
        self.get_with("/history/export", &params)
            .download("service-history.csv".into(), progress)
    }
}
