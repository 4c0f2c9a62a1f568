//! The query of the audit log's list and export: `support_contract::users::AuditQuery`, the
//! same the app puts in its URL, with its times read.

use support_contract::query::{Paged, QueryReader};
use support_contract::users::{AuditAction, AuditQuery};
use support_contract::FieldError;
use utoipa::IntoParams;

use crate::routes::query::time_param;
use crate::store::users::audit::Filter;

/// The filters the list and the export share, as the published contract documents them. Only a
/// document: requests are read through `AuditQuery` by `read` below.
#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(dead_code)]
pub(super) struct AuditFilters {
    /// Only this action
    action: Option<AuditAction>,
    /// Only changes made by this user id
    actor: Option<String>,
    /// A part of the changed user's name or email, any case
    q: Option<String>,
    /// At or after (date or RFC 3339)
    from: Option<String>,
    /// At or before (date or RFC 3339; a date includes its whole day)
    to: Option<String>,
}

/// The query as read: the filters, the cursor as given, the page size, and the bad values
/// found (those of the query first, then those of its times).
pub(super) struct AuditParams {
    pub(super) filter: Filter,
    pub(super) cursor: Option<String>,
    pub(super) limit: u32,
    pub(super) errors: Vec<FieldError>,
}

/// Reads the filters (`action`, `actor`, `q`, `from`, `to`) and the cursor of `pairs`; with
/// `page` (the default and the largest size), its page size too.
pub(super) fn read(pairs: &[(String, String)], page: Option<(u32, u32)>) -> AuditParams {
    let mut reader = QueryReader::new(pairs);
    let limit = page.map_or(0, |(default, max)| reader.limit(default, max));
    let Paged { query, cursor } = Paged::<AuditQuery>::read(&mut reader);
    let mut times = Vec::new();
    let filter = Filter {
        action: query.action,
        actor: some(&query.actor).map(str::to_string),
        q: some(&query.q).map(str::to_lowercase),
        from: time_param("from", some(&query.from), false, &mut times),
        to: time_param("to", some(&query.to), true, &mut times),
    };
    let mut errors = reader.finish();
    errors.extend(times);
    AuditParams {
        filter,
        cursor,
        limit,
        errors,
    }
}

fn some(s: &str) -> Option<&str> {
    Some(s).filter(|s| !s.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;
    use support_contract::users::AuditAction;

    use crate::tests::pairs;

    #[test]
    fn filters_are_read_and_garbage_refused() {
        let given = pairs(&[
            ("action", "user_removed"),
            ("q", " ANA "),
            ("from", "2026-01-31"),
        ]);
        let p = read(&given, None);
        assert!(p.errors.is_empty());
        let f = p.filter;
        assert_eq!(f.action, Some(AuditAction::UserRemoved));
        assert_eq!(f.q.as_deref(), Some("ana"));
        assert!(f.from.is_some() && f.to.is_none());
        let bad = pairs(&[("action", "deleted"), ("to", "soon"), ("limit", "0")]);
        let fields: Vec<String> = read(&bad, Some((50, 200)))
            .errors
            .into_iter()
            .map(|e| e.field)
            .collect();
        assert_eq!(fields, ["limit", "action", "to"]);
    }
}
