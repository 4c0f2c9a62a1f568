//! `POST /support-users/import`: creating support users from a CSV file, with a dry run first.

use std::collections::HashSet;

use axum::body::Body;
use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use serde::Deserialize;
use support_contract::problem_types as types;
use support_contract::users::{
    check_row, AuditAction, ImportOutcome, ImportReport, ImportRow, RowProblem,
};
use support_contract::FieldCode;

use super::lookup::duplicate;
use crate::auth::{ManageUsers, RequireCapability};
use crate::clock;
use crate::csv;
use crate::extract::{next_chunk, ApiQuery};
use crate::problem::{field, ApiError};
use crate::routes::responses::{Forbidden, ImportTooLarge, Unauthenticated, Validation};
use crate::state::AppState;
use crate::users::clean_name;
use crate::users::create::{create, existing, Creator, Existing, NewUser};

/// The largest file accepted, in bytes.
pub const MAX_IMPORT_BYTES: usize = 1024 * 1024;
/// The most data rows a file may have.
pub const MAX_IMPORT_ROWS: usize = 1000;

/// `dry_run`, read as text so that a bad value is a field error.
#[derive(Deserialize)]
pub struct ImportQuery {
    dry_run: Option<String>,
}

fn too_large(detail: &str) -> ApiError {
    ApiError::problem(
        types::IMPORT_TOO_LARGE,
        StatusCode::PAYLOAD_TOO_LARGE,
        "File too large",
        detail,
    )
}

fn file_error(code: FieldCode, message: &str) -> ApiError {
    ApiError::validation(vec![field("file", code, message)])
}

/// The body, refused as soon as it passes `limit` bytes.
async fn read_limited(mut body: Body, limit: usize) -> Result<Vec<u8>, ApiError> {
    let mut bytes = Vec::new();
    while let Some(data) = next_chunk(&mut body).await? {
        if bytes.len() + data.len() > limit {
            return Err(too_large("Import files can be at most 1 MiB."));
        }
        bytes.extend_from_slice(&data);
    }
    Ok(bytes)
}

/// Where each of `email`, `name` and `role` is in the file's rows, from its header.
fn columns(header: &[String]) -> Option<[usize; 3]> {
    let names: Vec<String> = header.iter().map(|c| c.trim().to_lowercase()).collect();
    if names.len() != 3 {
        return None;
    }
    let at = |n: &str| names.iter().position(|c| c == n);
    Some([at("email")?, at("name")?, at("role")?])
}

/// Create support users from a CSV file. Requires `manage_users`.
///
/// The body is the file (`text/csv`, UTF-8, at most 1 MiB and 1000 rows): a header row naming
/// the columns `email`, `name` and `role` in any order and case, then one user per row,
/// separated by `,` or `;` (as the header is). A role is its identifier or its name in English,
/// French or Spanish. With `dry_run=true` (the default) nothing is written: the report says
/// what would happen. With `dry_run=false` the `created` rows are created as by
/// `POST /support-users` (invitations and notifications included), all in one transaction.
/// Importing the same file again creates nobody: its users already exist.
#[utoipa::path(
    post,
    path = "/support-users/import",
    tag = "support-users",
    security(("session_cookie" = [])),
    params(("dry_run" = Option<bool>, Query, description = "`true` (default): only report; `false`: create")),
    request_body(content = String, content_type = "text/csv", description = "The CSV file"),
    responses(
        (status = 200, description = "What each row did, or would do", body = ImportReport),
        (status = 400, response = Validation),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 413, response = ImportTooLarge),
    )
)]
pub async fn import_support_users(
    State(state): State<AppState>,
    RequireCapability { user: current, .. }: RequireCapability<ManageUsers>,
    ApiQuery(query): ApiQuery<ImportQuery>,
    body: Body,
) -> Result<Json<ImportReport>, ApiError> {
    let dry_run = match query.dry_run.as_deref() {
        None | Some("") | Some("true") | Some("1") => true,
        Some("false") | Some("0") => false,
        Some(_) => {
            return Err(ApiError::validation(vec![field(
                "dry_run",
                FieldCode::InvalidValue,
                "Use true or false.",
            )]))
        }
    };
    let bytes = read_limited(body, MAX_IMPORT_BYTES).await?;
    let text = String::from_utf8(bytes)
        .map_err(|_| file_error(FieldCode::NotUtf8, "Save the file as CSV UTF-8."))?;
    let mut records = csv::parse(&text).into_iter();
    let cols = records
        .next()
        .and_then(|h| columns(&h.cells))
        .ok_or_else(|| {
            file_error(
                FieldCode::InvalidHeader,
                "The first row must name the columns email, name and role.",
            )
        })?;
    let rows: Vec<csv::Record> = records
        .filter(|r| r.cells.iter().any(|c| !c.trim().is_empty()))
        .collect();
    if rows.len() > MAX_IMPORT_ROWS {
        return Err(too_large("Import at most 1000 users per file."));
    }

    let mut mails = Vec::new();
    let report = state.db.transaction(|tx| {
        let creator = Creator {
            actor: current.member(),
            now: clock::now(),
            action: AuditAction::UserImported,
            public_url: &state.public_url,
            invitation_days: state.config.invitation_days,
        };
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
                    if existing(tx, &current.organisation.id, &email)? == Existing::Taken {
                        (ImportOutcome::AlreadyExists, None)
                    } else {
                        if !dry_run {
                            let name = clean_name(&name);
                            let new = NewUser { email, name, role };
                            create(tx, &creator, &new, &mut mails)?.ok_or_else(duplicate)?;
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
        // A dry run writes nothing, so there is nothing to roll back.
        Ok::<_, ApiError>(report)
    })?;
    state.mailer.send(mails).await;
    Ok(Json(report))
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
