//! The query of `GET /support-users`: search, filters, sort, page size and cursor.

use serde_json::Value;
use support_contract::users::UserStatus;
use support_contract::Role;

use crate::model::enum_from_db;
use crate::problem::{field, ApiError};
use crate::routes::query::{cursor, limit, one};

/// Page size when the client does not ask for one.
pub const DEFAULT_LIMIT: u32 = 50;
/// The largest page a client may ask for.
pub const MAX_LIMIT: u32 = 200;

/// Which statuses to list.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum StatusFilter {
    /// Everyone but removed users (the default).
    Current,
    Only(UserStatus),
    All,
}

/// Which review states to list.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum ValidationFilter {
    Pending,
    Validated,
    Flagged,
    ReviewDue,
    /// Pending or review due: the review queue.
    NeedsReview,
}

/// The orders a list can have.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum SortKey {
    Name,
    Email,
    Created,
    LastActive,
}

impl SortKey {
    /// The SQL expression sorted on. Names sort case-insensitively; never-active users sort as
    /// the oldest activity.
    pub(super) fn sql(self) -> &'static str {
        match self {
            SortKey::Name => "fold(u.name)",
            SortKey::Email => "u.email",
            SortKey::Created => "u.created_at",
            SortKey::LastActive => "COALESCE(u.last_active_at, 0)",
        }
    }
}

/// The sort key of the last item of a page: the sort's name, the key's value, the id.
pub(super) type Cursor = (String, Value, String);

/// The list parameters after checking.
pub(super) struct ListParams {
    /// Lowercased.
    pub(super) q: Option<String>,
    pub(super) role: Option<Role>,
    pub(super) status: StatusFilter,
    pub(super) validation: Option<ValidationFilter>,
    pub(super) sort: SortKey,
    pub(super) descending: bool,
    /// The `sort` parameter as given (`-name`), which a cursor must match.
    pub(super) sort_name: String,
    pub(super) after: Option<(Value, String)>,
    pub(super) limit: u32,
}

pub(super) fn list_params(pairs: &[(String, String)]) -> Result<ListParams, ApiError> {
    let mut errors = Vec::new();
    let q = one(pairs, "q").map(|q| q.trim().to_lowercase());
    if q.as_deref().is_some_and(|q| q.chars().count() > 200) {
        errors.push(field("q", "too_long", "Use at most 200 characters."));
    }
    let role = one(pairs, "role").and_then(|v| match enum_from_db::<Role>(v) {
        Ok(r) if r != Role::Unknown => Some(r),
        _ => {
            errors.push(field(
                "role",
                "invalid_value",
                "Use support_system_admin or customer_support_admin.",
            ));
            None
        }
    });
    let status = match one(pairs, "status") {
        None => StatusFilter::Current,
        Some("all") => StatusFilter::All,
        Some(v) => match enum_from_db::<UserStatus>(v) {
            Ok(s) if s != UserStatus::Unknown => StatusFilter::Only(s),
            _ => {
                errors.push(field(
                    "status",
                    "invalid_value",
                    "Use invited, active, removed or all.",
                ));
                StatusFilter::Current
            }
        },
    };
    let validation = one(pairs, "validation").and_then(|v| {
        let f = match v {
            "pending" => ValidationFilter::Pending,
            "validated" => ValidationFilter::Validated,
            "flagged" => ValidationFilter::Flagged,
            "review_due" => ValidationFilter::ReviewDue,
            "needs_review" => ValidationFilter::NeedsReview,
            _ => {
                errors.push(field(
                    "validation",
                    "invalid_value",
                    "Use pending, validated, flagged, review_due or needs_review.",
                ));
                return None;
            }
        };
        Some(f)
    });
    let sort_name = one(pairs, "sort").unwrap_or("name").to_string();
    let (descending, key) = match sort_name.strip_prefix('-') {
        Some(k) => (true, k),
        None => (false, sort_name.as_str()),
    };
    let sort = match key {
        "name" => SortKey::Name,
        "email" => SortKey::Email,
        "created" => SortKey::Created,
        "last_active" => SortKey::LastActive,
        _ => {
            errors.push(field(
                "sort",
                "invalid_value",
                "Use name, email, created or last_active, with a leading - for descending.",
            ));
            SortKey::Name
        }
    };
    let limit = limit(one(pairs, "limit"), DEFAULT_LIMIT, MAX_LIMIT, &mut errors);
    let after = cursor::<Cursor>(
        one(pairs, "cursor"),
        |c| c.0 == sort_name && (c.1.is_string() || c.1.is_i64()),
        &mut errors,
    )
    .map(|(_, key, id)| (key, id));
    if !errors.is_empty() {
        return Err(ApiError::validation(errors));
    }
    Ok(ListParams {
        q: q.filter(|q| !q.is_empty()),
        role,
        status,
        validation,
        sort,
        descending,
        sort_name,
        after,
        limit,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(q: &[(&str, &str)]) -> Vec<(String, String)> {
        q.iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn filters_and_sorts_are_read_and_garbage_refused() {
        let p = list_params(&pairs(&[
            ("q", " Ana "),
            ("role", "customer_support_admin"),
            ("status", "all"),
            ("validation", "needs_review"),
            ("sort", "-last_active"),
        ]))
        .unwrap();
        assert_eq!(p.q.as_deref(), Some("ana"));
        assert_eq!(p.role, Some(Role::CustomerSupportAdmin));
        assert_eq!(p.status, StatusFilter::All);
        assert_eq!(p.validation, Some(ValidationFilter::NeedsReview));
        assert_eq!((p.sort, p.descending), (SortKey::LastActive, true));
        let d = list_params(&[]).unwrap();
        assert_eq!(
            (d.status, d.sort, d.limit),
            (StatusFilter::Current, SortKey::Name, 50)
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
