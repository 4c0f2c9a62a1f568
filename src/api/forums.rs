//! The vendor's forums: the popular threads, which the help page and the home page list.

use super::core::Http;
use super::help::language_and_product;
use super::ApiFuture;
use support_contract::help::ForumThread;
use support_contract::{Locale, Product};

/// What the app asks of the backend about the forums.
pub trait ForumsApi: Send + Sync {
    /// `GET /help/forums`: popular forum threads, of one product or all.
    fn forum_threads(&self, product: Option<Product>, lang: Locale) -> ApiFuture<Vec<ForumThread>>;
}

impl ForumsApi for Http {
    fn forum_threads(&self, product: Option<Product>, lang: Locale) -> ApiFuture<Vec<ForumThread>> {
        self.get_with("/help/forums", &language_and_product(lang, product))
            .fetch()
    }
}
