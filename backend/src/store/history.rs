//! The service history: the `interactions` view (migration 0006: cases, chats and callback
//! requests with the same columns) filtered, paged in four orders, counted and summed.

use rusqlite::types::Value as SqlValue;
use rusqlite::{params_from_iter, Connection, Row};
use support_contract::cases::{Person, Priority};
use support_contract::history::{HistorySort, InteractionKind, Standing, StandingFilter};
use support_contract::{Channel, Product};

use super::{enum_at, json_names, opt_enum_at, person_at, Result};

/// Where an interaction stands in a sort: the value sorted on, its id.
pub type HistoryKey = (i64, String);

/// Which interactions to take.
#[derive(Clone, Debug, Default)]
pub struct HistoryFilter {
    /// Any of these kinds (all when empty); likewise products and priorities.
    pub kinds: Vec<InteractionKind>,
    pub products: Vec<Product>,
    /// Any of these priorities: only cases have one.
    pub priorities: Vec<Priority>,
    pub standing: Option<StandingFilter>,
    /// A requester's user id.
    pub requester: Option<String>,
    /// Opened at or after (Unix seconds).
    pub from: Option<i64>,
    /// Opened at or before (Unix seconds).
    pub to: Option<i64>,
    pub sort: HistorySort,
    /// The key of the last interaction of the previous page.
    pub after: Option<HistoryKey>,
}

/// One interaction as stored; times are Unix seconds. Its fields follow the wire's
/// `Interaction` on purpose: `history::interaction` turns one into the other, writing the times
/// as RFC 3339 and judging the first response against `due_at`, which the wire does not carry.
#[derive(Clone, Debug)]
pub struct HistoryRow {
    pub kind: InteractionKind,
    pub id: String,
    pub number: Option<String>,
    pub title: String,
    pub product: Product,
    pub channel: Channel,
    pub priority: Option<Priority>,
    pub standing: Standing,
    pub requester: Person,
    pub opened_at: i64,
    pub first_response_at: Option<i64>,
    /// A case's first-response due time.
    pub due_at: Option<i64>,
    pub closed_at: Option<i64>,
    /// The value the page is sorted on.
    pub sort_key: i64,
}

fn history_row(r: &Row<'_>) -> rusqlite::Result<HistoryRow> {
    Ok(HistoryRow {
        kind: enum_at(r, "kind")?,
        id: r.get("id")?,
        number: r.get("number")?,
        title: r.get("title")?,
        product: enum_at(r, "product")?,
        channel: enum_at(r, "channel")?,
        priority: opt_enum_at(r, "priority")?,
        standing: enum_at(r, "standing")?,
        requester: person_at(r, "requester_id", "requester_name")?,
        opened_at: r.get("opened_at")?,
        first_response_at: r.get("first_response_at")?,
        due_at: r.get("due_at")?,
        closed_at: r.get("closed_at")?,
        sort_key: r.get("sort_key")?,
    })
}

/// The key of a row in its sort, for the cursor of the page it ends.
pub fn key_of(row: &HistoryRow) -> HistoryKey {
    (row.sort_key, row.id.clone())
}

/// The expression a sort orders by. Interactions not closed yet sort last either way.
fn sort_key(sort: HistorySort) -> &'static str {
    match sort {
        HistorySort::OpenedDesc | HistorySort::OpenedAsc => "i.opened_at",
        HistorySort::ClosedDesc => "COALESCE(i.closed_at, -1)",
        HistorySort::ClosedAsc => "COALESCE(i.closed_at, 9223372036854775807)",
    }
}

fn descending(sort: HistorySort) -> bool {
    matches!(sort, HistorySort::OpenedDesc | HistorySort::ClosedDesc)
}

