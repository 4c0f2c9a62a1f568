//! The case list's state (scope, filters, search, sort, time range, page) as it lives in the
//! URL, so a view can be linked and the back button works. Parsing is forgiving: an unknown
//! value in a hand-edited URL is dropped, never an error page.

use super::list_params::is_date;
use serde::de::DeserializeOwned;
use serde::Serialize;
use support_contract::cases::{CaseScope, CaseSort, CaseStatus, Priority};
use support_contract::Product;

/// What the case list shows.
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
    /// `YYYY-MM-DD`, inclusive; both empty means the backend's default (last 3 months).
    pub from: String,
    pub to: String,
    /// Opaque paging cursor from the previous page.
    pub cursor: Option<String>,
}

/// The contract's wire name of an enum value, so URL and API share one spelling.
pub fn wire_name<T: Serialize>(value: T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// The enum value of a wire name, if it is a known one.
fn known<T: DeserializeOwned + Serialize + Copy>(name: &str, unknown: T) -> Option<T> {
    let value: T = serde_json::from_value(serde_json::Value::String(name.to_string())).ok()?;
    (wire_name(value) != wire_name(unknown)).then_some(value)
}

fn list<T: DeserializeOwned + Serialize + Copy + PartialEq>(
    raw: Option<&str>,
    unknown: T,
) -> Vec<T> {
    let mut out: Vec<T> = Vec::new();
    for v in raw
        .unwrap_or("")
        .split(',')
        .filter_map(|n| known(n.trim(), unknown))
    {
        if !out.contains(&v) {
            out.push(v);
        }
    }
    out
}

impl CaseQuery {
    /// Reads the list state from URL query parameters (`get` answers one parameter).
    pub fn from_params(get: impl Fn(&str) -> Option<String>) -> CaseQuery {
        let date = |key: &str| get(key).filter(|d| is_date(d)).unwrap_or_default();
        CaseQuery {
            scope: get("scope")
                .and_then(|s| known(&s, CaseScope::Mine))
                .unwrap_or_default(),
            statuses: list(get("status").as_deref(), CaseStatus::Unknown),
            products: list(get("product").as_deref(), Product::Unknown),
            priorities: list(get("priority").as_deref(), Priority::Unknown),
            requester: get("requester")
                .map(|r| r.trim().to_string())
                .filter(|r| r.len() <= 100)
                .unwrap_or_default(),
            q: get("q").unwrap_or_default().trim().to_string(),
            sort: get("sort")
                .and_then(|s| known(&s, CaseSort::UpdatedDesc))
                .unwrap_or_default(),
            from: date("from"),
            to: date("to"),
            cursor: get("cursor").filter(|c| !c.is_empty()),
        }
    }

    /// The non-default parameters, in a stable order: the same view is always the same URL.
    pub fn to_params(&self) -> Vec<(&'static str, String)> {
        let mut params = Vec::new();
        let joined = |names: Vec<String>| names.join(",");
        if self.scope != CaseScope::default() {
            params.push(("scope", wire_name(self.scope)));
        }
        if !self.statuses.is_empty() {
            params.push((
                "status",
                joined(self.statuses.iter().map(|s| wire_name(*s)).collect()),
            ));
        }
        if !self.products.is_empty() {
            params.push((
                "product",
                joined(self.products.iter().map(|s| wire_name(*s)).collect()),
            ));
        }
        if !self.priorities.is_empty() {
            params.push((
                "priority",
                joined(self.priorities.iter().map(|s| wire_name(*s)).collect()),
            ));
        }
        if !self.requester.is_empty() {
            params.push(("requester", self.requester.clone()));
        }
        if !self.q.is_empty() {
            params.push(("q", self.q.clone()));
        }
        if self.sort != CaseSort::default() {
            params.push(("sort", wire_name(self.sort)));
        }
        for (key, value) in [("from", &self.from), ("to", &self.to)] {
            if !value.is_empty() {
                params.push((key, value.clone()));
            }
        }
        if let Some(cursor) = &self.cursor {
            params.push(("cursor", cursor.clone()));
        }
        params
    }

    /// The same view from its first page: any change of filter starts paging over.
    pub fn first_page(mut self) -> CaseQuery {
        self.cursor = None;
        self
    }

    /// Whether the user narrowed the list (so an empty result means "no match", not "none yet").
    pub fn is_filtered(&self) -> bool {
        !self.statuses.is_empty()
            || !self.products.is_empty()
            || !self.priorities.is_empty()
            || !self.requester.is_empty()
            || !self.q.is_empty()
            || !self.from.is_empty()
            || !self.to.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn parse(pairs: &[(&str, &str)]) -> CaseQuery {
        let map: HashMap<String, String> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        CaseQuery::from_params(|k| map.get(k).cloned())
    }

    #[test]
    fn a_filtered_view_survives_the_round_trip_through_the_url() {
        let query = CaseQuery {
            scope: CaseScope::Organisation,
            statuses: vec![CaseStatus::New, CaseStatus::AwaitingYourReply],
            products: vec![Product::AudienceManager],
            priorities: vec![Priority::P1],
            requester: "user_7".into(),
            q: "report suite".into(),
            sort: CaseSort::CreatedAsc,
            from: "2026-09-01".into(),
            to: "2026-11-21".into(),
            cursor: Some("abc".into()),
        };
        let params = query.to_params();
        let map: HashMap<String, String> = params
            .iter()
            .map(|(k, v)| (k.to_string(), v.clone()))
            .collect();
        assert_eq!(CaseQuery::from_params(|k| map.get(k).cloned()), query);
        assert!(params.contains(&("status", "new,awaiting_your_reply".to_string())));
        assert!(params.contains(&("product", "audience_manager".to_string())));
    }

    #[test]
    fn the_default_view_has_a_bare_url() {
        assert!(CaseQuery::default().to_params().is_empty());
        assert!(!CaseQuery::default().is_filtered());
    }

    #[test]
    fn unknown_or_malformed_values_in_a_hand_edited_url_are_dropped() {
        let q = parse(&[
            ("status", "new,bogus,new"),
            ("priority", "p9"),
            ("sort", "sideways"),
            ("from", "yesterday"),
            ("scope", "everyone"),
        ]);
        assert_eq!(q.statuses, vec![CaseStatus::New]);
        assert!(q.priorities.is_empty());
        assert_eq!(q.sort, CaseSort::UpdatedDesc);
        assert_eq!(q.from, "");
        assert_eq!(q.scope, CaseScope::Mine);
    }

    #[test]
    fn changing_a_filter_starts_from_the_first_page() {
        let q = parse(&[("cursor", "xyz"), ("q", "crash")]);
        assert_eq!(q.cursor.as_deref(), Some("xyz"));
        assert_eq!(q.first_page().cursor, None);
    }
}
