//! The learning area: the "Get started" material with the user's progress, and marking an
//! item done or not done.

use super::core::{segment, Http};
use super::ApiFuture;
use support_contract::learning::{Learning, LearningCompletion};
use support_contract::query::LANG;
use support_contract::Locale;

/// What the app asks of the backend about learning material.
pub trait LearningApi: Send + Sync {
    /// `GET /learning`: the items meant for the user, in `lang` (else English), with progress.
    fn learning(&self, lang: Locale) -> ApiFuture<Learning>;
    /// `PUT` (`done`) or `DELETE` (not done) `/learning/{id}/done`; both idempotent.
    fn mark_learning(&self, id: String, done: bool) -> ApiFuture<LearningCompletion>;
}

impl LearningApi for Http {
    fn learning(&self, lang: Locale) -> ApiFuture<Learning> {
        self.get_with("/learning", &[(LANG, lang.tag().to_string())])
            .fetch()
    }

    fn mark_learning(&self, id: String, done: bool) -> ApiFuture<LearningCompletion> {
        let path = format!("/learning/{}/done", segment(&id));
        if done {
            self.put(&path)
        } else {
            self.delete(&path)
        }
        .fetch()
    }
}
