//! The query of `GET /cases` (`support_contract::cases::CaseQuery`, the same the app puts in
//! its URL), checked, with its time range and cursor decoded.

use support_contract::cases::{CaseQuery, CaseSort};
use support_contract::query::{Paged, QueryReader};
use support_contract::wire::wire_name;

use crate::problem::ApiError;
use crate::routes::query::{cursor, time_range};
use crate::store::cases::{CaseFilter, CaseKey};

/// Page size when the client does not ask for one.
pub const DEFAULT_LIMIT: u32 = 25;
/// The largest page a client may ask for.
pub const MAX_LIMIT: u32 = 100;

/// The default time range of a list: the last 90 days.
pub const DEFAULT_RANGE_SECS: i64 = 90 * 86_400;

/// A page's cursor: the sort's name and the key of the page's last case in it.
pub(super) type Cursor = (String, String, i64, String);

/// The cursor after `key` in `sort`.
pub(super) fn cursor_of(sort: CaseSort, key: CaseKey) -> Cursor {
    (sort_name(sort), key.0, key.1, key.2)
}

pub(super) fn sort_name(sort: CaseSort) -> String {
    wire_name(&sort).to_string()
}

/// The checked query as the store's filter (without `from` and `to`: the 90 days before
/// `now`), and the page size.
pub(super) fn list_params(
    pairs: &[(String, String)],
    now: i64,
) -> Result<(CaseFilter, u32), ApiError> {
    let mut reader = QueryReader::new(pairs);
    let Paged {
        query,
        cursor: given,
    } = Paged::<CaseQuery>::read(&mut reader);
    let limit = reader.limit(DEFAULT_LIMIT, MAX_LIMIT);
    let mut errors = reader.finish();
    let (from, to) = time_range(&query.from, &query.to, DEFAULT_RANGE_SECS, now, &mut errors);
    let sort = sort_name(query.sort);
    let after = cursor::<Cursor>(given.as_deref(), |c| c.0 == sort, &mut errors);
    if !errors.is_empty() {
        return Err(ApiError::validation(errors));
    }
    let filter = CaseFilter {
        scope: query.scope,
        statuses: query.statuses,
        products: query.products,
        priorities: query.priorities,
        requester: Some(query.requester).filter(|r| !r.is_empty()),
        q: Some(query.q).filter(|q| !q.is_empty()),
        sort: query.sort,
        from,
        to,
        after: after.map(|(_, priority, t, id)| (priority, t, id)),
    };
    Ok((filter, limit))
}

#[cfg(test)]
mod tests {
    use super::*;
    use support_contract::cases::{CaseScope, CaseStatus};

    use crate::tests::pairs;

    #[test]
    fn list_parameters_repeat_or_comma_separate_and_refuse_garbage() {
        let p = list_params(
            &pairs(&[
                ("status", "new,closed"),
                ("status", "in_progress"),
                ("priority", "p1"),
                ("scope", "organisation"),
            ]),
            0,
        )
        .unwrap()
        .0;
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
            assert!(list_params(&pairs(&[bad]), 0).is_err(), "{bad:?}");
        }
    }
}
