//! `GET /audit-log/export`: the audit log as a CSV file for spreadsheets.

use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use support_contract::users::{AuditEntry, UserSnapshot};
use support_contract::wire::wire_name;

use super::params::{read, AuditFilters};
use crate::auth::{ManageUsers, RequireCapability};
use crate::csv;
use crate::extract::ApiQuery;
use crate::problem::{valid, ApiError};
use crate::routes::query::separator;
use crate::routes::responses::InputRefusals;
use crate::state::AppState;
use crate::store::users::audit::query;
use support_contract::query::{QueryReader, Separator};

/// The columns of the export, in order.
/// `rows` comes last so that files read by column position before it was added still read.
pub const EXPORT_COLUMNS: [&str; 14] = [
    "at",
    "actor_name",
    "actor_email",
    "action",
    "target_name",
    "target_email",
    "role_before",
    "role_after",
    "status_before",
    "status_after",
    "validation_before",
    "validation_after",
    "reason",
    "rows",
];

fn name<T: serde::Serialize>(v: Option<T>) -> String {
    v.map(|v| wire_name(&v).to_string()).unwrap_or_default()
}

/// One entry as export cells.
fn cells(e: &AuditEntry) -> [String; 14] {
    let before = e.before.clone().unwrap_or_default();
    let after: UserSnapshot = e.after.clone().unwrap_or_default();
    let actor = e.actor.as_ref();
    [
        e.at.clone(),
        actor.map(|a| a.name.clone()).unwrap_or_default(),
        actor.map(|a| a.email.clone()).unwrap_or_default(),
        wire_name(&e.action).to_string(),
        e.target.name.clone(),
        e.target.email.clone(),
        name(before.role),
        name(after.role),
        name(before.status),
        name(after.status),
        name(before.validation),
        name(after.validation),
        after.reason.unwrap_or_default(),
        e.rows.map(|n| n.to_string()).unwrap_or_default(),
    ]
}

/// The whole file: a byte-order mark, the header row, one row per entry.
pub fn export_csv(entries: &[AuditEntry], separator: char) -> String {
    let mut out = String::from(csv::BOM);
    csv::row(&mut out, &EXPORT_COLUMNS, separator);
    for e in entries {
        csv::row(&mut out, &cells(e), separator);
    }
    out
}

/// The audit log as a CSV file (UTF-8 with a byte-order mark, so spreadsheets read accents),
/// newest first, with the filters of `GET /audit-log`. Cells that a spreadsheet would run as a
/// formula start with `'`. Requires `manage_users`.
#[utoipa::path(
    get,
    path = "/audit-log/export",
    tag = "audit-log",
    security(("session_cookie" = [])),
    params(
        AuditFilters,
        ("separator" = Option<String>, Query, description = "`comma` (default) or `semicolon` (for spreadsheets where the comma is the decimal mark)"),
    ),
    responses(
        (status = 200, description = "The entries as CSV: at, actor_name, actor_email, action, target_name, target_email, role_before, role_after, status_before, status_after, validation_before, validation_after, reason, rows (rows read by an import dry run)",
            content_type = "text/csv", body = String,
            headers(("Content-Disposition" = String, description = "`attachment; filename=\"audit-log.csv\"`"))),
        InputRefusals,
    )
)]
pub async fn export_audit_log(
    State(state): State<AppState>,
    RequireCapability { user: current, .. }: RequireCapability<ManageUsers>,
    ApiQuery(pairs): ApiQuery<Vec<(String, String)>>,
) -> Result<Response, ApiError> {
    let p = read(&pairs, None);
    let mut errors = p.errors;
    let mut reader = QueryReader::new(&pairs);
    let separator = separator(&mut reader, Separator::Comma);
    errors.extend(reader.finish());
    valid(errors)?;
    let entries: Vec<AuditEntry> = query(
        &state.db.conn(),
        &current.organisation.id,
        &p.filter,
        None,
        None,
    )?
    .into_iter()
    .map(|(_, e)| e)
    .collect();
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"audit-log.csv\"",
            ),
        ],
        export_csv(&entries, separator),
    )
        .into_response())
}

#[cfg(test)]
mod tests {
    use super::*;
    use support_contract::users::{AuditAction, AuditPerson, UserStatus};
    use support_contract::Role;

    #[test]
    fn an_entry_becomes_one_neutralised_row() {
        let e = AuditEntry {
            id: "aud_1".into(),
            at: "2026-03-01T10:00:00Z".into(),
            actor: Some(AuditPerson {
                id: "usr_1".into(),
                name: "Alex Morgan".into(),
                email: "alex@x.example".into(),
            }),
            action: AuditAction::UserRemoved,
            target: AuditPerson {
                id: "usr_2".into(),
                name: "=cmd|' /C calc'!A0".into(),
                email: "eve@x.example".into(),
            },
            before: Some(UserSnapshot {
                role: Some(Role::CustomerSupportAdmin),
                status: Some(UserStatus::Active),
                ..Default::default()
            }),
            after: Some(UserSnapshot {
                role: Some(Role::CustomerSupportAdmin),
                status: Some(UserStatus::Removed),
                ..Default::default()
            }),
            rows: None,
        };
        let text = export_csv(&[e], ';');
        let mut lines = text.split("\r\n");
        assert_eq!(
            lines.next().unwrap(),
            "\u{feff}at;actor_name;actor_email;action;target_name;target_email;role_before;\
             role_after;status_before;status_after;validation_before;validation_after;reason;rows"
        );
        assert_eq!(
            lines.next().unwrap(),
            "2026-03-01T10:00:00Z;Alex Morgan;alex@x.example;user_removed;'=cmd|' /C calc'!A0;\
             eve@x.example;customer_support_admin;customer_support_admin;active;removed;;;;"
        );
    }
}
