//! The filters of the audit log's list and export: `support_contract::users::AuditQuery`, the
//! same the app puts in its URL, with its times read.

use support_contract::query::{ListQuery, QueryReader};
use support_contract::users::AuditQuery;
use support_contract::FieldError;

use crate::routes::query::time_param;
use crate::users::audit::Filter;

/// Reads the query's filters (`action`, `actor`, `q`, `from`, `to`) and its cursor; bad values
/// are pushed to `errors`.
pub(super) fn filter(
    reader: &mut QueryReader<'_>,
    errors: &mut Vec<FieldError>,
) -> (Filter, Option<String>) {
    let query = AuditQuery::read(reader);
    let filter = Filter {
        action: query.action,
        actor: some(&query.actor).map(str::to_string),
        q: some(&query.q).map(str::to_lowercase),
        from: time_param("from", some(&query.from), false, errors),
        to: time_param("to", some(&query.to), true, errors),
    };
    (filter, query.cursor().map(str::to_string))
}

fn some(s: &str) -> Option<&str> {
    Some(s).filter(|s| !s.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;
    use support_contract::users::AuditAction;

    #[test]
    fn filters_are_read_and_garbage_refused() {
        let pairs = |q: &[(&str, &str)]| -> Vec<(String, String)> {
            q.iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect()
        };
        let mut errors = Vec::new();
        let given = pairs(&[
            ("action", "user_removed"),
            ("q", " ANA "),
            ("from", "2026-01-31"),
        ]);
        let (f, _) = filter(&mut QueryReader::new(&given), &mut errors);
        assert!(errors.is_empty());
        assert_eq!(f.action, Some(AuditAction::UserRemoved));
        assert_eq!(f.q.as_deref(), Some("ana"));
        assert!(f.from.is_some() && f.to.is_none());
        let bad = pairs(&[("action", "deleted"), ("to", "soon")]);
        let mut reader = QueryReader::new(&bad);
        filter(&mut reader, &mut errors);
        errors.extend(reader.finish());
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["action", "to"]);
    }
}
