//! `GET /help/articles`: which articles the help page shows, the same in the app's URL and in
//! the request. The reader's language is not part of it: it comes from their locale.

use crate::query::{ListQuery, QueryReader, QueryWriter};
use crate::Product;

/// The help search: the words typed so far and a product.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HelpQuery {
    /// Words to look for (every one, the last as a prefix); empty lists every article.
    pub q: String,
    pub product: Option<Product>,
}

impl ListQuery for HelpQuery {
    fn read(r: &mut QueryReader<'_>) -> Self {
        HelpQuery {
            q: r.text("q"),
            product: r.choice("product"),
        }
    }

    fn write(&self, out: &mut QueryWriter) {
        out.text("q", &self.q);
        out.some("product", &self.product);
    }

    fn is_filtered(&self) -> bool {
        !self.q.is_empty() || self.product.is_some()
    }

    fn cleared(&self) -> Self {
        HelpQuery::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::{pairs, round_trip, Paged};

    #[test]
    fn a_search_survives_the_round_trip_through_the_url() {
        let page = Paged {
            query: HelpQuery {
                q: "segmentación de audiencias".into(),
                product: Some(Product::AudienceManager),
            },
            cursor: Some("abc".into()),
        };
        let params = round_trip(&page);
        assert!(params.contains(&("product".into(), "audience_manager".into())));
        assert!(Paged::from(HelpQuery::default()).to_pairs().is_empty());
    }

    #[test]
    fn an_unknown_product_is_dropped_and_named() {
        let p = pairs(&[("product", "photoshop"), ("q", "flicker")]);
        let mut r = QueryReader::new(&p);
        let q = HelpQuery::read(&mut r);
        assert_eq!((q.q.as_str(), q.product), ("flicker", None));
        assert!(q.is_filtered());
        assert!(!q.cleared().is_filtered());
        let fields: Vec<String> = r.finish().into_iter().map(|e| e.field).collect();
        assert_eq!(fields, ["product"]);
    }
}