/// `FROM … WHERE …` of organisation `org_id`'s interactions matching `f` (its cursor aside),
/// and the values of its parameters.
fn matching(org_id: &str, f: &HistoryFilter) -> (String, Vec<SqlValue>) {
    let mut sql = String::from(
        "FROM interactions i JOIN users u ON u.id = i.requester_id WHERE i.organisation_id = ?",
    );
    let mut args: Vec<SqlValue> = vec![org_id.to_string().into()];
    let mut any_of = |column: &str, names: Option<String>| {
        if let Some(names) = names {
            sql.push_str(&format!(
                " AND {column} IN (SELECT value FROM json_each(?))"
            ));
            args.push(names.into());
        }
    };
    let listed = |empty: bool, names: String| (!empty).then_some(names);
    any_of("i.kind", listed(f.kinds.is_empty(), json_names(&f.kinds)));
    any_of(
        "i.product",
        listed(f.products.is_empty(), json_names(&f.products)),
    );
    any_of(
        "i.priority",
        listed(f.priorities.is_empty(), json_names(&f.priorities)),
    );
    match f.standing {
        Some(StandingFilter::Open) => sql.push_str(" AND i.standing != 'closed'"),
        Some(StandingFilter::Closed) => sql.push_str(" AND i.standing = 'closed'"),
        None => {}
    }
    if let Some(requester) = &f.requester {
        sql.push_str(" AND i.requester_id = ?");
        args.push(requester.clone().into());
    }
    if let Some(from) = f.from {
        sql.push_str(" AND i.opened_at >= ?");
        args.push(from.into());
    }
    if let Some(to) = f.to {
        sql.push_str(" AND i.opened_at <= ?");
        args.push(to.into());
    }
    (sql, args)
}

/// The interactions of organisation `org_id` matching `f`, in its order, after its cursor: at
/// most `limit` of them.
pub fn list(
    conn: &Connection,
    org_id: &str,
    f: &HistoryFilter,
    limit: u32,
) -> Result<Vec<HistoryRow>> {
    let key = sort_key(f.sort);
    let (from_where, mut args) = matching(org_id, f);
    let mut sql = format!(
        "SELECT i.kind, i.id, i.number, i.title, i.product, i.channel, i.priority, i.standing, \
         i.requester_id, u.name AS requester_name, i.opened_at, i.first_response_at, i.due_at, \
         i.closed_at, {key} AS sort_key {from_where}"
    );
    let (cmp, dir) = if descending(f.sort) {
        ("<", "DESC")
    } else {
        (">", "ASC")
    };
    if let Some((value, id)) = &f.after {
        sql.push_str(&format!(" AND ({key}, i.id) {cmp} (?, ?)"));
        args.push((*value).into());
        args.push(id.clone().into());
    }
    sql.push_str(&format!(" ORDER BY sort_key {dir}, i.id {dir} LIMIT ?"));
    args.push(i64::from(limit).into());
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(params_from_iter(args), history_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// How many interactions matching `f` stand open, awaiting the customer and closed.
pub fn standings(conn: &Connection, org_id: &str, f: &HistoryFilter) -> Result<(u64, u64, u64)> {
    let (from_where, args) = matching(org_id, f);
    let sql = format!("SELECT i.standing, count(*) AS n {from_where} GROUP BY i.standing");
    let mut stmt = conn.prepare_cached(&sql)?;
    let mut counts = (0, 0, 0);
    let rows = stmt.query_map(params_from_iter(args), |r| {
        Ok((enum_at::<Standing>(r, "standing")?, r.get::<_, u64>("n")?))
    })?;
    for row in rows {
        match row? {
            (Standing::Open, n) => counts.0 += n,
            (Standing::AwaitingCustomer, n) => counts.1 += n,
            (_, n) => counts.2 += n,
        }
    }
    Ok(counts)
}

/// A case's first response: its priority, the seconds from filing to the response, and whether
/// it came by the due time.
pub type FirstResponse = (Priority, i64, bool);

/// The first responses to the cases matching `f`.
pub fn first_responses(
    conn: &Connection,
    org_id: &str,
    f: &HistoryFilter,
) -> Result<Vec<FirstResponse>> {
    let (from_where, args) = matching(org_id, f);
    let sql = format!(
        "SELECT i.priority, i.first_response_at - i.opened_at AS wait, \
         i.first_response_at <= i.due_at AS met {from_where} \
         AND i.kind = 'case' AND i.first_response_at IS NOT NULL"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(params_from_iter(args), |r| {
        Ok((enum_at(r, "priority")?, r.get("wait")?, r.get("met")?))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// How many interactions matching `f` were opened per month (UTC, `YYYY-MM`) and product,
/// oldest month first.
pub fn per_month(
    conn: &Connection,
    org_id: &str,
    f: &HistoryFilter,
) -> Result<Vec<(String, Product, u64)>> {
    let (from_where, args) = matching(org_id, f);
    let sql = format!(
        "SELECT strftime('%Y-%m', i.opened_at, 'unixepoch') AS month, i.product, count(*) AS n \
         {from_where} GROUP BY month, i.product ORDER BY month, i.product"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(params_from_iter(args), |r| {
        Ok((r.get("month")?, enum_at(r, "product")?, r.get("n")?))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
