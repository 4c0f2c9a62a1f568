//! The first administrator of a fresh, non-demo database, from `SP_BOOTSTRAP_*` variables.

use support_contract::users::{EMAIL_MAX, PASSWORD_MAX};
use support_contract::{Plan, Region};

/// The first Support System Administrator of a fresh, non-demo database.
#[derive(Clone, Debug)]
pub struct Bootstrap {
    /// Sign-in email of the administrator.
    pub admin_email: String,
    /// Never printed: `Debug` of [`super::Config`] must stay safe to log.
    pub admin_password: Secret,
    /// Display name of the administrator.
    pub admin_name: String,
    /// Name of the organisation created with them.
    pub org_name: String,
    /// Support plan of that organisation.
    pub org_plan: Plan,
    /// Support region of that organisation.
    pub org_region: Region,
}

/// A string that never shows up in `Debug` output.
#[derive(Clone)]
pub struct Secret(pub String);

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("<redacted>")
    }
}

/// Reads the bootstrap variables; `None` unless both the email and the password are set.
pub fn from_env(env: &impl Fn(&str) -> Option<String>) -> Result<Option<Bootstrap>, String> {
    let (Some(email), Some(password)) = (
        env("SP_BOOTSTRAP_ADMIN_EMAIL"),
        env("SP_BOOTSTRAP_ADMIN_PASSWORD"),
    ) else {
        return Ok(None);
    };
    if email.trim().is_empty() || password.is_empty() {
        return Err(
            "SP_BOOTSTRAP_ADMIN_EMAIL and SP_BOOTSTRAP_ADMIN_PASSWORD must not be empty".into(),
        );
    }
    // Sign-in refuses longer ones before looking anything up: such an administrator could
    // never sign in.
    if email.trim().len() > EMAIL_MAX {
        return Err(format!(
            "SP_BOOTSTRAP_ADMIN_EMAIL must have at most {EMAIL_MAX} bytes"
        ));
    }
    if password.chars().count() > PASSWORD_MAX {
        return Err(format!(
            "SP_BOOTSTRAP_ADMIN_PASSWORD must have at most {PASSWORD_MAX} characters"
        ));
    }
    let org_plan = match env("SP_BOOTSTRAP_ORG_PLAN").as_deref() {
        None | Some("standard") => Plan::Standard,
        Some("premium") => Plan::Premium,
        Some(v) => {
            return Err(format!(
                "invalid SP_BOOTSTRAP_ORG_PLAN `{v}` (standard or premium)"
            ))
        }
    };
    let org_region = match env("SP_BOOTSTRAP_ORG_REGION").as_deref() {
        None | Some("americas") => Region::Americas,
        Some("emea") => Region::Emea,
        Some("apac") => Region::Apac,
        Some("japan") => Region::Japan,
        Some(v) => return Err(format!("invalid SP_BOOTSTRAP_ORG_REGION `{v}`")),
    };
    Ok(Some(Bootstrap {
        admin_email: email.trim().to_lowercase(),
        admin_password: Secret(password),
        admin_name: env("SP_BOOTSTRAP_ADMIN_NAME")
            .unwrap_or_else(|| "Support System Administrator".into()),
        org_name: env("SP_BOOTSTRAP_ORG_NAME").unwrap_or_else(|| "My organisation".into()),
        org_plan,
        org_region,
    }))
}
