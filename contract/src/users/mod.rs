//! Support-user administration: the wire types and the rules both sides apply (who may be
//! removed or demoted, what a valid import row is).

mod query;

pub use query::{AuditQuery, StatusFilter, SupportUserQuery, UserSort, ValidationFilter};

use serde::{Deserialize, Serialize};

#[cfg(feature = "openapi")]
use utoipa::ToSchema;

use crate::cases::Person;
use crate::{FieldCode, Role};

/// Where a support user's access came from (the two ways the announcement names).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum UserSource {
    /// Named as the customer contact on the purchase contract, or an existing console admin.
    PurchaseContract,
    /// Asked the vendor for support before.
    EarlierSupportRequest,
    /// Created by a Support System Administrator in the portal (one by one or by import).
    Portal,
    #[serde(other)]
    Unknown,
}

/// Lifecycle state of a support user.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum UserStatus {
    /// Created; has not set a password yet.
    Invited,
    Active,
    /// No longer a support user; kept for the record.
    Removed,
    #[serde(other)]
    Unknown,
}

/// Where a support user stands in the organisation's review.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ValidationState {
    /// Never reviewed.
    Pending,
    /// Validated, within the review period.
    Validated,
    /// Flagged by a reviewer, with a reason.
    Flagged,
    /// Validated longer ago than the review period: due for another review.
    ReviewDue,
    #[serde(other)]
    Unknown,
}

/// A support user's current review state and the decision behind it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct Validation {
    pub state: ValidationState,
    /// Who made the last decision; `None` while pending.
    pub by: Option<Person>,
    /// RFC 3339, when the last decision was made.
    pub at: Option<String>,
    /// Why the user was flagged.
    pub reason: Option<String>,
}

/// A support user of the organisation, as the administration pages show them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct SupportUser {
    pub id: String,
    pub email: String,
    pub name: String,
    pub role: Role,
    pub status: UserStatus,
    pub source: UserSource,
    /// RFC 3339.
    pub created_at: String,
    /// Who created the user in the portal; `None` for users set up by the vendor.
    pub created_by: Option<Person>,
    /// RFC 3339, the user's last request to the portal; `None` if never signed in.
    pub last_active_at: Option<String>,
    pub validation: Validation,
    /// Send as `If-Match` (`"<version>"`) to change or remove the user.
    pub version: i64,
}

/// How many current (not removed) support users the organisation has, per role and state.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct SupportUserCounts {
    pub support_system_admins: u32,
    pub customer_support_admins: u32,
    pub invited: u32,
    /// Pending or review-due users: the review queue's length.
    pub needs_review: u32,
    pub flagged: u32,
}

/// `POST /support-users` body. The backend sends the invitation and the notifications.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct NewSupportUser {
    pub email: String,
    pub name: String,
    pub role: Role,
}

/// `PUT /support-users/{id}/role` body, sent with `If-Match`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct RoleChange {
    pub role: Role,
}

/// A reviewer's decision about a support user.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ReviewDecision {
    Validated,
    Flagged,
    #[serde(other)]
    Unknown,
}

/// `POST /support-users/reviews` body: one decision for one or many users (at most 200).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct ReviewRequest {
    pub user_ids: Vec<String>,
    pub decision: ReviewDecision,
    /// Required to flag.
    #[serde(default)]
    pub reason: Option<String>,
}

/// One recorded review decision.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct ReviewRecord {
    pub decision: ReviewDecision,
    pub reason: Option<String>,
    pub by: Person,
    /// RFC 3339.
    pub at: String,
}

/// What importing one CSV row did, or would do in a dry run.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ImportOutcome {
    /// Created (or, in a dry run, would be created).
    Created,
    /// A user with this email already exists: nothing to do.
    AlreadyExists,
    /// Not imported; `problem` says why.
    Invalid,
    #[serde(other)]
    Unknown,
}

