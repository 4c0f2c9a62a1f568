//! The query of the history's list, summary and export (`support_contract::history::HistoryQuery`,
//! the same the app puts in its URL), checked, with its time range and cursor read.

use support_contract::cases::Priority;
use support_contract::history::{
    HistoryQuery, HistorySort, InteractionKind, StandingFilter, HISTORY_PAGE_DEFAULT,
    HISTORY_PAGE_MAX,
};
use support_contract::query::{Paged, QueryReader};
use support_contract::wire::wire_name;
use support_contract::{FieldError, Product};
use utoipa::IntoParams;

use crate::routes::query::{cursor, time_range};
use crate::store::history::{HistoryFilter, HistoryKey};

/// The filters the list, the summary and the export share, as the published contract documents
/// them. Only a document: requests are read through `HistoryQuery` by `read` below.
#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(dead_code)]
pub(super) struct HistoryFilters {
    /// Kinds (so channels), repeated or comma-separated
    kind: Option<Vec<InteractionKind>>,
    /// Products, repeated or comma-separated
    product: Option<Vec<Product>>,
    /// Case priorities, repeated or comma-separated
    priority: Option<Vec<Priority>>,
    /// open (awaiting the customer included) or closed; any when absent
    status: Option<StandingFilter>,
    /// User id of the requester
    requester: Option<String>,
    /// Opened at or after (date or RFC 3339)
    from: Option<String>,
    /// Opened at or before (date or RFC 3339)
    to: Option<String>,
}

/// Without a date range, the history shows the last 12 months.
pub const DEFAULT_RANGE_SECS: i64 = 365 * 86_400;

/// A page's cursor: the sort's name and the key of the page's last interaction in it.
pub(super) type Cursor = (String, i64, String);

/// The cursor after `key` in `sort`.
pub(super) fn cursor_of(sort: HistorySort, key: HistoryKey) -> Cursor {
    (wire_name(&sort).to_string(), key.0, key.1)
}

/// The query as the store's filter, the page size (with `page`: the default and the largest),
/// and what could not be read.
pub(super) fn read(
    pairs: &[(String, String)],
    page: Option<(u32, u32)>,
    now: i64,
) -> (HistoryFilter, u32, Vec<FieldError>) {
    let mut reader = QueryReader::new(pairs);
    let Paged {
        query,
        cursor: given,
    } = Paged::<HistoryQuery>::read(&mut reader);
    let limit = page.map_or(0, |(default, max)| reader.limit(default, max));
    let mut errors = reader.finish();
    let (from, to) = time_range(&query.from, &query.to, DEFAULT_RANGE_SECS, now, &mut errors);
    let sort = wire_name(&query.sort);
    let after = match page {
        Some(_) => cursor::<Cursor>(given.as_deref(), |c| c.0 == sort, &mut errors),
        None => None,
    };
    let filter = HistoryFilter {
        kinds: query.kinds,
        products: query.products,
        priorities: query.priorities,
        standing: query.standing,
        requester: Some(query.requester).filter(|r| !r.is_empty()),
        from,
        to,
        sort: query.sort,
        after: after.map(|(_, value, id)| (value, id)),
    };
    (filter, limit, errors)
}

/// The page sizes of the list.
pub(super) const PAGE: Option<(u32, u32)> = Some((HISTORY_PAGE_DEFAULT, HISTORY_PAGE_MAX));

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tests::pairs;
    use support_contract::history::{InteractionKind, StandingFilter};

    #[test]
    fn filters_are_read_the_range_defaults_to_a_year_and_garbage_is_named() {
        let (f, limit, errors) = read(
            &pairs(&[
                ("kind", "chat,callback"),
                ("status", "open"),
                ("limit", "10"),
            ]),
            PAGE,
            1_000_000_000,
        );
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(f.kinds, [InteractionKind::Chat, InteractionKind::Callback]);
        assert_eq!(f.standing, Some(StandingFilter::Open));
        assert_eq!(
            (f.from, f.to),
            (Some(1_000_000_000 - DEFAULT_RANGE_SECS), None)
        );
        assert_eq!(limit, 10);
        let (_, _, errors) = read(
            &pairs(&[
                ("kind", "fax"),
                ("status", "lost"),
                ("from", "soon"),
                ("limit", "500"),
                ("cursor", "x"),
            ]),
            PAGE,
            0,
        );
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["kind", "status", "from", "limit", "cursor"]);
    }

    #[test]
    fn a_cursor_belongs_to_its_sort() {
        let c = crate::routes::query::encode_cursor(&cursor_of(
            HistorySort::OpenedDesc,
            (5, "x".into()),
        ));
        let (f, _, errors) = read(&pairs(&[("cursor", &c)]), PAGE, 0);
        assert!(errors.is_empty() && f.after == Some((5, "x".into())));
        let (_, _, errors) = read(&pairs(&[("cursor", &c), ("sort", "closed_asc")]), PAGE, 0);
        assert_eq!(errors.len(), 1);
    }
}
