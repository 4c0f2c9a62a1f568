//! Roles, capabilities, and the one table that maps the first to the second.

use serde::{Deserialize, Serialize};

#[cfg(feature = "openapi")]
use utoipa::ToSchema;

/// A support role of the organisation (see PRODUCT.md). Members without one have no role.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Support System Administrator: everything, plus managing who may contact support.
    SupportSystemAdmin,
    /// Customer Support Administrator: cases, chat, history, help.
    CustomerSupportAdmin,
    #[serde(other)]
    Unknown,
}

/// Something a user may do. The UI shows and guards by capability, never by role name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Capability {
    /// Browse help topics, forums and training material.
    BrowseHelp,
    /// File, follow and manage support cases.
    ManageCases,
    /// Chat live with support.
    Chat,
    /// See the organisation's service history.
    ViewHistory,
    /// Create, remove and change the role of support users.
    ManageUsers,
    /// Review and validate the organisation's support users.
    ReviewUsers,
    #[serde(other)]
    Unknown,
}

const MEMBER: &[Capability] = &[Capability::BrowseHelp];
const CUSTOMER_SUPPORT_ADMIN: &[Capability] = &[
    Capability::BrowseHelp,
    Capability::ManageCases,
    Capability::Chat,
    Capability::ViewHistory,
];
const SUPPORT_SYSTEM_ADMIN: &[Capability] = &[
    Capability::BrowseHelp,
    Capability::ManageCases,
    Capability::Chat,
    Capability::ViewHistory,
    Capability::ManageUsers,
    Capability::ReviewUsers,
];

/// Every role a user can have, `None` being a member without a support role.
pub const ROLES: [Option<Role>; 3] = [
    Some(Role::SupportSystemAdmin),
    Some(Role::CustomerSupportAdmin),
    None,
];

/// The role table. The backend enforces it; the app receives its result in the session.
pub fn capabilities_of(role: Option<Role>) -> &'static [Capability] {
    match role {
        Some(Role::SupportSystemAdmin) => SUPPORT_SYSTEM_ADMIN,
        Some(Role::CustomerSupportAdmin) => CUSTOMER_SUPPORT_ADMIN,
        // An unknown role from a newer backend grants no more than membership.
        Some(Role::Unknown) | None => MEMBER,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_system_administrator_manages_and_reviews_support_users() {
        for role in ROLES {
            let caps = capabilities_of(role);
            let admin = role == Some(Role::SupportSystemAdmin);
            assert_eq!(caps.contains(&Capability::ManageUsers), admin, "{role:?}");
            assert_eq!(caps.contains(&Capability::ReviewUsers), admin, "{role:?}");
        }
    }

    #[test]
    fn both_administrator_roles_work_cases_chat_and_history() {
        for role in [Role::SupportSystemAdmin, Role::CustomerSupportAdmin] {
            let caps = capabilities_of(Some(role));
            for c in [
                Capability::ManageCases,
                Capability::Chat,
                Capability::ViewHistory,
            ] {
                assert!(caps.contains(&c), "{role:?} lacks {c:?}");
            }
        }
    }

    #[test]
    fn a_member_without_a_support_role_may_only_browse_help() {
        assert_eq!(capabilities_of(None), &[Capability::BrowseHelp]);
        assert_eq!(
            capabilities_of(Some(Role::Unknown)),
            &[Capability::BrowseHelp]
        );
    }

    #[test]
    fn every_role_may_browse_help() {
        for role in ROLES {
            assert!(capabilities_of(role).contains(&Capability::BrowseHelp));
        }
    }
}