/// Why a CSV row cannot be imported.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum RowProblem {
    /// Not three columns: email, name, role.
    WrongColumns,
    InvalidEmail,
    MissingName,
    /// A name over [`NAME_MAX`] characters.
    NameTooLong,
    /// The role is neither a known role name nor its identifier.
    UnknownRole,
    /// The same email appears on an earlier row of the file.
    DuplicateInFile,
    #[serde(other)]
    Unknown,
}

/// One row of an import report. Texts are the file's, as data.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct ImportRow {
    /// Line number in the file, the header being line 1.
    pub line: u32,
    pub email: String,
    pub name: String,
    pub role: String,
    pub outcome: ImportOutcome,
    pub problem: Option<RowProblem>,
}

/// `POST /support-users/import` answer.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct ImportReport {
    /// True when nothing was written.
    pub dry_run: bool,
    pub created: u32,
    pub already_exist: u32,
    pub invalid: u32,
    pub rows: Vec<ImportRow>,
}

/// An administrative change.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum AuditAction {
    UserCreated,
    UserImported,
    RoleChanged,
    UserRemoved,
    UserValidated,
    UserFlagged,
    InvitationAccepted,
    /// An import dry run: the administrator checked a file's addresses without creating anyone
    /// (actor and target are that administrator; `rows` says how many rows were checked).
    ImportChecked,
    #[serde(other)]
    Unknown,
}

/// The parts of a support user an administrative change touches, before or after it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct UserSnapshot {
    pub role: Option<Role>,
    pub status: Option<UserStatus>,
    pub validation: Option<ValidationState>,
    pub reason: Option<String>,
}

/// One entry of the audit log.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct AuditEntry {
    pub id: String,
    /// RFC 3339.
    pub at: String,
    /// Who made the change; `None` for the system.
    pub actor: Option<AuditPerson>,
    pub action: AuditAction,
    /// The support user changed.
    pub target: AuditPerson,
    pub before: Option<UserSnapshot>,
    pub after: Option<UserSnapshot>,
    /// How many data rows an import or a dry run read; absent for other actions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rows: Option<u32>,
}

/// A person named in the audit log, as they were at the time.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct AuditPerson {
    pub id: String,
    pub name: String,
    pub email: String,
}

/// `POST /invitations/inspect` body and the `token` of `POST /invitations/accept`: the token
/// travels in bodies only, never in a URL the server sees.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct InvitationToken {
    /// At most 128 characters (`TOKEN_MAX`), else `too_long`.
    pub token: String,
}

/// What the set-password page shows about an invitation.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct Invitation {
    pub email: String,
    pub name: String,
    pub organisation: String,
    pub role: Role,
    /// RFC 3339.
    pub expires_at: String,
}

/// `POST /invitations/accept` body.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct AcceptInvitation {
    /// At most 128 characters (`TOKEN_MAX`), else `too_long`.
    pub token: String,
    pub password: String,
}

/// Longest support-user name, in characters.
pub const NAME_MAX: usize = 120;
/// Shortest password, in characters.
pub const PASSWORD_MIN: usize = 12;
/// Longest password, in characters (argon2 takes any length; this bounds the work).
pub const PASSWORD_MAX: usize = 256;
/// Longest email address, in bytes (RFC 5321's path limit); sign-in refuses longer ones before
/// looking anything up.
pub const EMAIL_MAX: usize = 254;
/// Longest token (an invitation's or a hand-off's), in characters; the backend mints 43.
pub const TOKEN_MAX: usize = 128;

/// Whether `email` looks like a deliverable address: one `@`, a non-empty local part, a dotted
/// domain, no spaces or control characters, at most 254 characters.
pub fn valid_email(email: &str) -> bool {
    let Some((local, domain)) = email.split_once('@') else {
        return false;
    };
    email.len() <= EMAIL_MAX
        && !local.is_empty()
        && local.len() <= 64
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains("..")
        && !email
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || matches!(c, '<' | '>' | ',' | ';'))
}

