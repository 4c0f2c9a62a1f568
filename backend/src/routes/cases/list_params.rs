//! The query of `GET /cases` (`support_contract::cases::CaseQuery`, the same the app puts in
//! its URL), checked, with its time range and cursor decoded.

use support_contract::cases::{CaseQuery, CaseScope, CaseSort, CaseStatus, Priority};
use support_contract::query::{ListQuery, QueryReader};
use support_contract::wire::wire_name;
use support_contract::Product;

use crate::problem::ApiError;
use crate::routes::query::{cursor, time_param};

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

pub(super) fn sort_name(sort: CaseSort) -> String {
    wire_name(&sort).to_string()
}

pub(super) fn list_params(pairs: &[(String, String)]) -> Result<ListParams, ApiError> {
    let mut reader = QueryReader::new(pairs);
    let query = CaseQuery::read(&mut reader);
    let limit = reader.limit(DEFAULT_LIMIT, MAX_LIMIT);
    let mut errors = reader.finish();
    let from = time_param("from", non_empty(&query.from), false, &mut errors);
    let to = time_param("to", non_empty(&query.to), true, &mut errors);
    let sort = sort_name(query.sort);
    let after = cursor::<Cursor>(query.cursor(), |c| c.0 == sort, &mut errors);
    if !errors.is_empty() {
        return Err(ApiError::validation(errors));
    }
    Ok(ListParams {
        scope: query.scope,
        statuses: query.statuses,
        products: query.products,
        priorities: query.priorities,
        requester: Some(query.requester).filter(|r| !r.is_empty()),
        q: Some(query.q).filter(|q| !q.is_empty()),
        sort: query.sort,
        from,
        to,
        after,
        limit,
    })
}

fn non_empty(s: &str) -> Option<&str> {
    Some(s).filter(|s| !s.is_empty())
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
