//! The query of the support-user list: search, filters and keyset paging in four orders.

use rusqlite::types::Value as SqlValue;
use rusqlite::{params_from_iter, Connection};
use serde_json::Value;
use support_contract::users::{StatusFilter, SupportUser, ValidationFilter};
use support_contract::Role;

use super::{support_user, SUPPORT_USER_COLUMNS, SUPPORT_USER_FROM};
use crate::store::{wire_name, Result};

/// The orders a list can have.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum SortKey {
    /// By name, any case.
    Name,
    /// By email.
    Email,
    /// By creation time.
    Created,
    /// By last activity, never-active users first.
    LastActive,
}

impl SortKey {
    /// The SQL expression sorted on. Names sort case-insensitively; never-active users sort as
    /// the oldest activity.
    fn sql(self) -> &'static str {
        match self {
            SortKey::Name => "fold(u.name)",
            SortKey::Email => "u.email",
            SortKey::Created => "u.created_at",
            SortKey::LastActive => "COALESCE(u.last_active_at, 0)",
        }
    }
}

/// Where a user stands in a sort: the value sorted on (text, or Unix seconds), and their id.
pub type UserKey = (Value, String);

/// Which support users to list, and which page.
pub struct UserFilter {
    /// Lowercased: a part of the name or email.
    pub q: Option<String>,
    /// Only this role.
    pub role: Option<Role>,
    /// `None`: everyone but removed users.
    pub status: Option<StatusFilter>,
    /// Only this review state.
    pub validation: Option<ValidationFilter>,
    /// The order.
    pub sort: SortKey,
    /// Whether the order is reversed.
    pub descending: bool,
    /// The key of the last user of the previous page.
    pub after: Option<UserKey>,
}

/// The organisation's support users matching `f`, in its order, each with their key in it:
/// at most `limit` of them. Validations from before `cutoff` read as due for review.
pub fn list(
    conn: &Connection,
    org_id: &str,
    f: &UserFilter,
    limit: u32,
    cutoff: i64,
) -> Result<Vec<(SupportUser, UserKey)>> {
    let mut sql = format!(
        "SELECT {SUPPORT_USER_COLUMNS} FROM {SUPPORT_USER_FROM} \
         WHERE u.organisation_id = ? AND u.role IS NOT NULL"
    );
    let mut args: Vec<SqlValue> = vec![org_id.to_string().into()];
    if let Some(q) = &f.q {
        sql.push_str(" AND (instr(fold(u.name), ?) > 0 OR instr(u.email, ?) > 0)");
        args.push(q.clone().into());
        args.push(q.clone().into());
    }
    if let Some(role) = f.role {
        sql.push_str(" AND u.role = ?");
        args.push(wire_name(&role).to_string().into());
    }
    match f.status {
        None => sql.push_str(" AND u.status != 'removed'"),
        Some(StatusFilter::All) => {}
        // The other filters are named as the statuses they keep.
        Some(s) => {
            sql.push_str(" AND u.status = ?");
            args.push(wire_name(&s).to_string().into());
        }
    }
    if let Some(v) = f.validation {
        sql.push_str(match v {
            ValidationFilter::Pending => " AND u.validation = 'pending'",
            ValidationFilter::Flagged => " AND u.validation = 'flagged'",
            ValidationFilter::Validated => {
                " AND u.validation = 'validated' AND u.validated_at >= ?"
            }
            ValidationFilter::ReviewDue => " AND u.validation = 'validated' AND u.validated_at < ?",
            ValidationFilter::NeedsReview => {
                " AND (u.validation = 'pending' OR (u.validation = 'validated' AND u.validated_at < ?))"
            }
        });
        if !matches!(v, ValidationFilter::Pending | ValidationFilter::Flagged) {
            args.push(cutoff.into());
        }
    }
    let key = f.sort.sql();
    let (cmp, dir) = if f.descending {
        ("<", "DESC")
    } else {
        (">", "ASC")
    };
    if let Some((after_key, after_id)) = f.after.clone() {
        sql.push_str(&format!(" AND ({key}, u.id) {cmp} (?, ?)"));
        args.push(match after_key {
            Value::Number(n) => n.as_i64().unwrap_or_default().into(),
            Value::String(s) => s.into(),
            _ => SqlValue::Null,
        });
        args.push(after_id.into());
    }
    sql.push_str(&format!(" ORDER BY {key} {dir}, u.id {dir} LIMIT ?"));
    args.push(i64::from(limit).into());
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(params_from_iter(args), |r| {
        let u = support_user(r, cutoff)?;
        let key = match f.sort {
            SortKey::Name => Value::from(u.name.to_lowercase()),
            SortKey::Email => Value::from(u.email.clone()),
            SortKey::Created => Value::from(u.created_at.clone()),
            SortKey::LastActive => {
                Value::from(r.get::<_, Option<i64>>("last_active_at")?.unwrap_or(0))
            }
        };
        let id = u.id.clone();
        Ok((u, (key, id)))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
