//! The backend, one trait per area, each with its HTTP implementation over one shared core
//! (`core.rs`), and the typed error.
//!
//! An area (`cases.rs`, `chat.rs`, ...) is a trait of the calls its pages make and its
//! `impl .. for Http`. Components reach an area only through `use_api::<dyn CasesApi>()`; the
//! app provides every area over HTTP (`provide_http`), a test provides only the areas it uses.
//! A new area: a file with its trait and implementation, and one line in `provide_http`.

mod attachments;
mod callbacks;
mod cases;
mod chat;
mod chat_stream;
mod config;
mod core;
mod download;
mod error;
mod help;
mod history;
mod home;
mod learning;
pub mod local_store;
mod persisted;
mod portal;
mod session;
mod support_users;
mod xhr;

pub use attachments::{
    use_attachment_rules, use_attachment_upload, with_links, AttachmentsApi, Upload,
};
pub use callbacks::CallbacksApi;
pub use cases::CasesApi;
pub use chat::ChatApi;
pub use chat_stream::{ChatStream, LinkState};
pub use config::{
    in_app_path, load_runtime_config, provide_runtime_config, use_runtime_config, RuntimeConfig,
};
pub use core::Http;
pub use error::{field_error, ApiError};
pub use help::HelpApi;
pub use history::HistoryApi;
pub use home::HomeApi;
pub use learning::LearningApi;
pub use persisted::{use_persisted, Persisted};
pub use portal::{provide_portal, use_portal, use_products, PortalResource};
pub use session::SessionApi;
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

/// An area of the backend: `use_api::<dyn CasesApi>()`. Panics where no one provided it, which
/// is a programming error.
pub fn use_api<T: ?Sized + Send + Sync + 'static>() -> Arc<T> {
    expect_context::<ApiHandle<T>>().0
}

/// Provides every area over HTTP at `base`; `on_unauthorized` hears of an ended session.
pub fn provide_http(base: &str, on_unauthorized: Callback<()>) {
    let http = Arc::new(Http::new(base, on_unauthorized));
    provide_api::<dyn SessionApi>(http.clone());
    provide_api::<dyn CasesApi>(http.clone());
    provide_api::<dyn AttachmentsApi>(http.clone());
    provide_api::<dyn ChatApi>(http.clone());
    provide_api::<dyn CallbacksApi>(http.clone());
    provide_api::<dyn HistoryApi>(http.clone());
    provide_api::<dyn SupportUsersApi>(http.clone());
    provide_api::<dyn HelpApi>(http.clone());
    provide_api::<dyn HomeApi>(http.clone());
    provide_api::<dyn LearningApi>(http);
}

/// A fresh random id (a version-4 UUID) for idempotency keys and chat message ids.
/// `crypto.getRandomValues`, unlike `crypto.randomUUID`, also works on a plain-http origin
/// other than localhost (an intranet host serving the portal without TLS).
pub fn random_id() -> String {
    let mut bytes = [0u8; 16];
    let filled = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .is_some_and(|c| c.get_random_values_with_u8_array(&mut bytes).is_ok());
    if !filled {
        for b in bytes.iter_mut() {
            *b = (js_sys::Math::random() * 256.0) as u8;
        }
    }
    crate::domain::uuid_v4(bytes)
}
