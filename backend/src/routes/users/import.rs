//! `POST /support-users/import`: creating support users from a CSV file, with a dry run first.

use axum::body::Body;
use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use serde::Deserialize;
use support_contract::problem_types as types;
use support_contract::users::{AuditAction, ImportReport};
use support_contract::FieldCode;

use crate::auth::{ManageUsers, RequireCapability};
use crate::clock;
use crate::csv;
use crate::extract::{next_chunk, ApiQuery};
use crate::problem::{field, ApiError};
use crate::routes::responses::{ImportTooLarge, InputRefusals};
use crate::state::AppState;
use crate::store::users::audit::{self, Change};
use crate::users::create::Creator;
use crate::users::import::{columns, import};

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

/// Create support users from a CSV file. Requires `manage_users`.
///
/// The body is the file (`text/csv`, UTF-8, at most 1 MiB and 1000 rows): a header row naming
/// the columns `email`, `name` and `role` in any order and case, then one user per row,
/// separated by `,` or `;` (as the header is). A role is its identifier or its name in English,
/// French or Spanish. With `dry_run=true` (the default) no user is created: the report says
/// what would happen, and the audit log records the check (`import_checked`, with the number
/// of rows read). With `dry_run=false` the `created` rows are created as by
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
        InputRefusals,
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
    let count = rows.len() as u32;
    let report = state.db.transaction(|tx| {
        let creator = Creator {
            actor: current.member(),
            now: clock::now(),
            action: AuditAction::UserImported,
            public_url: &state.public_url,
            invitation_days: state.config.invitation_days,
        };
        let report = import(tx, &creator, rows, cols, dry_run, &mut mails)?;
        // A dry run creates nobody but tells which addresses already have an account here:
        // checking up to 1000 addresses a request is left on the record.
        if dry_run {
            let me = creator.actor.audit_person();
            audit::record(
                tx,
                &Change {
                    organisation_id: &creator.actor.organisation.id,
                    at: creator.now,
                    actor: Some(&me),
                    action: AuditAction::ImportChecked,
                    target: &me,
                    before: None,
                    after: None,
                    rows: Some(count),
                },
            )?;
        }
        Ok::<_, ApiError>(report)
    })?;
    state.mailer.send(mails).await;
    Ok(Json(report))
}
