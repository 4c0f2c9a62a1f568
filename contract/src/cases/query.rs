//! `GET /cases`: which cases a list shows, the same in the app's URL and in the request.

use super::{CaseScope, CaseSort, CaseStatus, Priority};
use crate::query::{ListQuery, QueryReader, QueryWriter};
use crate::Product;

/// The case list: scope, filters, search, sort and time range.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CaseQuery {
    pub scope: CaseScope,
    pub statuses: Vec<CaseStatus>,
    pub products: Vec<Product>,
    pub priorities: Vec<Priority>,
    /// Only the cases this member filed (a user id), within the organisation's.
    pub requester: String,
    /// Full-text search.
    pub q: String,
    pub sort: CaseSort,
    /// A date (`YYYY-MM-DD`, inclusive) or an RFC 3339 time; both empty means the backend's
    /// default range (the last 3 months).
    pub from: String,
    pub to: String,
}

impl ListQuery for CaseQuery {
    fn read(r: &mut QueryReader<'_>) -> Self {
        CaseQuery {
            scope: r.choice("scope").unwrap_or_default(),
            statuses: r.choices("status"),
            products: r.choices("product"),
            priorities: r.choices("priority"),
            requester: r.text("requester"),
            q: r.text("q"),
            sort: r.choice("sort").unwrap_or_default(),
            from: r.date("from"),
            to: r.date("to"),
        }
    }

    fn write(&self, out: &mut QueryWriter) {
        out.choice("scope", &self.scope);
        out.choices("status", &self.statuses);
        out.choices("product", &self.products);
        out.choices("priority", &self.priorities);
        out.text("requester", &self.requester);
        out.text("q", &self.q);
        out.choice("sort", &self.sort);
        out.text("from", &self.from);
        out.text("to", &self.to);
    }

    fn is_filtered(&self) -> bool {
        !self.statuses.is_empty()
            || !self.products.is_empty()
            || !self.priorities.is_empty()
            || !self.requester.is_empty()
            || !self.q.is_empty()
            || !self.from.is_empty()
            || !self.to.is_empty()
    }

    fn cleared(&self) -> Self {
        CaseQuery {
            scope: self.scope,
            sort: self.sort,
            ..CaseQuery::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::{pairs, round_trip, Paged};

    #[test]
    fn a_filtered_view_survives_the_round_trip_through_the_url() {
        let page = Paged {
            query: CaseQuery {
                scope: CaseScope::Organisation,
                statuses: vec![CaseStatus::New, CaseStatus::AwaitingYourReply],
                products: vec![Product::AudienceManager],
                priorities: vec![Priority::P1],
                requester: "user_7".into(),
                q: "report suite".into(),
                sort: CaseSort::CreatedAsc,
                from: "2026-09-01".into(),
                to: "2026-11-21".into(),
            },
            cursor: Some("abc".into()),
        };
        let params = round_trip(&page);
        assert!(params.contains(&("status".into(), "new,awaiting_your_reply".into())));
        assert!(params.contains(&("product".into(), "audience_manager".into())));
    }

    #[test]
    fn the_default_view_has_a_bare_url() {
        assert!(Paged::from(CaseQuery::default()).to_pairs().is_empty());
        assert!(!CaseQuery::default().is_filtered());
    }

    #[test]
    fn unknown_or_malformed_values_are_dropped_and_each_is_named() {
        let p = pairs(&[
            ("status", "new,bogus"),
            ("priority", "p9"),
            ("sort", "sideways"),
            ("from", "yesterday"),
            ("scope", "everyone"),
        ]);
        let mut r = QueryReader::new(&p);
        let q = CaseQuery::read(&mut r);
        assert_eq!(q.statuses, vec![CaseStatus::New]);
        assert!(q.priorities.is_empty());
        assert_eq!(q.sort, CaseSort::UpdatedDesc);
        assert_eq!(q.from, "");
        assert_eq!(q.scope, CaseScope::Mine);
        let fields: Vec<String> = r.finish().into_iter().map(|e| e.field).collect();
        assert_eq!(fields, ["scope", "status", "priority", "sort", "from"]);
    }

    #[test]
    fn a_page_is_read_with_its_view_and_clearing_keeps_scope_and_sort() {
        let page = Paged::<CaseQuery>::from_pairs(&pairs(&[
            ("cursor", "xyz"),
            ("q", "crash"),
            ("scope", "organisation"),
        ]));
        assert_eq!(page.cursor.as_deref(), Some("xyz"));
        assert_eq!(Paged::from(page.query.clone()).cursor, None);
        let cleared = page.cleared();
        assert_eq!(
            (cleared.scope, cleared.q.as_str()),
            (CaseScope::Organisation, "")
        );
    }
}