/// Why a password is refused, if it is: [`PASSWORD_MIN`] to [`PASSWORD_MAX`] characters, not
/// the email itself.
pub fn password_problem(password: &str, email: &str) -> Option<FieldCode> {
    let n = password.chars().count();
    if n < PASSWORD_MIN {
        Some(FieldCode::TooShort)
    } else if n > PASSWORD_MAX {
        Some(FieldCode::TooLong)
    } else if password.trim().eq_ignore_ascii_case(email.trim()) {
        Some(FieldCode::SameAsEmail)
    } else {
        None
    }
}

/// A role from a CSV cell: its identifier (`customer_support_admin`) or its name in English,
/// French or Spanish, ignoring case and surrounding spaces.
pub fn role_from_cell(cell: &str) -> Option<Role> {
    let c = cell.trim().to_lowercase();
    const SSA: &[&str] = &[
        "support_system_admin",
        "support system administrator",
        "administrateur système d'assistance",
        "administrador del sistema de asistencia técnica",
    ];
    const CSA: &[&str] = &[
        "customer_support_admin",
        "customer support administrator",
        "administrateur du service clientèle",
        "administrador de atención al cliente",
    ];
    if SSA.contains(&c.as_str()) {
        Some(Role::SupportSystemAdmin)
    } else if CSA.contains(&c.as_str()) {
        Some(Role::CustomerSupportAdmin)
    } else {
        None
    }
}

/// A CSV row checked on its own: the email (lowercased), name and role, or the first problem.
pub fn check_row(cells: &[String]) -> Result<(String, String, Role), RowProblem> {
    let [email, name, role] = cells else {
        return Err(RowProblem::WrongColumns);
    };
    let email = email.trim().to_lowercase();
    if !valid_email(&email) {
        return Err(RowProblem::InvalidEmail);
    }
    let name = name.trim();
    if name.is_empty() {
        return Err(RowProblem::MissingName);
    }
    if name.chars().count() > NAME_MAX {
        return Err(RowProblem::NameTooLong);
    }
    let role = role_from_cell(role).ok_or(RowProblem::UnknownRole)?;
    Ok((email, name.to_string(), role))
}

/// Why a change to a support user is refused by the organisation rules, if it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChangeRefusal {
    /// Nobody removes themselves (another administrator must).
    SelfRemoval,
    /// The organisation would be left without an active Support System Administrator.
    LastSystemAdmin,
}

/// Whether `actor` may remove `target` (currently of role `target_role`) when the organisation
/// has `active_system_admins` active Support System Administrators.
pub fn may_remove(
    actor_id: &str,
    target_id: &str,
    target_role: Role,
    target_active: bool,
    active_system_admins: u32,
) -> Result<(), ChangeRefusal> {
    if actor_id == target_id {
        return Err(ChangeRefusal::SelfRemoval);
    }
    if target_role == Role::SupportSystemAdmin && target_active && active_system_admins <= 1 {
        return Err(ChangeRefusal::LastSystemAdmin);
    }
    Ok(())
}

