//! The query of `GET /cases`: filters, time range, sort, page size and cursor.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use support_contract::cases::{CaseScope, CaseSort, CaseStatus, Priority};
use support_contract::{FieldError, Product};

use crate::model::enum_from_db;
use crate::problem::{field, ApiError};
use crate::routes::query::parse_time;

/// Page size when the client does not ask for one.
pub const DEFAULT_LIMIT: u32 = 25;
/// The largest page a client may ask for.
pub const MAX_LIMIT: u32 = 100;

/// The list parameters after checking.
pub(super) struct ListParams {
    pub(super) scope: CaseScope,
    pub(super) statuses: Vec<CaseStatus>,
    pub(super) products: Vec<Product>,
    pub(super) priorities: Vec<Priority>,
    pub(super) requester: Option<String>,
    pub(super) q: Option<String>,
    pub(super) sort: CaseSort,
    pub(super) from: Option<i64>,
    pub(super) to: Option<i64>,
    pub(super) after: Option<Cursor>,
    pub(super) limit: u32,
}

/// The sort key of the last item of a page: sort, priority, time, id.
pub(super) type Cursor = (String, String, i64, String);

pub(super) fn encode_cursor(c: &Cursor) -> String {
    URL_SAFE_NO_PAD.encode(serde_json::to_vec(c).unwrap_or_default())
}

fn decode_cursor(s: &str) -> Option<Cursor> {
    serde_json::from_slice(&URL_SAFE_NO_PAD.decode(s).ok()?).ok()
}

pub(super) fn sort_name(sort: CaseSort) -> String {
    crate::model::enum_to_db(&sort)
}

/// A multi-valued enum filter: repeated and/or comma-separated.
fn enum_list<T: serde::de::DeserializeOwned + PartialEq + Copy>(
    values: &[&str],
    unknown: T,
    name: &str,
    errors: &mut Vec<FieldError>,
) -> Vec<T> {
    let mut out = Vec::new();
    for v in values
        .iter()
        .flat_map(|v| v.split(','))
        .map(str::trim)
        .filter(|v| !v.is_empty())
    {
        match enum_from_db::<T>(v) {
            Ok(x) if x != unknown => {
                if !out.contains(&x) {
                    out.push(x)
                }
            }
            _ => {
                errors.push(field(
                    name,
                    "invalid_value",
                    &format!("`{v}` is not a valid {name}."),
                ));
                break;
            }
        }
    }
    out
}

pub(super) fn list_params(pairs: &[(String, String)]) -> Result<ListParams, ApiError> {
    let all = |name: &str| -> Vec<&str> {
        pairs
            .iter()
            .filter(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
            .collect()
    };
    let one = |name: &str| -> Option<&str> {
        pairs
            .iter()
            .rev()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
            .filter(|v| !v.is_empty())
    };
    let mut errors = Vec::new();
    let scope = match one("scope") {
        None => CaseScope::Mine,
        Some(v) => enum_from_db(v).unwrap_or_else(|_| {
            errors.push(field("scope", "invalid_value", "Use mine or organisation."));
            CaseScope::Mine
        }),
    };
    let sort = match one("sort") {
        None => CaseSort::UpdatedDesc,
        Some(v) => enum_from_db(v).unwrap_or_else(|_| {
            errors.push(field(
                "sort",
                "invalid_value",
                "Use updated_desc, created_desc, created_asc or priority_asc.",
            ));
            CaseSort::UpdatedDesc
        }),
    };
    let statuses = enum_list(&all("status"), CaseStatus::Unknown, "status", &mut errors);
    let products = enum_list(&all("product"), Product::Unknown, "product", &mut errors);
    let priorities = enum_list(&all("priority"), Priority::Unknown, "priority", &mut errors);
    let mut time = |name: &str, end: bool| match one(name) {
        None => None,
        Some(v) => match parse_time(v, end) {
            Some(t) => Some(t),
            None => {
                errors.push(field(
                    name,
                    "invalid_time",
                    "Use a date (2026-01-31) or an RFC 3339 time.",
                ));
                None
            }
        },
    };
    let from = time("from", false);
    let to = time("to", true);
    let limit = match one("limit").map(str::parse::<u32>) {
        None => DEFAULT_LIMIT,
        Some(Ok(n)) if (1..=MAX_LIMIT).contains(&n) => n,
        Some(_) => {
            errors.push(field(
                "limit",
                "invalid_limit",
                "Use a whole number from 1 to 100.",
            ));
            DEFAULT_LIMIT
        }
    };
    let after = match one("cursor") {
        None => None,
        Some(c) => match decode_cursor(c).filter(|c| c.0 == sort_name(sort)) {
            Some(c) => Some(c),
            None => {
                errors.push(field(
                    "cursor",
                    "invalid_cursor",
                    "Start again from the first page.",
                ));
                None
            }
        },
    };
    let q = one("q").map(str::to_string);
    if q.as_deref().is_some_and(|q| q.chars().count() > 200) {
        errors.push(field("q", "too_long", "Use at most 200 characters."));
    }
    if !errors.is_empty() {
        return Err(ApiError::validation(errors));
    }
    Ok(ListParams {
        scope,
        statuses,
        products,
        priorities,
        requester: one("requester").map(str::to_string),
        q,
        sort,
        from,
        to,
        after,
        limit,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_parameters_repeat_or_comma_separate_and_refuse_garbage() {
        let pairs = |q: &[(&str, &str)]| -> Vec<(String, String)> {
            q.iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect()
        };
        let p = list_params(&pairs(&[
            ("status", "new,closed"),
            ("status", "in_progress"),
            ("priority", "p1"),
            ("scope", "organisation"),
        ]))
        .unwrap();
        assert_eq!(
            p.statuses,
            [CaseStatus::New, CaseStatus::Closed, CaseStatus::InProgress]
        );
        assert_eq!(p.scope, CaseScope::Organisation);
        for bad in [
            ("status", "open"),
            ("scope", "all"),
            ("limit", "0"),
            ("limit", "101"),
            ("from", "yesterday"),
            ("cursor", "xyz"),
            ("sort", "random"),
        ] {
            assert!(list_params(&pairs(&[bad])).is_err(), "{bad:?}");
        }
    }
}
