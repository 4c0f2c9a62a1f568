//! `GET /support-users` and `GET /audit-log`: what the administration lists show, the same in
//! the app's URL and in the request.

use super::{AuditAction, ValidationState};
use crate::query::{ListQuery, QueryReader, QueryWriter};
use crate::Role;
use serde::{Deserialize, Serialize};

/// Which support users a list shows by status; without one, everyone but removed users.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StatusFilter {
    Invited,
    Active,
    Removed,
    /// Removed users too.
    All,
}

/// Which support users a list shows by review state.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ValidationFilter {
    Pending,
    Validated,
    Flagged,
    ReviewDue,
    /// Pending or review due: the review queue.
    NeedsReview,
}

impl ValidationFilter {
    /// The review states the filter lets through.
    pub fn states(self) -> &'static [ValidationState] {
        match self {
            ValidationFilter::Pending => &[ValidationState::Pending],
            ValidationFilter::Validated => &[ValidationState::Validated],
            ValidationFilter::Flagged => &[ValidationState::Flagged],
            ValidationFilter::ReviewDue => &[ValidationState::ReviewDue],
            ValidationFilter::NeedsReview => {
                &[ValidationState::Pending, ValidationState::ReviewDue]
            }
        }
    }
}

/// The orders of the support-user list; a leading `-` on the wire means descending.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum UserSort {
    #[default]
    #[serde(rename = "name")]
    Name,
    #[serde(rename = "-name")]
    NameDesc,
    #[serde(rename = "email")]
    Email,
    #[serde(rename = "-email")]
    EmailDesc,
    #[serde(rename = "created")]
    Created,
    #[serde(rename = "-created")]
    CreatedDesc,
    #[serde(rename = "last_active")]
    LastActive,
    #[serde(rename = "-last_active")]
    LastActiveDesc,
}

impl UserSort {
    /// Whether the order is descending.
    pub fn descending(self) -> bool {
        crate::wire::wire_name(&self).starts_with('-')
    }
}

/// The support-user list: search, role, status, review state and sort.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SupportUserQuery {
    /// Searches names and emails.
    pub q: String,
    pub role: Option<Role>,
    pub status: Option<StatusFilter>,
    pub validation: Option<ValidationFilter>,
    pub sort: UserSort,
}

impl ListQuery for SupportUserQuery {
    fn read(r: &mut QueryReader<'_>) -> Self {
        SupportUserQuery {
            q: r.text("q"),
            role: r.choice("role"),
            status: r.choice("status"),
            validation: r.choice("validation"),
            sort: r.choice("sort").unwrap_or_default(),
        }
    }

    fn write(&self, out: &mut QueryWriter) {
        out.text("q", &self.q);
        out.some("role", &self.role);
        out.some("status", &self.status);
        out.some("validation", &self.validation);
        out.choice("sort", &self.sort);
    }

    fn is_filtered(&self) -> bool {
        !self.q.is_empty()
            || self.role.is_some()
            || self.status.is_some()
            || self.validation.is_some()
    }

    fn cleared(&self) -> Self {
        SupportUserQuery {
            sort: self.sort,
            ..SupportUserQuery::default()
        }
    }
}

/// The audit log (its list and its CSV export): action, search, who changed it, dates.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AuditQuery {
    pub action: Option<AuditAction>,
    /// Searches the changed user's and the administrator's names and emails.
    pub q: String,
    /// The user id of the administrator who made the change.
    pub actor: String,
    /// A date (`YYYY-MM-DD`, inclusive) or an RFC 3339 time.
    pub from: String,
    pub to: String,
}

impl ListQuery for AuditQuery {
    fn read(r: &mut QueryReader<'_>) -> Self {
        AuditQuery {
            action: r.choice("action"),
            q: r.text("q"),
            actor: r.text("actor"),
            from: r.date("from"),
            to: r.date("to"),
        }
    }

    fn write(&self, out: &mut QueryWriter) {
        out.some("action", &self.action);
        out.text("q", &self.q);
        out.text("actor", &self.actor);
        out.text("from", &self.from);
        out.text("to", &self.to);
    }

    fn is_filtered(&self) -> bool {
        self.action.is_some()
            || !self.q.is_empty()
            || !self.actor.is_empty()
            || !self.from.is_empty()
            || !self.to.is_empty()
    }

    fn cleared(&self) -> Self {
        AuditQuery::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::{pairs, Paged};

    #[test]
    fn a_user_list_round_trips_in_a_stable_order_and_garbage_is_named() {
        let p = pairs(&[
            ("sort", "-created"),
            ("role", "customer_support_admin"),
            ("q", " ana "),
            ("status", "deleted"),
        ]);
        let mut r = QueryReader::new(&p);
        let q = SupportUserQuery::read(&mut r);
        assert_eq!(
            q.to_pairs(),
            vec![
                ("q", "ana".to_string()),
                ("role", "customer_support_admin".to_string()),
                ("sort", "-created".to_string()),
            ]
        );
        assert!(q.sort.descending());
        assert!(q.is_filtered());
        let refused: Vec<String> = r.finish().into_iter().map(|e| e.field).collect();
        assert_eq!(refused, ["status"]);
        let sorted_only =
            Paged::<SupportUserQuery>::from_pairs(&pairs(&[("sort", "email"), ("cursor", "abc")]));
        assert!(!sorted_only.is_filtered());
        assert_eq!(sorted_only.cursor.as_deref(), Some("abc"));
    }

    #[test]
    fn clearing_keeps_the_sort_only() {
        let q = Paged::<SupportUserQuery>::from_pairs(&pairs(&[
            ("q", "ana"),
            ("sort", "email"),
            ("validation", "flagged"),
        ]));
        assert_eq!(q.cleared().to_pairs(), vec![("sort", "email".to_string())]);
    }

    #[test]
    fn audit_dates_must_be_dates() {
        let q = Paged::<AuditQuery>::from_pairs(&pairs(&[
            ("from", "2026-11-01"),
            ("to", "yesterday"),
            ("action", "role_changed"),
        ]));
        assert_eq!(q.from, "2026-11-01");
        assert_eq!(q.to, "");
        assert_eq!(q.action, Some(AuditAction::RoleChanged));
    }

    #[test]
    fn the_review_queue_is_pending_and_review_due() {
        assert_eq!(
            ValidationFilter::NeedsReview.states(),
            [ValidationState::Pending, ValidationState::ReviewDue]
        );
    }
}