/// Whether a user of role `from` may get role `to` when the organisation has
/// `active_system_admins` active Support System Administrators.
pub fn may_change_role(
    from: Role,
    to: Role,
    target_active: bool,
    active_system_admins: u32,
) -> Result<(), ChangeRefusal> {
    let demotes_an_active_system_admin =
        from == Role::SupportSystemAdmin && to != Role::SupportSystemAdmin && target_active;
    if demotes_an_active_system_admin && active_system_admins <= 1 {
        return Err(ChangeRefusal::LastSystemAdmin);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(row: &[&str]) -> Vec<String> {
        row.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn the_last_active_system_administrator_can_be_neither_removed_nor_demoted() {
        let ssa = Role::SupportSystemAdmin;
        let csa = Role::CustomerSupportAdmin;
        assert_eq!(
            may_remove("a", "b", ssa, true, 1),
            Err(ChangeRefusal::LastSystemAdmin)
        );
        assert_eq!(may_remove("a", "b", ssa, true, 2), Ok(()));
        // An invited administrator is not the one keeping the organisation administered.
        assert_eq!(may_remove("a", "b", ssa, false, 1), Ok(()));
        assert_eq!(may_remove("a", "b", csa, true, 1), Ok(()));
        assert_eq!(
            may_change_role(ssa, csa, true, 1),
            Err(ChangeRefusal::LastSystemAdmin)
        );
        assert_eq!(may_change_role(ssa, csa, true, 2), Ok(()));
        assert_eq!(may_change_role(csa, ssa, true, 1), Ok(()));
        assert_eq!(may_change_role(ssa, ssa, true, 1), Ok(()));
    }

    #[test]
    fn nobody_removes_themselves() {
        assert_eq!(
            may_remove("a", "a", Role::CustomerSupportAdmin, true, 3),
            Err(ChangeRefusal::SelfRemoval)
        );
    }

    #[test]
    fn a_csv_row_needs_an_email_a_name_and_a_known_role() {
        assert_eq!(
            check_row(&cells(&[
                " Ana@Example.COM ",
                " Ana Ruiz ",
                "Customer Support Administrator"
            ])),
            Ok((
                "ana@example.com".into(),
                "Ana Ruiz".into(),
                Role::CustomerSupportAdmin
            ))
        );
        assert_eq!(
            check_row(&cells(&[
                "a@example.com",
                "A",
                "Administrateur système d'assistance"
            ])),
            Ok(("a@example.com".into(), "A".into(), Role::SupportSystemAdmin))
        );
        assert_eq!(
            check_row(&cells(&[
                "a@example.com",
                "A",
                "administrador de atención al cliente"
            ]))
            .map(|r| r.2),
            Ok(Role::CustomerSupportAdmin)
        );
        assert_eq!(
            check_row(&cells(&["not-an-email", "A", "customer_support_admin"])),
            Err(RowProblem::InvalidEmail)
        );
        assert_eq!(
            check_row(&cells(&["a@example.com", " ", "customer_support_admin"])),
            Err(RowProblem::MissingName)
        );
        assert_eq!(
            check_row(&cells(&[
                "a@example.com",
                &"x".repeat(121),
                "customer_support_admin"
            ])),
            Err(RowProblem::NameTooLong)
        );
        assert_eq!(
            check_row(&cells(&["a@example.com", "A", "owner"])),
            Err(RowProblem::UnknownRole)
        );
        assert_eq!(
            check_row(&cells(&["a@example.com", "A"])),
            Err(RowProblem::WrongColumns)
        );
    }

    #[test]
    fn emails_need_a_local_part_and_a_dotted_domain() {
        for ok in ["a@b.co", "first.last+tag@sub.example.org"] {
            assert!(valid_email(ok), "{ok}");
        }
        for bad in [
            "",
            "a",
            "@b.co",
            "a@",
            "a@b",
            "a@.b",
            "a@b.",
            "a@b..c",
            "a b@c.d",
            "a@b@c.d",
            "<a@b.c>",
            "a@b.c,d@e.f",
        ] {
            assert!(!valid_email(bad), "{bad}");
        }
    }

    #[test]
    fn passwords_are_long_and_not_the_email() {
        assert_eq!(
            password_problem("short", "a@b.co"),
            Some(FieldCode::TooShort)
        );
        assert_eq!(
            password_problem("a@b.co.uk.example", "a@b.co.uk.example"),
            Some(FieldCode::SameAsEmail)
        );
        assert_eq!(
            password_problem(&"x".repeat(257), "a@b.co"),
            Some(FieldCode::TooLong)
        );
        assert_eq!(password_problem("correct horse battery", "a@b.co"), None);
    }
}
