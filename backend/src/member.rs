//! The signed-in user as domain code sees them: a user of an organisation, without the session
//! that proved it. Stores and domain modules take this (or plain ids), never `auth`'s request
//! extractors, so that they can be called from anywhere: a handler, the demo agent, a test.

use support_contract::cases::Person;
use support_contract::users::AuditPerson;
use support_contract::{Organisation, User};

/// A user acting within their organisation.
#[derive(Clone, Copy, Debug)]
pub struct Member<'a> {
    /// Who acts.
    pub user: &'a User,
    /// Their organisation: what they touch is scoped to it.
    pub organisation: &'a Organisation,
}

impl Member<'_> {
    /// The user as a case or a chat names them.
    pub fn person(&self) -> Person {
        Person {
            id: self.user.id.clone(),
            name: self.user.name.clone(),
        }
    }

    /// The user as the audit log names them.
    pub fn audit_person(&self) -> AuditPerson {
        AuditPerson {
            id: self.user.id.clone(),
            name: self.user.name.clone(),
            email: self.user.email.clone(),
        }
    }
}
