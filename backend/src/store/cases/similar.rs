//! Open cases that look like one being written, and following a case as a watcher.

use rusqlite::{params, Connection};
use support_contract::Product;

use super::{case_row, CaseRow, CASES_FROM, CASE_COLUMNS};
use crate::store::{wire_name, Result};

/// Organisation `org_id`'s open cases of `product` matching `matcher` (an FTS5 expression made
/// safe by `search::match_expression`), the best matches first: at most `limit`.
pub fn similar(
    conn: &Connection,
    org_id: &str,
    product: Product,
    matcher: &str,
    limit: u32,
) -> Result<Vec<CaseRow>> {
    let sql = format!(
        "SELECT {CASE_COLUMNS} FROM {CASES_FROM} \
         JOIN (SELECT case_id, min(rank) AS best FROM case_search WHERE case_search MATCH ?1 \
               GROUP BY case_id) m ON m.case_id = c.id \
         WHERE c.organisation_id = ?2 AND c.product = ?3 AND c.status != 'closed' \
         ORDER BY m.best, c.updated_at DESC LIMIT ?4"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(
        params![matcher, org_id, wire_name(&product), limit],
        case_row,
    )?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Whether `user_id` filed or watches case `case_id`.
pub fn follows(conn: &Connection, case_id: &str, user_id: &str) -> Result<bool> {
    Ok(conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM cases WHERE id = ?1 AND requester_id = ?2) \
             OR EXISTS (SELECT 1 FROM case_watchers WHERE case_id = ?1 AND user_id = ?2) AS follows",
        params![case_id, user_id],
        |r| r.get("follows"),
    )?)
}

/// Makes `user_id` a watcher of case `case_id` (nothing changes if they watch it already).
pub fn watch(conn: &Connection, case_id: &str, user_id: &str) -> Result<()> {
    conn.execute(
        "INSERT OR IGNORE INTO case_watchers (case_id, user_id) VALUES (?1, ?2)",
        params![case_id, user_id],
    )?;
    Ok(())
}
