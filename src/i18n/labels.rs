//! The translation key of each contract value the UI names.

use super::Key;
use support_contract::cases::{CaseStatus, Priority};
use support_contract::history::{InteractionKind, Standing};
use support_contract::users::{AuditAction, ImportOutcome, RowProblem, ValidationState};
use support_contract::{Capability, Channel, Product, Region, Role, UserSource, UserStatus};

/// A role's name; `None` is a member without a support role.
pub fn role_key(role: Option<Role>) -> Key {
    match role {
        Some(Role::SupportSystemAdmin) => Key::RoleSupportSystemAdmin,
        Some(Role::CustomerSupportAdmin) => Key::RoleCustomerSupportAdmin,
        Some(Role::Unknown) => Key::RoleUnknown,
        None => Key::RoleMember,
    }
}

/// What a capability lets the user do, as a sentence.
pub fn capability_key(capability: Capability) -> Key {
    match capability {
        Capability::BrowseHelp => Key::CapBrowseHelp,
        Capability::ManageCases => Key::CapManageCases,
        Capability::Chat => Key::CapChat,
        Capability::ViewHistory => Key::CapViewHistory,
        Capability::ManageUsers => Key::CapManageUsers,
        Capability::ReviewUsers => Key::CapReviewUsers,
        Capability::Unknown => Key::Unknown,
    }
}

pub fn region_key(region: Region) -> Key {
    match region {
        Region::Americas => Key::RegionAmericas,
        Region::Emea => Key::RegionEmea,
        Region::Apac => Key::RegionApac,
        Region::Japan => Key::RegionJapan,
        Region::Unknown => Key::Unknown,
    }
}

pub fn product_key(product: Product) -> Key {
    match product {
        Product::Analytics => Key::ProductAnalytics,
        Product::Target => Key::ProductTarget,
        Product::AudienceManager => Key::ProductAudienceManager,
        Product::Unknown => Key::Unknown,
    }
}

/// What an interaction is: a case, a chat or a callback request.
pub fn kind_key(kind: InteractionKind) -> Key {
    match kind {
        InteractionKind::Case => Key::KindCase,
        InteractionKind::Chat => Key::KindChat,
        InteractionKind::Callback => Key::KindCallback,
        InteractionKind::Unknown => Key::Unknown,
    }
}

/// Where an interaction stands.
pub fn standing_key(standing: Standing) -> Key {
    match standing {
        Standing::Open => Key::StandingOpen,
        Standing::AwaitingCustomer => Key::StandingAwaiting,
        Standing::Closed => Key::StandingClosed,
        Standing::Unknown => Key::Unknown,
    }
}

pub fn channel_key(channel: Channel) -> Key {
    match channel {
        Channel::Phone => Key::ChannelPhone,
        Channel::Web => Key::ChannelWeb,
        Channel::Chat => Key::ChannelChat,
        Channel::Unknown => Key::Unknown,
    }
}

pub fn user_status_key(status: UserStatus) -> Key {
    match status {
        UserStatus::Invited => Key::StatusInvited,
        UserStatus::Active => Key::StatusActive,
        UserStatus::Removed => Key::StatusRemoved,
        UserStatus::Unknown => Key::Unknown,
    }
}

pub fn user_source_key(source: UserSource) -> Key {
    match source {
        UserSource::PurchaseContract => Key::SourcePurchaseContract,
        UserSource::EarlierSupportRequest => Key::SourceEarlierRequest,
        UserSource::Portal => Key::SourcePortal,
        UserSource::Unknown => Key::Unknown,
    }
}

pub fn case_status_key(status: CaseStatus) -> Key {
    match status {
        CaseStatus::New => Key::StatusNew,
        CaseStatus::InProgress => Key::StatusInProgress,
        CaseStatus::AwaitingYourReply => Key::StatusAwaitingYourReply,
        CaseStatus::ResolutionProvided => Key::StatusResolutionProvided,
        CaseStatus::Closed => Key::StatusClosed,
        CaseStatus::Unknown => Key::Unknown,
    }
}

pub fn priority_key(priority: Priority) -> Key {
    match priority {
        Priority::P1 => Key::PriorityP1,
        Priority::P2 => Key::PriorityP2,
        Priority::P3 => Key::PriorityP3,
        Priority::P4 => Key::PriorityP4,
        Priority::Unknown => Key::Unknown,
    }
}

/// What a priority means and how support answers it (PRODUCT.md's table).
pub fn priority_meaning_key(priority: Priority) -> Key {
    match priority {
        Priority::P1 => Key::PriorityP1Meaning,
        Priority::P2 => Key::PriorityP2Meaning,
        Priority::P3 => Key::PriorityP3Meaning,
        Priority::P4 => Key::PriorityP4Meaning,
        Priority::Unknown => Key::Unknown,
    }
}

pub fn validation_key(state: ValidationState) -> Key {
    match state {
        ValidationState::Pending => Key::ValidationPending,
        ValidationState::Validated => Key::ValidationValidated,
        ValidationState::Flagged => Key::ValidationFlagged,
        ValidationState::ReviewDue => Key::ValidationReviewDue,
        ValidationState::Unknown => Key::Unknown,
    }
}

pub fn audit_action_key(action: AuditAction) -> Key {
    match action {
        AuditAction::UserCreated => Key::ActionUserCreated,
        AuditAction::UserImported => Key::ActionUserImported,
        AuditAction::RoleChanged => Key::ActionRoleChanged,
        AuditAction::UserRemoved => Key::ActionUserRemoved,
        AuditAction::UserValidated => Key::ActionUserValidated,
        AuditAction::UserFlagged => Key::ActionUserFlagged,
        AuditAction::InvitationAccepted => Key::ActionInvitationAccepted,
        AuditAction::ImportChecked => Key::ActionImportChecked,
        AuditAction::Unknown => Key::Unknown,
    }
}

/// Why an import row was refused.
pub fn row_problem_key(problem: RowProblem) -> Key {
    match problem {
        RowProblem::WrongColumns => Key::RowWrongColumns,
        RowProblem::InvalidEmail => Key::ErrInvalidEmail,
        RowProblem::MissingName => Key::RowMissingName,
        RowProblem::NameTooLong => Key::RowNameTooLong,
        RowProblem::UnknownRole => Key::ErrUnknownRole,
        RowProblem::DuplicateInFile => Key::RowDuplicateInFile,
        RowProblem::Unknown => Key::Unknown,
    }
}

/// What an import row did (or, in a dry run, would do).
pub fn import_outcome_key(outcome: ImportOutcome, dry_run: bool) -> Key {
    match (outcome, dry_run) {
        (ImportOutcome::Created, true) => Key::RowWillBeCreated,
        (ImportOutcome::Created, false) => Key::RowCreated,
        (ImportOutcome::AlreadyExists, _) => Key::RowAlreadyExists,
        (ImportOutcome::Invalid, _) => Key::RowInvalid,
        (ImportOutcome::Unknown, _) => Key::Unknown,
    }
}
