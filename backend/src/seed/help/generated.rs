//! Generated articles for the benchmarks (`--demo-help N`): English, of every product, their
//! titles and bodies combined from the words support articles use, so that searches find
//! some and not others as they would in a real library.

use rusqlite::Connection;
use support_contract::help::HelpArticleDraft;
use support_contract::{Locale, Product};

use super::write_article;
use crate::store;

const SUBJECTS: &[&str] = &[
    "report suite",
    "segment",
    "calculated metric",
    "data feed",
    "classification",
    "activity",
    "audience",
    "offer",
    "recommendation",
    "trait",
    "destination",
    "data source",
    "profile",
    "dashboard",
    "export",
    "API token",
    "tracking server",
    "mbox",
    "experience",
    "pixel call",
];
const PROBLEMS: &[&str] = &[
    "shows no data",
    "is delayed",
    "returns an error",
    "counts twice",
    "is missing values",
    "fails to save",
    "times out",
    "shows the wrong currency",
    "ignores the time zone",
    "loses its settings",
];
const PLACES: &[&str] = &[
    "in Workspace",
    "after a release",
    "on mobile devices",
    "for new visitors",
    "in the API",
    "in scheduled exports",
    "behind a consent banner",
    "across domains",
];

/// Writes `n` generated articles, `generated-1` to `generated-n`.
pub fn seed_generated(conn: &Connection, n: u32, now: i64) -> store::Result<()> {
    let products = [
        Product::Analytics,
        Product::Target,
        Product::AudienceManager,
    ];
    for i in 0..n as usize {
        let subject = SUBJECTS[i % SUBJECTS.len()];
        let problem = PROBLEMS[(i / SUBJECTS.len()) % PROBLEMS.len()];
        let place = PLACES[(i / 7) % PLACES.len()];
        let title = format!("The {subject} {problem} {place} (note {})", i + 1);
        let body = format!(
            "## What happens\n\nThe {subject} {problem} {place}. It often starts after a change \
             to the implementation or to the {other} settings.\n\n## What to check\n\n\
             1. Compare the {subject} with the same period last week.\n\
             2. Check the {other} for recent changes.\n\
             3. Export the raw data and look for gaps.\n\n\
             If the {subject} still {problem}, file a case with the dates and an example.",
            other = SUBJECTS[(i + 3) % SUBJECTS.len()],
        );
        let draft = HelpArticleDraft {
            product: products[i % products.len()],
            title,
            summary: format!("Why the {subject} {problem} {place}, and what to check first."),
            body,
            tags: vec![subject.to_string(), "generated".to_string()],
        };
        let slug = format!("generated-{}", i + 1);
        write_article(
            conn,
            &slug,
            Locale::En,
            &draft,
            now - (i as i64 % 365) * 86_400,
        )?;
    }
    Ok(())
}
