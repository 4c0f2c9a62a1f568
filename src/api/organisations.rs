//! The organisations area: a person who belongs to several organisations moves their session
//! to another of them (the header's switcher, or the host's console).

use super::core::Http;
use super::ApiFuture;
use support_contract::{OrganisationSwitch, Session};

/// What the app asks of the backend about the person's organisations.
pub trait OrganisationsApi: Send + Sync {
    /// `PUT /session/organisation`: the session moves to the person's account in
    /// `organisation`, and the answer is the session there.
    fn switch_organisation(&self, organisation: String) -> ApiFuture<Session>;
}

impl OrganisationsApi for Http {
    fn switch_organisation(&self, organisation: String) -> ApiFuture<Session> {
        self.put("/session/organisation")
            .json(&OrganisationSwitch { organisation })
            .fetch()
    }
}
