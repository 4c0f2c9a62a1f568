//! The backend behind one trait, its HTTP implementation, and the typed error.
//!
//! Components reach the backend only through `use_backend()`; tests provide a fake.

mod config;
mod error;
mod http;
mod portal;

pub use config::{
    in_app_path, load_runtime_config, provide_runtime_config, use_runtime_config, RuntimeConfig,
};
pub use error::{field_error_key, ApiError};
pub use http::HttpBackend;
pub use portal::{provide_portal, use_portal, PortalResource};

use leptos::prelude::*;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use support_contract::{
    Page, PortalConfig, ProfileUpdate, Session, SignInRequest, SupportContact, SupportUser,
};

/// A browser future (not `Send`) yielding an API result.
pub type ApiFuture<'a, T> = Pin<Box<dyn Future<Output = Result<T, ApiError>> + 'a>>;

/// Everything the app asks of its backend. One method per contract operation.
pub trait Backend: Send + Sync {
    /// `GET /session`: the signed-in user, or `Unauthorized`.
    fn session(&self) -> ApiFuture<'_, Session>;
    /// `POST /session`.
    fn sign_in(&self, request: SignInRequest) -> ApiFuture<'_, Session>;
    /// `DELETE /session`.
    fn sign_out(&self) -> ApiFuture<'_, ()>;
    /// `PATCH /profile`.
    fn update_profile(&self, update: ProfileUpdate) -> ApiFuture<'_, Session>;
    /// `GET /portal`.
    fn portal(&self) -> ApiFuture<'_, PortalConfig>;
    /// `GET /support-contacts`.
    fn support_contacts(&self) -> ApiFuture<'_, Vec<SupportContact>>;
    /// `GET /support-users`, one page.
    fn support_users(&self, cursor: Option<String>) -> ApiFuture<'_, Page<SupportUser>>;
}

/// The backend handle in context.
#[derive(Clone)]
pub struct BackendHandle(pub Arc<dyn Backend>);

/// Makes `backend` available to every component below.
pub fn provide_backend(backend: Arc<dyn Backend>) {
    provide_context(BackendHandle(backend));
}

/// The backend. Panics outside `provide_backend`, which is a programming error.
pub fn use_backend() -> Arc<dyn Backend> {
    expect_context::<BackendHandle>().0
}
