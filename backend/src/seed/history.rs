//! Generated service history (`--demo-history N`): cases, chats and callback requests of
//! Northwind over the last year, for the demo (`make run`) and the benchmarks. The plain demo
//! seed has none of these: tests count the chats and callbacks they make.

use rusqlite::{params, Connection};
use support_contract::cases::{CaseStatus, Priority};
use support_contract::{Plan, Product};

use crate::clock;
use crate::store::{self as stores, cases as store, wire_name};
use crate::tokens::new_id;

use super::cases::generated_case;

const D: i64 = 86_400;

/// Topics of the generated chats and callback requests, by product.
const TOPICS: [(Product, &[&str]); 3] = [
    (
        Product::Analytics,
        &[
            "Workspace panel totals differ from the table",
            "Calculated metric returns zero",
            "Segment comparison is greyed out",
            "Classification importer rejects the file",
            "Bot rules are not applied",
        ],
    ),
    (
        Product::Target,
        &[
            "Activity QA link shows the default content",
            "Recommendations feed stopped updating",
            "Experience flickers on the product page",
        ],
    ),
    (
        Product::AudienceManager,
        &[
            "Onboarding a new data source",
            "Segment population dropped by half",
            "Destination mapping shows no matches",
        ],
    ),
];

/// The next free place in the chat queue (unique across organisations).
fn next_queue_order(tx: &Connection) -> rusqlite::Result<i64> {
    tx.query_row(
        "SELECT COALESCE(MAX(queue_order), 0) + 1 AS next FROM chats",
        [],
        |r| r.get("next"),
    )
}

/// Who opened a generated chat or callback request, about what and when.
struct Opened<'a> {
    org: &'a str,
    requester: &'a str,
    product: Product,
    topic: &'a str,
    at: i64,
}

/// An ended chat, accepted and ended after these seconds.
fn insert_chat(
    tx: &Connection,
    opened: &Opened,
    accepted_after: i64,
    ended_after: i64,
) -> rusqlite::Result<()> {
    let at = opened.at;
    tx.execute(
        "INSERT INTO chats (id, organisation_id, customer_id, product, topic, summary, status, \
         agent, queue_order, created_at, accepted_at, ended_at) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?5, 'ended', 'Priya Nair', ?6, ?7, ?8, ?9)",
        params![
            new_id("chat"),
            opened.org,
            opened.requester,
            wire_name(&opened.product),
            opened.topic,
            next_queue_order(tx)?,
            at,
            at + accepted_after,
            at + accepted_after + ended_after
        ],
    )?;
    Ok(())
}

/// A callback request, done `done_after` seconds after it was made (still requested without it).
fn insert_callback(
    tx: &Connection,
    opened: &Opened,
    done_after: Option<i64>,
) -> rusqlite::Result<()> {
    let at = opened.at;
    tx.execute(
        "INSERT INTO callbacks (id, organisation_id, requester_id, product, phone, topic, \
         status, requested_at, done_at) \
         VALUES (?1, ?2, ?3, ?4, '+44 20 7946 0000', ?5, ?6, ?7, ?8)",
        params![
            new_id("cb"),
            opened.org,
            opened.requester,
            wire_name(&opened.product),
            opened.topic,
            if done_after.is_some() {
                "done"
            } else {
                "requested"
            },
            at,
            done_after.map(|after| at + after)
        ],
    )?;
    Ok(())
}

/// `n` generated interactions of Northwind's Customer Support Administrator spread over the
/// last year, in turn a case, a chat and a callback request, in every state: the data set of
/// the history benchmarks.
pub fn seed_generated_history(conn: &mut Connection, n: u32) -> stores::Result<()> {
    let tx = conn.transaction()?;
    let (org, requester) = super::benchmark_requester(&tx)?;
    let now = clock::now();
    for i in 0..i64::from(n) {
        // Evenly over the year, newest first, at varied times of day.
        let at = now - 3600 - i * (360 * D) / i64::from(n) - (i * 2_741) % 3600;
        let (product, topics) = TOPICS[(i / 3 % 3) as usize];
        let topic = topics[(i / 9) as usize % topics.len()];
        let closed = i % 5 != 0;
        let title = format!("{topic} ({i})");
        let opened = Opened {
            org: &org,
            requester: &requester,
            product,
            topic: &title,
            at,
        };
        match i % 3 {
            0 => {
                let priority = Priority::ALL[(i / 3 % 4) as usize];
                let case = generated_case(
                    product,
                    priority,
                    title,
                    format!("Generated case {i} for the history benchmarks."),
                );
                let id = store::insert(&tx, &org, Plan::Premium, &requester, &case, at)?;
                let status = if closed {
                    CaseStatus::Closed
                } else {
                    CaseStatus::InProgress
                };
                tx.execute(
                    "UPDATE cases SET status = ?2, first_response_at = ?3, \
                     closed_at = CASE WHEN ?2 = 'closed' THEN ?4 END WHERE id = ?1",
                    params![id, wire_name(&status), at + 600 + (i % 7) * 900, at + 3 * D],
                )?;
            }
            1 => insert_chat(&tx, &opened, 60 + (i % 11) * 30, 900)?,
            _ => insert_callback(&tx, &opened, closed.then_some(2 * 3600 + (i % 13) * 600))?,
        }
    }
    Ok(tx.commit()?)
}
