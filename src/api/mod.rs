//! The backend, one trait per area, each with its HTTP implementation over one shared core
//! (`core.rs`), and the typed error.
//!
//! An area (`cases.rs`, `chat.rs`, ...) is a trait of the calls its pages make and its
//! `impl .. for Http`. Components reach an area only through `use_api::<dyn CasesApi>()`: what
//! a test provided (`provide_api`, its fakes), else the area over the HTTP client the app
//! provided (`provide_http`). The area's implementation is made where it is first used, so it
//! travels in the chunk of the pages that use it, not in the first load.
//! A new area: a file with its trait and implementation, and its name in `areas!` below.

mod attachments;
mod callbacks;
mod cases;
mod chat;
mod config;
mod core;
mod download;
mod error;
mod forums;
mod help;
mod history;
mod home;
// The fuzzing of every answer type reads with serde_json: a host test.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod hostile;
mod invitations;
mod learning;
mod organisations;
mod people;
mod persisted;
mod portal;
mod retry;
mod session;
mod support_users;
mod xhr;

pub use attachments::{
    use_attachment_rules, use_attachment_upload, with_links, AttachmentsApi, Upload,
};
pub use callbacks::CallbacksApi;
pub use cases::CasesApi;
pub use chat::{ChatApi, NewCaseFromChat};
pub use config::{
    load_runtime_config, load_texts, provide_runtime_config, use_runtime_config, RuntimeConfig,
};
pub use core::Http;
pub use error::{field_error, ApiError};
pub use forums::ForumsApi;
pub use help::HelpApi;
pub use history::{HistoryApi, HistoryExport};
pub use home::HomeApi;
pub use invitations::InvitationsApi;
pub use learning::LearningApi;
pub use organisations::OrganisationsApi;
pub use people::PeopleApi;
pub use persisted::{use_persisted, Persisted};
pub use portal::{provide_portal, use_portal, use_products, PortalApi, PortalResource};
pub use session::SessionApi;
pub use support_client::local_store;
pub use support_client::random_id;
pub use support_client::{from_json, to_json};
pub use support_client::{ChatStream, LinkState};
pub use support_users::SupportUsersApi;

use leptos::prelude::*;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

/// A browser future (not `Send`) yielding an API result. It owns what it needs, so it may
/// outlive the component that started it.
pub type ApiFuture<T> = Pin<Box<dyn Future<Output = Result<T, ApiError>>>>;

/// An area of the backend in context.
struct ApiHandle<T: ?Sized>(Arc<T>);

impl<T: ?Sized> Clone for ApiHandle<T> {
    fn clone(&self) -> Self {
        ApiHandle(self.0.clone())
    }
}

/// Makes one area of the backend (`Arc<dyn CasesApi>`, ...) available to every component below.
pub fn provide_api<T: ?Sized + Send + Sync + 'static>(api: Arc<T>) {
    provide_context(ApiHandle(api));
}

/// An area of the backend that the HTTP client implements.
pub trait Area: Send + Sync + 'static {
    /// The area over `http`.
    fn over(http: Arc<Http>) -> Arc<Self>;
}

macro_rules! areas {
    ($($area:ident),*) => {$(
        impl Area for dyn $area {
            fn over(http: Arc<Http>) -> Arc<Self> {
                http
            }
        }
    )*};
}
areas!(
    SessionApi,
    InvitationsApi,
    CasesApi,
    AttachmentsApi,
    ChatApi,
    CallbacksApi,
    HistoryApi,
    SupportUsersApi,
    HelpApi,
    ForumsApi,
    HomeApi,
    LearningApi,
    PeopleApi,
    PortalApi,
    OrganisationsApi
);

/// An area of the backend: `use_api::<dyn CasesApi>()`, as provided (a test's fake), else over
/// the app's HTTP client. Panics where neither is there, which is a programming error.
pub fn use_api<T: ?Sized + Area>() -> Arc<T> {
    use_context::<ApiHandle<T>>()
        .map(|h| h.0)
        .unwrap_or_else(|| T::over(expect_context::<Arc<Http>>()))
}

/// Provides the HTTP client at `base` that every area goes through; `on_unauthorized` hears of
/// an ended session.
pub fn provide_http(base: &str, on_unauthorized: Callback<()>) {
    provide_context(Arc::new(Http::new(base, on_unauthorized)));
}
