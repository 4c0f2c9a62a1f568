//! The session area: signing in and out, the profile, the portal's public configuration, and
//! who the support administrators are (invitations are `invitations.rs`).

use super::core::Http;
use super::ApiFuture;
use support_contract::{PortalConfig, ProfileUpdate, Session, SignInRequest, SupportContact};

/// What the app asks of the backend about who is signed in and how the portal is set up.
pub trait SessionApi: Send + Sync {
    /// `GET /session`: the signed-in user, or `Unauthorized`.
    fn session(&self) -> ApiFuture<Session>;
    /// `POST /session`.
    fn sign_in(&self, request: SignInRequest) -> ApiFuture<Session>;
    /// `DELETE /session`.
    fn sign_out(&self) -> ApiFuture<()>;
    /// `PATCH /profile`.
    fn update_profile(&self, update: ProfileUpdate) -> ApiFuture<Session>;
    /// `GET /portal`: phase, products and channels, phones, the role table.
    fn portal(&self) -> ApiFuture<PortalConfig>;
    /// `GET /support-contacts`: whom a member asks for support access.
    fn support_contacts(&self) -> ApiFuture<Vec<SupportContact>>;
}

impl SessionApi for Http {
    fn session(&self) -> ApiFuture<Session> {
        self.get("/session").public().fetch()
    }

    fn sign_in(&self, request: SignInRequest) -> ApiFuture<Session> {
        self.post("/session").public().json(&request).fetch()
    }

    fn sign_out(&self) -> ApiFuture<()> {
        self.delete("/session").public().send()
    }

    fn update_profile(&self, update: ProfileUpdate) -> ApiFuture<Session> {
        self.patch("/profile").json(&update).fetch()
    }

    fn portal(&self) -> ApiFuture<PortalConfig> {
        self.get("/portal").public().fetch()
    }

    fn support_contacts(&self) -> ApiFuture<Vec<SupportContact>> {
        self.get("/support-contacts").fetch()
    }
}
