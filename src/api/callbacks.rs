//! The callbacks area: asking support to phone, and the requests made so far.

use super::core::Http;
use super::ApiFuture;
use support_contract::callbacks::{Callback as CallbackRequest, NewCallback};

/// What the app asks of the backend about callback requests.
pub trait CallbacksApi: Send + Sync {
    /// `POST /callbacks`: asks support to phone the user.
    fn request_callback(&self, request: NewCallback) -> ApiFuture<CallbackRequest>;
    /// `GET /callbacks`: the user's callback requests, newest first.
    fn callbacks(&self) -> ApiFuture<Vec<CallbackRequest>>;
}

impl CallbacksApi for Http {
    fn request_callback(&self, request: NewCallback) -> ApiFuture<CallbackRequest> {
        self.post("/callbacks").json(&request).fetch()
    }

    fn callbacks(&self) -> ApiFuture<Vec<CallbackRequest>> {
        self.get("/callbacks").fetch()
    }
}
