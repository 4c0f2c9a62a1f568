//! The organisation's people, whom the case and history pages offer as requesters and watchers.
//! An area of its own, so that neither of those pages reaches into the other's.

use super::core::Http;
use super::ApiFuture;
use support_contract::cases::Person;

/// What the app asks of the backend about the organisation's members.
pub trait PeopleApi: Send + Sync {
    /// `GET /organisation/members`: who can watch a case, or have filed one.
    fn organisation_members(&self) -> ApiFuture<Vec<Person>>;
}

impl PeopleApi for Http {
    fn organisation_members(&self) -> ApiFuture<Vec<Person>> {
        self.get("/organisation/members").fetch()
    }
}
