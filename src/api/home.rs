//! The home area: the home page's first screen in one answer.

use super::core::Http;
use super::ApiFuture;
use support_contract::home::HomeSummary;
use support_contract::query::LANG;
use support_contract::Locale;

/// What the app asks of the backend for the home page.
pub trait HomeApi: Send + Sync {
    /// `GET /home`: what needs the user (cases awaiting them, open chat, waiting callbacks and,
    /// for the Support System Administrator, support-user counts), the announcements, their
    /// learning progress and the popular forum threads, in `lang`: one answer, so the first
    /// screen makes one request and decodes one answer instead of one per block.
    fn home(&self, lang: Locale) -> ApiFuture<HomeSummary>;
}

impl HomeApi for Http {
    fn home(&self, lang: Locale) -> ApiFuture<HomeSummary> {
        self.get_with("/home", &[(LANG, lang.tag().to_string())])
            .fetch()
    }
}
