//! The query of the case list: filters, full-text search and keyset paging in four orders.

use rusqlite::types::Value as SqlValue;
use rusqlite::{params_from_iter, Connection};
use support_contract::cases::{CaseScope, CaseSort, CaseStatus, Priority};
use support_contract::Product;

use super::{case_row, CaseRow, CASES_FROM, CASE_COLUMNS};
use crate::search::prefix_expression;
use crate::store::{wire_name, Result};

/// Where a case stands in a sort: its priority's wire name, the time sorted on, its id.
pub type CaseKey = (String, i64, String);

/// Which cases to list, and which page.
pub struct CaseFilter {
    /// The caller's cases (filed or watched), or the organisation's.
    pub scope: CaseScope,
    /// Any of these statuses (all when empty); likewise products and priorities.
    pub statuses: Vec<CaseStatus>,
    /// Any of these products.
    pub products: Vec<Product>,
    /// Any of these priorities.
    pub priorities: Vec<Priority>,
    /// A requester's user id.
    pub requester: Option<String>,
    /// Words to search for.
    pub q: Option<String>,
    /// The order.
    pub sort: CaseSort,
    /// Filed at or after (Unix seconds).
    pub from: Option<i64>,
    /// Filed at or before (Unix seconds).
    pub to: Option<i64>,
    /// The key of the last case of the previous page.
    pub after: Option<CaseKey>,
}

/// The key of a case in `sort`, for the cursor of the page it ends.
pub fn key_of(c: &CaseRow, sort: CaseSort) -> CaseKey {
    let t = match sort {
        CaseSort::CreatedDesc | CaseSort::CreatedAsc => c.created_at,
        _ => c.updated_at,
    };
    (wire_name(&c.priority).to_string(), t, c.id.clone())
}

fn names<T: serde::Serialize>(values: &[T]) -> Vec<String> {
    values.iter().map(|v| wire_name(v).to_string()).collect()
}

/// The cases of organisation `org_id` matching `f` (with `Mine`: those `user_id` filed or
/// watches), in its order, after its cursor: at most `limit` of them.
pub fn list(
    conn: &Connection,
    org_id: &str,
    user_id: &str,
    f: &CaseFilter,
    limit: u32,
) -> Result<Vec<CaseRow>> {
    let mut sql = format!("SELECT {CASE_COLUMNS} FROM {CASES_FROM} WHERE c.organisation_id = ?");
    let mut args: Vec<SqlValue> = vec![org_id.to_string().into()];
    if f.scope == CaseScope::Mine {
        sql.push_str(
            " AND (c.requester_id = ? OR EXISTS (SELECT 1 FROM case_watchers w \
             WHERE w.case_id = c.id AND w.user_id = ?))",
        );
        args.push(user_id.to_string().into());
        args.push(user_id.to_string().into());
    }
    let mut any_of = |column: &str, values: Vec<String>, args: &mut Vec<SqlValue>| {
        if !values.is_empty() {
            let marks = vec!["?"; values.len()].join(", ");
            sql.push_str(&format!(" AND {column} IN ({marks})"));
            args.extend(values.into_iter().map(SqlValue::from));
        }
    };
    any_of("c.status", names(&f.statuses), &mut args);
    any_of("c.product", names(&f.products), &mut args);
    any_of("c.priority", names(&f.priorities), &mut args);
    any_of(
        "c.requester_id",
        f.requester.iter().cloned().collect(),
        &mut args,
    );
    if let Some(q) = f.q.as_deref() {
        match prefix_expression(q) {
            Some(m) => {
                sql.push_str(
                    " AND c.id IN (SELECT case_id FROM case_search WHERE case_search MATCH ?)",
                );
                args.push(m.into());
            }
            // Nothing searchable (only punctuation): nothing matches.
            None => sql.push_str(" AND 0"),
        }
    }
    if let Some(from) = f.from {
        sql.push_str(" AND c.created_at >= ?");
        args.push(from.into());
    }
    if let Some(to) = f.to {
        sql.push_str(" AND c.created_at <= ?");
        args.push(to.into());
    }
    if let Some((priority, t, id)) = f.after.clone() {
        let keyset = match f.sort {
            CaseSort::UpdatedDesc => " AND (c.updated_at, c.id) < (?, ?)",
            CaseSort::CreatedDesc => " AND (c.created_at, c.id) < (?, ?)",
            CaseSort::CreatedAsc => " AND (c.created_at, c.id) > (?, ?)",
            CaseSort::PriorityAsc => {
                args.push(priority.clone().into());
                args.push(priority.into());
                " AND (c.priority > ? OR (c.priority = ? AND (c.updated_at, c.id) < (?, ?)))"
            }
        };
        sql.push_str(keyset);
        args.push(t.into());
        args.push(id.into());
    }
    sql.push_str(match f.sort {
        CaseSort::UpdatedDesc => " ORDER BY c.updated_at DESC, c.id DESC",
        CaseSort::CreatedDesc => " ORDER BY c.created_at DESC, c.id DESC",
        CaseSort::CreatedAsc => " ORDER BY c.created_at ASC, c.id ASC",
        CaseSort::PriorityAsc => " ORDER BY c.priority ASC, c.updated_at DESC, c.id DESC",
    });
    sql.push_str(" LIMIT ?");
    args.push(i64::from(limit).into());
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(params_from_iter(args), case_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
