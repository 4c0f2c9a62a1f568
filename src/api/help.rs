//! The help area: searching articles, reading one, voting on it, forum threads, and the
//! suggestions the case wizard shows.

use super::core::{segment, Http};
use super::ApiFuture;
use support_contract::help::{
    ForumThread, HelpArticle, HelpQuery, HelpResults, HelpSuggestion, HelpVote, NewHelpVote,
};
use support_contract::query::Paged;
use support_contract::wire::wire_name;
use support_contract::{Locale, Product};

/// What the app asks of the backend about help.
pub trait HelpApi: Send + Sync {
    /// `GET /help/articles`: one page of a search, in `lang` (or English when nothing matches
    /// in it).
    fn search_help(&self, page: Paged<HelpQuery>, lang: Locale) -> ApiFuture<HelpResults>;
    /// `GET /help/articles/{slug}`, in `lang` when it is written in it.
    fn help_article(&self, slug: String, lang: Locale) -> ApiFuture<HelpArticle>;
    /// `PUT /help/articles/{slug}/vote`: the user's "Was this helpful?", replacing an earlier one.
    fn vote_on_article(&self, slug: String, vote: NewHelpVote) -> ApiFuture<HelpVote>;
    /// `GET /help/forums`: popular forum threads, of one product or all.
    fn forum_threads(&self, product: Option<Product>, lang: Locale) -> ApiFuture<Vec<ForumThread>>;
    /// `GET /help/suggestions`: articles for what a case says so far, its product's first.
    fn help_suggestions(
        &self,
        q: String,
        product: Option<Product>,
        lang: Locale,
    ) -> ApiFuture<Vec<HelpSuggestion>>;
}

/// `lang`, then `product` when there is one, as query parameters.
fn language_and_product(lang: Locale, product: Option<Product>) -> Vec<(&'static str, String)> {
    let mut params = vec![("lang", lang.tag().to_string())];
    if let Some(p) = product {
        params.push(("product", wire_name(&p).to_string()));
    }
    params
}

impl HelpApi for Http {
    fn search_help(&self, page: Paged<HelpQuery>, lang: Locale) -> ApiFuture<HelpResults> {
        let mut params = page.to_pairs();
        params.push(("lang", lang.tag().to_string()));
        self.get_with("/help/articles", &params).fetch()
    }

    fn help_article(&self, slug: String, lang: Locale) -> ApiFuture<HelpArticle> {
        let path = format!("/help/articles/{}", segment(&slug));
        self.get_with(&path, &language_and_product(lang, None))
            .fetch()
    }

    fn vote_on_article(&self, slug: String, vote: NewHelpVote) -> ApiFuture<HelpVote> {
        self.put(&format!("/help/articles/{}/vote", segment(&slug)))
            .json(&vote)
            .fetch()
    }

    fn forum_threads(&self, product: Option<Product>, lang: Locale) -> ApiFuture<Vec<ForumThread>> {
        self.get_with("/help/forums", &language_and_product(lang, product))
            .fetch()
    }

    fn help_suggestions(
        &self,
        q: String,
        product: Option<Product>,
        lang: Locale,
    ) -> ApiFuture<Vec<HelpSuggestion>> {
        let mut params = vec![("q", q)];
        params.extend(language_and_product(lang, product));
        self.get_with("/help/suggestions", &params).fetch()
    }
}
