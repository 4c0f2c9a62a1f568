//! The one table of the portal's pages: path, navigation label and the capability each needs.
//! The navigation and the route guards both read it.

use crate::i18n::Key;
use support_contract::Capability;

/// A page of the portal.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AppPage {
    Home,
    Cases,
    Chats,
    History,
    Help,
    Contact,
    SupportUsers,
    Settings,
}

impl AppPage {
    /// Navigation order.
    pub const ALL: [AppPage; 8] = [
        AppPage::Home,
        AppPage::Cases,
        AppPage::Chats,
        AppPage::History,
        AppPage::Help,
        AppPage::Contact,
        AppPage::SupportUsers,
        AppPage::Settings,
    ];

    /// The path segment under the app's base path (`""` is the home page).
    pub fn segment(self) -> &'static str {
        match self {
            AppPage::Home => "",
            AppPage::Cases => "cases",
            AppPage::Chats => "chats",
            AppPage::History => "history",
            AppPage::Help => "help",
            AppPage::Contact => "contact",
            AppPage::SupportUsers => "support-users",
            AppPage::Settings => "settings",
        }
    }

    pub fn href(self) -> String {
        format!("/{}", self.segment())
    }

    pub fn label(self) -> Key {
        match self {
            AppPage::Home => Key::NavHome,
            AppPage::Cases => Key::NavCases,
            AppPage::Chats => Key::PastChats,
            AppPage::History => Key::NavHistory,
            AppPage::Help => Key::NavHelp,
            AppPage::Contact => Key::NavContact,
            AppPage::SupportUsers => Key::NavSupportUsers,
            AppPage::Settings => Key::NavSettings,
        }
    }

    /// The capability a user needs to see and open this page; `None`: every signed-in user.
    pub fn needs(self) -> Option<Capability> {
        match self {
            AppPage::Home | AppPage::Contact | AppPage::Settings => None,
            AppPage::Cases => Some(Capability::ManageCases),
            AppPage::Chats => Some(Capability::Chat),
            AppPage::History => Some(Capability::ViewHistory),
            AppPage::Help => Some(Capability::BrowseHelp),
            AppPage::SupportUsers => Some(Capability::ManageUsers),
        }
    }

    /// The page a path leads to, for titles.
    pub fn from_path(path: &str) -> Option<AppPage> {
        let first = path.trim_start_matches('/').split('/').next().unwrap_or("");
        AppPage::ALL.into_iter().find(|p| p.segment() == first)
    }
}

/// The page where a capability is worked, if it has one of its own.
pub fn page_for(capability: Capability) -> Option<AppPage> {
    AppPage::ALL
        .into_iter()
        .find(|p| p.needs() == Some(capability))
}

/// The pages the navigation shows to a user with `capabilities`, in order.
pub fn nav_for(capabilities: &[Capability]) -> Vec<AppPage> {
    AppPage::ALL
        .into_iter()
        .filter(|p| p.needs().is_none_or(|c| capabilities.contains(&c)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use support_contract::{capabilities_of, Role};
    use AppPage::*;

    #[test]
    fn the_system_administrator_sees_every_page() {
        assert_eq!(
            nav_for(capabilities_of(Some(Role::SupportSystemAdmin))),
            AppPage::ALL.to_vec()
        );
    }

    #[test]
    fn the_customer_support_administrator_sees_everything_but_user_administration() {
        assert_eq!(
            nav_for(capabilities_of(Some(Role::CustomerSupportAdmin))),
            vec![Home, Cases, Chats, History, Help, Contact, Settings]
        );
    }

    #[test]
    fn a_member_sees_help_contact_and_settings_only() {
        assert_eq!(
            nav_for(capabilities_of(None)),
            vec![Home, Help, Contact, Settings]
        );
    }

    #[test]
    fn an_unknown_capability_from_a_newer_backend_opens_nothing_more() {
        assert_eq!(
            nav_for(&[Capability::Unknown]),
            vec![Home, Contact, Settings]
        );
    }

    #[test]
    fn each_capability_with_a_page_leads_to_it() {
        assert_eq!(page_for(Capability::ManageCases), Some(Cases));
        assert_eq!(page_for(Capability::ManageUsers), Some(SupportUsers));
        assert_eq!(page_for(Capability::Chat), Some(Chats));
        assert_eq!(page_for(Capability::ReviewUsers), None);
    }

    #[test]
    fn paths_lead_back_to_their_page() {
        for page in AppPage::ALL {
            assert_eq!(AppPage::from_path(&page.href()), Some(page));
        }
        assert_eq!(AppPage::from_path("/support-users/u1"), Some(SupportUsers));
        assert_eq!(AppPage::from_path("/nowhere"), None);
    }
}
