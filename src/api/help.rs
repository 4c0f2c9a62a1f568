//! The help area: searching articles, reading one, voting on it, and the suggestions the case
//! wizard shows. Forum threads are their own area (`forums.rs`): the home page lists them too,
//! and should not bring the rest of help into the first load.

use super::core::{segment, Http};
use super::ApiFuture;
use support_contract::help::{
    HelpArticle, HelpQuery, HelpResults, HelpSuggestion, HelpVote, NewHelpVote,
};
use support_contract::query::Paged;
use support_contract::query::LANG;
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
    /// `GET /help/suggestions`: articles for what a case says so far, its product's first.
    fn help_suggestions(
        &self,
        q: String,
        product: Option<Product>,
        lang: Locale,
    ) -> ApiFuture<Vec<HelpSuggestion>>;
}

/// `lang`, then `product` when there is one, as query parameters.
pub(super) fn language_and_product(
    lang: Locale,
    product: Option<Product>,
) -> Vec<(&'static str, String)> {
    let mut params = vec![(LANG, lang.tag().to_string())];
    if let Some(p) = product {
        params.push(("product", wire_name(&p).to_string()));
    }
    params
}

impl HelpApi for Http {
    fn search_help(&self, page: Paged<HelpQuery>, lang: Locale) -> ApiFuture<HelpResults> {
        let mut params = page.to_pairs();
        params.push((LANG, lang.tag().to_string()));
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
