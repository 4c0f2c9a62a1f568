//! The home area: what needs the user, and the vendor's announcements.

use super::core::Http;
use super::ApiFuture;
use support_contract::home::{Announcement, HomeSummary};
use support_contract::query::LANG;
use support_contract::Locale;

/// What the app asks of the backend for the home page.
pub trait HomeApi: Send + Sync {
    /// `GET /home`: the user's cases awaiting them, open chat, waiting callbacks and (for the
    /// Support System Administrator) support-user counts, in one answer.
    fn home(&self) -> ApiFuture<HomeSummary>;
    /// `GET /announcements`: the current ones, in `lang` (else English).
    fn announcements(&self, lang: Locale) -> ApiFuture<Vec<Announcement>>;
}

impl HomeApi for Http {
    fn home(&self) -> ApiFuture<HomeSummary> {
        self.get("/home").fetch()
    }

    fn announcements(&self, lang: Locale) -> ApiFuture<Vec<Announcement>> {
        self.get_with("/announcements", &[(LANG, lang.tag().to_string())])
            .fetch()
    }
}
