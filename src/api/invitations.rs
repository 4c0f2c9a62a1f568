//! Invitations: what the set-password page asks. An area of its own, so that its calls travel
//! with that page's chunk instead of the first load.

use super::core::Http;
use super::ApiFuture;
use support_contract::users::{AcceptInvitation, Invitation, InvitationToken};

/// What the app asks of the backend about an invitation link.
pub trait InvitationsApi: Send + Sync {
    /// `POST /invitations/inspect`.
    fn inspect_invitation(&self, token: String) -> ApiFuture<Invitation>;
    /// `POST /invitations/accept`.
    fn accept_invitation(&self, accept: AcceptInvitation) -> ApiFuture<()>;
}

impl InvitationsApi for Http {
    fn inspect_invitation(&self, token: String) -> ApiFuture<Invitation> {
        let body = InvitationToken { token };
        self.post("/invitations/inspect")
            .public()
            .json(&body)
            .fetch()
    }

    fn accept_invitation(&self, accept: AcceptInvitation) -> ApiFuture<()> {
        self.post("/invitations/accept")
            .public()
            .json(&accept)
            .send()
    }
}
