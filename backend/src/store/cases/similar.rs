//! Open cases that look like one being written, and following a case as a watcher.

use rusqlite::{params, Connection};
use support_contract::Product;

use super::{case_row, CaseRow, CASES_FROM, CASE_COLUMNS};
use crate::store::{wire_name, Result};

/// Organisation `org_id`'s open cases of `product` matching `matcher` (an FTS5 expression made
/// safe by `search::match_expression`), the best matches first: at most `limit`; each with
/// whether `user_id` filed or watches it.
pub fn similar(
    conn: &Connection,
    org_id: &str,
    product: Product,
    matcher: &str,
    limit: u32,
    user_id: &str,
) -> Result<Vec<(CaseRow, bool)>> {
    let sql = format!(
        "SELECT {CASE_COLUMNS}, (c.requester_id = ?5 OR EXISTS (SELECT 1 FROM case_watchers w \
           WHERE w.case_id = c.id AND w.user_id = ?5)) AS following FROM {CASES_FROM} \
         JOIN (SELECT case_id, min(rank) AS best FROM case_search WHERE case_search MATCH ?1 \
               GROUP BY case_id) m ON m.case_id = c.id \
         WHERE c.organisation_id = ?2 AND c.product = ?3 AND c.status != 'closed' \
         ORDER BY m.best, c.updated_at DESC LIMIT ?4"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(
        params![matcher, org_id, wire_name(&product), limit, user_id],
        |r| Ok((case_row(r)?, r.get("following")?)),
    )?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Makes `user_id` a watcher of case `case_id` (nothing changes if they watch it already).
pub fn watch(conn: &Connection, case_id: &str, user_id: &str) -> Result<()> {
    conn.execute(
        "INSERT OR IGNORE INTO case_watchers (case_id, user_id) VALUES (?1, ?2)",
        params![case_id, user_id],
    )?;
    Ok(())
}
