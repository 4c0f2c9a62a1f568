use support_contract::{Capability, PhoneNumber, Region, Role, RoleCapabilities};

/// The phone numbers for the organisation's region, or every number when the region has none.
pub fn phones_for_region(phones: &[PhoneNumber], region: Region) -> Vec<PhoneNumber> {
    let mine: Vec<PhoneNumber> = phones
        .iter()
        .filter(|p| p.region == region)
        .cloned()
        .collect();
    if mine.is_empty() {
        phones.to_vec()
    } else {
        mine
    }
}

/// The roles that grant `capability`, from the backend's role table, most powerful first.
pub fn roles_granting(table: &[RoleCapabilities], capability: Capability) -> Vec<Option<Role>> {
    let mut roles: Vec<(usize, Option<Role>)> = table
        .iter()
        .filter(|r| r.capabilities.contains(&capability))
        .map(|r| (r.capabilities.len(), r.role))
        .collect();
    roles.sort_by_key(|r| std::cmp::Reverse(r.0));
    roles.into_iter().map(|(_, r)| r).collect()
}

/// The in-app path of a browser path under `base` (`/support/contact` -> `/contact`).
pub fn strip_base<'a>(path: &'a str, base: &str) -> &'a str {
    let base = base.trim_end_matches('/');
    match path.strip_prefix(base) {
        Some("") if !base.is_empty() => "/",
        Some(rest) if base.is_empty() || rest.starts_with('/') => rest,
        _ => path,
    }
}

/// Where to go after signing in: the requested in-app path, never another site. Anything that
/// is not a plain absolute path (`//evil.example`, `https://..`, `/\evil`) goes home.
pub fn safe_return_path(next: Option<&str>) -> String {
    match next {
        Some(p)
            if p.starts_with('/')
                && !p.starts_with("//")
                && !p.contains('\\')
                && !p.starts_with("/sign-in") =>
        {
            p.to_string()
        }
        _ => "/".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use support_contract::{capabilities_of, ROLES};

    fn table() -> Vec<RoleCapabilities> {
        ROLES
            .iter()
            .map(|&role| RoleCapabilities {
                role,
                capabilities: capabilities_of(role).to_vec(),
            })
            .collect()
    }

    fn phone(region: Region) -> PhoneNumber {
        PhoneNumber {
            region,
            product: None,
            number: "+1 555 0100".into(),
            around_the_clock: false,
        }
    }

    #[test]
    fn user_administration_is_granted_by_the_system_administrator_role_only() {
        assert_eq!(
            roles_granting(&table(), Capability::ManageUsers),
            vec![Some(Role::SupportSystemAdmin)]
        );
    }

    #[test]
    fn cases_are_granted_by_both_administrator_roles_most_powerful_first() {
        assert_eq!(
            roles_granting(&table(), Capability::ManageCases),
            vec![
                Some(Role::SupportSystemAdmin),
                Some(Role::CustomerSupportAdmin)
            ]
        );
    }

    #[test]
    fn phone_numbers_are_those_of_the_region_or_all_when_it_has_none() {
        let phones = vec![phone(Region::Emea), phone(Region::Americas)];
        assert_eq!(phones_for_region(&phones, Region::Emea).len(), 1);
        assert_eq!(phones_for_region(&phones, Region::Japan).len(), 2);
    }

    #[test]
    fn paths_under_a_base_path_are_read_without_it() {
        assert_eq!(strip_base("/support/contact", "/support"), "/contact");
        assert_eq!(strip_base("/support", "/support/"), "/");
        assert_eq!(strip_base("/contact", ""), "/contact");
        assert_eq!(strip_base("/supportive/x", "/support"), "/supportive/x");
    }

    #[test]
    fn after_sign_in_the_user_returns_only_to_paths_inside_the_portal() {
        assert_eq!(safe_return_path(Some("/settings?tab=1")), "/settings?tab=1");
        assert_eq!(safe_return_path(Some("//evil.example/x")), "/");
        assert_eq!(safe_return_path(Some("https://evil.example")), "/");
        assert_eq!(safe_return_path(Some("/\\evil.example")), "/");
        assert_eq!(safe_return_path(Some("/sign-in")), "/");
        assert_eq!(safe_return_path(None), "/");
    }
}
