//! The query of `GET /support-users` (`support_contract::users::SupportUserQuery`, the same the
//! app puts in its URL), checked, with its sort and cursor decoded.

use serde_json::Value;
use support_contract::query::{Paged, QueryReader};
use support_contract::users::{SupportUserQuery, UserSort};
use support_contract::wire::wire_name;

use crate::problem::ApiError;
use crate::routes::query::cursor;
use crate::store::users::{SortKey, UserFilter};

/// Page size when the client does not ask for one.
pub const DEFAULT_LIMIT: u32 = 50;
/// The largest page a client may ask for.
pub const MAX_LIMIT: u32 = 200;

fn sort_key(sort: UserSort) -> SortKey {
    match sort {
        UserSort::Name | UserSort::NameDesc => SortKey::Name,
        UserSort::Email | UserSort::EmailDesc => SortKey::Email,
        UserSort::Created | UserSort::CreatedDesc => SortKey::Created,
        UserSort::LastActive | UserSort::LastActiveDesc => SortKey::LastActive,
    }
}

/// The sort key of the last item of a page: the sort's name, the key's value, the id.
pub(super) type Cursor = (String, Value, String);

/// The checked query: the store's filter, the page size, and the `sort` parameter's wire
/// name (`-name`), which a cursor must match.
pub(super) struct ListParams {
    pub(super) filter: UserFilter,
    pub(super) limit: u32,
    pub(super) sort_name: String,
}

pub(super) fn list_params(pairs: &[(String, String)]) -> Result<ListParams, ApiError> {
    let mut reader = QueryReader::new(pairs);
    let Paged {
        query,
        cursor: given,
    } = Paged::<SupportUserQuery>::read(&mut reader);
    let limit = reader.limit(DEFAULT_LIMIT, MAX_LIMIT);
    let mut errors = reader.finish();
    let sort_name = wire_name(&query.sort).to_string();
    let after = cursor::<Cursor>(
        given.as_deref(),
        |c| c.0 == sort_name && (c.1.is_string() || c.1.is_i64()),
        &mut errors,
    )
    .map(|(_, key, id)| (key, id));
    if !errors.is_empty() {
        return Err(ApiError::validation(errors));
    }
    let filter = UserFilter {
        q: Some(query.q.to_lowercase()).filter(|q| !q.is_empty()),
        role: query.role,
        status: query.status,
        validation: query.validation,
        sort: sort_key(query.sort),
        descending: query.sort.descending(),
        after,
    };
    Ok(ListParams {
        filter,
        limit,
        sort_name,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use support_contract::users::{StatusFilter, ValidationFilter};
    use support_contract::Role;

    use crate::tests::pairs;

    #[test]
    fn filters_and_sorts_are_read_and_garbage_refused() {
        let p = list_params(&pairs(&[
            ("q", " Ana "),
            ("role", "customer_support_admin"),
            ("status", "all"),
            ("validation", "needs_review"),
            ("sort", "-last_active"),
        ]))
        .unwrap()
        .filter;
        assert_eq!(p.q.as_deref(), Some("ana"));
        assert_eq!(p.role, Some(Role::CustomerSupportAdmin));
        assert_eq!(p.status, Some(StatusFilter::All));
        assert_eq!(p.validation, Some(ValidationFilter::NeedsReview));
        assert_eq!((p.sort, p.descending), (SortKey::LastActive, true));
        let d = list_params(&[]).unwrap();
        assert_eq!(
            (d.filter.status, d.filter.sort, d.limit),
            (None, SortKey::Name, 50)
        );
        for bad in [
            ("role", "owner"),
            ("status", "gone"),
            ("validation", "maybe"),
            ("sort", "age"),
            ("limit", "0"),
            ("limit", "201"),
            ("cursor", "xyz"),
        ] {
            assert!(list_params(&pairs(&[bad])).is_err(), "{bad:?}");
        }
        let c = crate::routes::query::encode_cursor(&("name", "ana", "usr_1"));
        assert!(list_params(&pairs(&[("cursor", &c)])).is_ok());
        assert!(
            list_params(&pairs(&[("cursor", &c), ("sort", "email")])).is_err(),
            "a cursor belongs to its sort"
        );
    }
}
