//! The backend behind one trait, its HTTP implementation, and the typed error.
//!
//! Components reach the backend only through `use_backend()`; tests provide a fake.

mod chat_stream;
mod config;
mod error;
mod http;
pub mod local_store;
mod persisted;
mod portal;
mod xhr;

pub use chat_stream::{ChatStream, LinkState};
pub use config::{
    in_app_path, load_runtime_config, provide_runtime_config, use_runtime_config, RuntimeConfig,
};
pub use error::{field_error_key, ApiError};
pub use http::{with_query, HttpBackend};
pub use persisted::use_persisted;
pub use portal::{provide_portal, use_portal, PortalResource};

use crate::domain::{CaseQuery, ListParams};
use leptos::prelude::*;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use support_contract::callbacks::{Callback as CallbackRequest, NewCallback};
use support_contract::cases::{
    Attachment, CallRequest, Case, CaseSummary, HelpSuggestion, NewCase, NewComment, Person,
    ThreadEntry, UrgencyChange,
};
use support_contract::chat::{
    Chat, ChatAvailability, ChatMessage, ChatRating, NewChat, NewChatMessage,
};
use support_contract::users::{
    AcceptInvitation, AuditEntry, ImportReport, Invitation, NewSupportUser, ReviewRecord,
    ReviewRequest, SupportUserCounts,
};
use support_contract::{
    Page, PortalConfig, ProfileUpdate, Role, Session, SignInRequest, SupportContact, SupportUser,
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
    fn support_users(&self, query: ListParams) -> ApiFuture<'_, Page<SupportUser>>;
    /// `GET /support-users/counts`.
    fn support_user_counts(&self) -> ApiFuture<'_, SupportUserCounts>;
    /// `GET /support-users/{id}`.
    fn support_user(&self, id: String) -> ApiFuture<'_, SupportUser>;
    /// `GET /support-users/{id}/reviews`, newest first.
    fn support_user_reviews(&self, id: String) -> ApiFuture<'_, Vec<ReviewRecord>>;
    /// `POST /support-users`: the backend sends the invitation.
    fn create_support_user(&self, user: NewSupportUser) -> ApiFuture<'_, SupportUser>;
    /// `PUT /support-users/{id}/role` with `If-Match`.
    fn change_role(&self, id: String, version: i64, role: Role) -> ApiFuture<'_, SupportUser>;
    /// `DELETE /support-users/{id}` with `If-Match`.
    fn remove_support_user(&self, id: String, version: i64) -> ApiFuture<'_, SupportUser>;
    /// `POST /support-users/reviews`: one decision for several users, all or nothing.
    fn review_support_users(&self, request: ReviewRequest) -> ApiFuture<'_, Vec<SupportUser>>;
    /// `POST /support-users/import`: a CSV file, checked only (`dry_run`) or imported.
    fn import_support_users(
        &self,
        file: web_sys::File,
        dry_run: bool,
        progress: Callback<f64>,
    ) -> ApiFuture<'_, ImportReport>;
    /// `GET /audit-log`.
    fn audit_log(&self, query: ListParams) -> ApiFuture<'_, Page<AuditEntry>>;
    /// The address of `GET /audit-log/export` for a download link.
    fn audit_log_export_url(&self, query: &ListParams, semicolon: bool) -> String;
    /// `POST /invitations/inspect`.
    fn inspect_invitation(&self, token: String) -> ApiFuture<'_, Invitation>;
    /// `POST /invitations/accept`.
    fn accept_invitation(&self, accept: AcceptInvitation) -> ApiFuture<'_, ()>;
    /// `GET /chat/availability`: per product, whether chat is offered now and why not.
    fn chat_availability(&self) -> ApiFuture<'_, Vec<ChatAvailability>>;
    /// `POST /chats`: joins the queue (or returns the chat already open).
    fn start_chat(&self, chat: NewChat) -> ApiFuture<'_, Chat>;
    /// `GET /chats`: the user's chats, newest first.
    fn chats(&self) -> ApiFuture<'_, Vec<Chat>>;
    /// `GET /chats/{id}`.
    fn chat(&self, id: String) -> ApiFuture<'_, Chat>;
    /// `GET /chats/{id}/messages?after=`.
    fn chat_messages(&self, id: String, after: i64) -> ApiFuture<'_, Vec<ChatMessage>>;
    /// `POST /chats/{id}/messages`: idempotent by the message's client id.
    fn send_chat_message(&self, id: String, message: NewChatMessage) -> ApiFuture<'_, ChatMessage>;
    /// `POST /chats/{id}/end`.
    fn end_chat(&self, id: String) -> ApiFuture<'_, Chat>;
    /// `PUT /chats/{id}/rating`.
    fn rate_chat(&self, id: String, rating: ChatRating) -> ApiFuture<'_, Chat>;
    /// `POST /chats/{id}/case`: files a case holding the transcript.
    fn chat_to_case(&self, id: String) -> ApiFuture<'_, Case>;
    /// The address of a chat's transcript download (`json`: the JSON form, else plain text).
    fn chat_transcript_url(&self, id: &str, json: bool) -> String;
    /// The WebSocket address of a chat's stream, resuming after `after`.
    fn chat_stream_url(&self, id: &str, after: i64) -> String;
    /// `POST /callbacks`: asks support to phone the user.
    fn request_callback(&self, request: NewCallback) -> ApiFuture<'_, CallbackRequest>;
    /// `GET /callbacks`: the user's callback requests, newest first.
    fn callbacks(&self) -> ApiFuture<'_, Vec<CallbackRequest>>;
    /// `GET /cases`, one page of the view `query` describes.
    fn list_cases(&self, query: CaseQuery) -> ApiFuture<'_, Page<CaseSummary>>;
    /// `GET /cases/{id}`.
    fn case(&self, id: String) -> ApiFuture<'_, Case>;
    /// `GET /cases/{id}/thread`, the entries after `after` (all when `None`).
    fn case_thread(&self, id: String, after: Option<i64>) -> ApiFuture<'_, Vec<ThreadEntry>>;
    /// `POST /cases`; the same `idempotency_key` never files a second case.
    fn file_case(&self, case: NewCase, idempotency_key: String) -> ApiFuture<'_, Case>;
    /// `POST /cases/{id}/comments`.
    fn comment(&self, id: String, comment: NewComment) -> ApiFuture<'_, ThreadEntry>;
    /// `POST /cases/{id}/close`, refused with `Conflict` when the case changed since `version`.
    fn close_case(&self, id: String, version: i64) -> ApiFuture<'_, Case>;
    /// `POST /cases/{id}/reopen`, refused with `Conflict` when the case changed since `version`.
    fn reopen_case(&self, id: String, version: i64) -> ApiFuture<'_, Case>;
    /// `POST /cases/{id}/urgency`.
    fn request_urgency(
        &self,
        id: String,
        version: i64,
        change: UrgencyChange,
    ) -> ApiFuture<'_, Case>;
    /// `POST /cases/{id}/call-requests`.
    fn request_call(&self, id: String, request: CallRequest) -> ApiFuture<'_, ThreadEntry>;
    /// `GET /organisation/members`: who can watch a case.
    fn organisation_members(&self) -> ApiFuture<'_, Vec<Person>>;
    /// `GET /help/suggestions?q=`: help articles related to what the user types.
    /// Help articles for what a case says so far, optionally of one product only.
    fn help_suggestions(
        &self,
        q: String,
        product: Option<support_contract::Product>,
    ) -> ApiFuture<'_, Vec<HelpSuggestion>>;
    /// `POST /attachments`: uploads a file, telling `progress` the share sent so far (0..=1).
    fn upload_attachment(
        &self,
        file: web_sys::File,
        media_type: String,
        progress: Callback<f64>,
    ) -> ApiFuture<'_, Attachment>;
}

/// Uploads through the backend in context, for the attachment picker.
pub fn use_attachment_upload() -> crate::components::Upload {
    let backend = use_backend();
    Callback::new(
        move |(file, kind, progress): (web_sys::File, String, Callback<f64>)| {
            let backend = backend.clone();
            Box::pin(async move { backend.upload_attachment(file, kind, progress).await })
                as ApiFuture<'static, Attachment>
        },
    )
}

/// The backend's attachment limits, from the portal configuration (none until it has loaded).
pub fn use_attachment_rules() -> Signal<support_contract::AttachmentRules> {
    let portal = use_portal();
    Signal::derive(move || {
        portal
            .get()
            .and_then(|r| r.ok())
            .map(|p| p.attachments)
            .unwrap_or_default()
    })
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
