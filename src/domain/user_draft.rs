//! The "add a support user" form (its fields are kept on the device as they are typed), and its
//! checks before sending.

use support_contract::users::{valid_email, NewSupportUser, NAME_MAX};
use support_contract::{FieldCode, Role};

/// What the administrator typed so far.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct UserDraft {
    pub email: String,
    pub name: String,
    pub role: Option<Role>,
}

impl UserDraft {
    /// The first problem of each field, as backend error codes (`field`, `code`).
    pub fn problems(&self) -> Vec<(&'static str, FieldCode)> {
        let mut out = Vec::new();
        let email = self.email.trim();
        if email.is_empty() {
            out.push(("email", FieldCode::Required));
        } else if !valid_email(email) {
            out.push(("email", FieldCode::InvalidEmail));
        }
        let name = self.name.trim();
        if name.is_empty() {
            out.push(("name", FieldCode::Required));
        } else if name.chars().count() > NAME_MAX {
            out.push(("name", FieldCode::TooLong));
        }
        if self.role.is_none() {
            out.push(("role", FieldCode::Required));
        }
        out
    }

    /// The request, when the draft has no problems.
    pub fn to_request(&self) -> Option<NewSupportUser> {
        if !self.problems().is_empty() {
            return None;
        }
        Some(NewSupportUser {
            email: self.email.trim().to_lowercase(),
            name: self.name.trim().to_string(),
            role: self.role?,
        })
    }

    /// The `Idempotency-Key` of sending this draft: `salt` (random, kept with the draft until a
    /// creation succeeds) and a hash of what the draft says, so that the same form sent again
    /// is the same request and a changed one is a new request.
    pub fn key(&self, salt: &str) -> String {
        use std::hash::{DefaultHasher, Hash, Hasher};
        let mut h = DefaultHasher::new();
        (self.email.trim(), self.name.trim(), self.role).hash(&mut h);
        format!("{salt}-{:016x}", h.finish())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_form_sent_again_is_the_same_request_and_a_changed_one_is_not() {
        let d = UserDraft {
            email: "kim@example.com".into(),
            name: "Kim".into(),
            role: Some(Role::CustomerSupportAdmin),
        };
        assert_eq!(d.key("s"), d.clone().key("s"));
        let renamed = UserDraft {
            name: "Kim Lee".into(),
            ..d.clone()
        };
        assert_ne!(d.key("s"), renamed.key("s"));
        assert_ne!(d.key("s"), d.key("t"));
    }

    #[test]
    fn a_draft_needs_a_valid_email_a_name_and_a_role() {
        let blank = UserDraft::default();
        assert_eq!(
            blank.problems(),
            vec![
                ("email", FieldCode::Required),
                ("name", FieldCode::Required),
                ("role", FieldCode::Required)
            ]
        );
        let d = UserDraft {
            email: " Ana@Example.com ".into(),
            name: " Ana Ruiz ".into(),
            role: Some(Role::CustomerSupportAdmin),
        };
        assert_eq!(
            d.to_request(),
            Some(NewSupportUser {
                email: "ana@example.com".into(),
                name: "Ana Ruiz".into(),
                role: Role::CustomerSupportAdmin
            })
        );
        let bad = UserDraft {
            email: "ana".into(),
            ..d
        };
        assert_eq!(bad.problems(), vec![("email", FieldCode::InvalidEmail)]);
        assert_eq!(bad.to_request(), None);
    }
}
