//! The session area: signing in and out, and the profile (invitations are `invitations.rs`; the
//! portal's configuration and whom to ask for access, `portal.rs`).

use super::core::Http;
use super::ApiFuture;
use support_contract::{HandoffRequest, ProfileUpdate, Session, SignInRequest};

/// What the app asks of the backend about who is signed in.
pub trait SessionApi: Send + Sync {
    /// `GET /session`: the signed-in user, or `Unauthorized`.
    fn session(&self) -> ApiFuture<Session>;
    /// `POST /session`.
    fn sign_in(&self, request: SignInRequest) -> ApiFuture<Session>;
    /// `DELETE /session`.
    fn sign_out(&self) -> ApiFuture<()>;
    /// `POST /session/handoff`: a host's single-use token for its signed-in user, in exchange
    /// for the session cookie. The token travels in the body, never in a URL.
    fn handoff(&self, token: String) -> ApiFuture<Session>;
    /// `PATCH /profile`.
    fn update_profile(&self, update: ProfileUpdate) -> ApiFuture<Session>;
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

    fn handoff(&self, token: String) -> ApiFuture<Session> {
        self.post("/session/handoff")
            .public()
            .json(&HandoffRequest { token })
            .fetch()
    }

    fn update_profile(&self, update: ProfileUpdate) -> ApiFuture<Session> {
        self.patch("/profile").json(&update).fetch()
    }
}
