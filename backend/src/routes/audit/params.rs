//! The filters of the audit log's list and export.

use support_contract::users::AuditAction;
use support_contract::FieldError;

use crate::model::enum_from_db;
use crate::problem::field;
use crate::routes::query::{one, time_param};
use crate::users::audit::Filter;

/// Reads `action`, `actor`, `q`, `from` and `to`; bad values are pushed to `errors`.
pub(super) fn filter(pairs: &[(String, String)], errors: &mut Vec<FieldError>) -> Filter {
    let action = one(pairs, "action").and_then(|v| match enum_from_db::<AuditAction>(v) {
        Ok(a) if a != AuditAction::Unknown => Some(a),
        _ => {
            errors.push(field(
                "action",
                "invalid_value",
                &format!("`{v}` is not an audit action."),
            ));
            None
        }
    });
    let q = one(pairs, "q").map(|q| q.trim().to_lowercase());
    if q.as_deref().is_some_and(|q| q.chars().count() > 200) {
        errors.push(field("q", "too_long", "Use at most 200 characters."));
    }
    Filter {
        action,
        actor: one(pairs, "actor").map(str::to_string),
        q: q.filter(|q| !q.is_empty()),
        from: time_param("from", one(pairs, "from"), false, errors),
        to: time_param("to", one(pairs, "to"), true, errors),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filters_are_read_and_garbage_refused() {
        let pairs = |q: &[(&str, &str)]| -> Vec<(String, String)> {
            q.iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect()
        };
        let mut errors = Vec::new();
        let f = filter(
            &pairs(&[
                ("action", "user_removed"),
                ("q", " ANA "),
                ("from", "2026-01-31"),
            ]),
            &mut errors,
        );
        assert!(errors.is_empty());
        assert_eq!(f.action, Some(AuditAction::UserRemoved));
        assert_eq!(f.q.as_deref(), Some("ana"));
        assert!(f.from.is_some() && f.to.is_none());
        filter(
            &pairs(&[("action", "deleted"), ("to", "soon")]),
            &mut errors,
        );
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["action", "to"]);
    }
}
