//! Importing support users from a CSV file: which column is which, and what each row does
//! (or, on a dry run, would do). Rows are created as by `POST /support-users`.

use std::collections::HashSet;

use rusqlite::Connection;
use support_contract::users::{check_row, ImportOutcome, ImportReport, ImportRow, RowProblem};

use super::clean_name;
use super::create::{create, existing, Creator, Existing, NewUser};
use crate::csv::Record;
use crate::mail::Mail;
use crate::problem::ApiError;

/// Where each of `email`, `name` and `role` is in the file's rows, from its header.
pub fn columns(header: &[String]) -> Option<[usize; 3]> {
    let names: Vec<String> = header.iter().map(|c| c.trim().to_lowercase()).collect();
    if names.len() != 3 {
        return None;
    }
    let at = |n: &str| names.iter().position(|c| c == n);
    Some([at("email")?, at("name")?, at("role")?])
}

/// What each of `rows` (their cells in the file's order `cols`) does: invalid, already there,
/// or created (only reported on a dry run). The mails of the created users are appended to
/// `mails`.
pub fn import(
    conn: &Connection,
    creator: &Creator,
    rows: Vec<Record>,
    cols: [usize; 3],
    dry_run: bool,
    mails: &mut Vec<Mail>,
) -> Result<ImportReport, ApiError> {
    let mut seen = HashSet::new();
    let mut report = ImportReport {
        dry_run,
        created: 0,
        already_exist: 0,
        invalid: 0,
        rows: Vec::with_capacity(rows.len()),
    };
    for r in rows {
        let cell = |i: usize| r.cells.get(cols[i]).cloned().unwrap_or_default();
        let ordered: Vec<String> = if r.cells.len() == 3 {
            (0..3).map(cell).collect()
        } else {
            r.cells.clone()
        };
        let (outcome, problem) = match check_row(&ordered) {
            Err(p) => (ImportOutcome::Invalid, Some(p)),
            Ok((email, _, _)) if seen.contains(&email) => {
                (ImportOutcome::Invalid, Some(RowProblem::DuplicateInFile))
            }
            Ok((email, name, role)) => {
                seen.insert(email.clone());
                if existing(conn, &creator.actor.organisation.id, &email)? == Existing::Taken {
                    (ImportOutcome::AlreadyExists, None)
                } else {
                    if !dry_run {
                        let name = clean_name(&name);
                        let new = NewUser { email, name, role };
                        create(conn, creator, &new, mails)?.ok_or_else(ApiError::duplicate_user)?;
                    }
                    (ImportOutcome::Created, None)
                }
            }
        };
        match outcome {
            ImportOutcome::Created => report.created += 1,
            ImportOutcome::AlreadyExists => report.already_exist += 1,
            _ => report.invalid += 1,
        }
        report.rows.push(ImportRow {
            line: r.line,
            email: cell(0),
            name: cell(1),
            role: cell(2),
            outcome,
            problem,
        });
    }
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn the_header_names_the_three_columns_in_any_order_and_case() {
        assert_eq!(columns(&cells(&["email", "name", "role"])), Some([0, 1, 2]));
        assert_eq!(
            columns(&cells(&[" Role", "EMAIL ", "Name"])),
            Some([1, 2, 0])
        );
        assert_eq!(columns(&cells(&["email", "name"])), None);
        assert_eq!(columns(&cells(&["email", "name", "title"])), None);
        assert_eq!(
            columns(&cells(&["a@b.co", "Ana", "customer_support_admin"])),
            None
        );
    }
}
