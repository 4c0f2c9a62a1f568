//! The only place that speaks HTTP: base URL, cookies, JSON, and status codes to `ApiError`.

use super::xhr::xhr_upload;
use super::{ApiError, ApiFuture, Backend};
use crate::domain::{wire_name, CaseQuery, ListParams};
use gloo_net::http::{Request, RequestBuilder, Response};
use leptos::prelude::*;
use serde::de::DeserializeOwned;
use serde::Serialize;
use support_contract::callbacks::{Callback as CallbackRequest, NewCallback};
use support_contract::cases::{
    Attachment, CallRequest, Case, CaseSummary, HelpSuggestion, NewCase, NewComment, Person,
    ThreadEntry, UrgencyChange,
};
use support_contract::chat::{
    Chat, ChatAvailability, ChatMessage, ChatRating, NewChat, NewChatMessage,
};
use support_contract::users::{
    AcceptInvitation, AuditEntry, ImportReport, Invitation, InvitationToken, NewSupportUser,
    ReviewRecord, ReviewRequest, RoleChange, SupportUserCounts,
};
use support_contract::{
    Page, PortalConfig, Problem, Product, ProfileUpdate, Role, Session, SignInRequest,
    SupportContact, SupportUser,
};
use web_sys::RequestCredentials;

/// The contract over `fetch`. The session is an `HttpOnly` cookie the browser sends itself, so
/// no token ever lives in this code or in web storage.
pub struct HttpBackend {
    base: String,
    /// Told when a signed-in request comes back 401, so the app can ask to sign in again.
    on_unauthorized: Callback<()>,
}

impl HttpBackend {
    pub fn new(base: impl Into<String>, on_unauthorized: Callback<()>) -> Self {
        HttpBackend {
            base: base.into().trim_end_matches('/').to_string(),
            on_unauthorized,
        }
    }

    fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }

    fn prepare(&self, builder: RequestBuilder) -> RequestBuilder {
        builder
            .credentials(RequestCredentials::Include)
            .header("Accept", "application/json, application/problem+json")
    }

    /// Sends a request and decodes a JSON body; `expect_session` marks calls made while signed
    /// in, whose 401 means the session ended under the user.
    async fn send<T: DeserializeOwned>(
        &self,
        request: Result<Request, gloo_net::Error>,
        expect_session: bool,
    ) -> Result<T, ApiError> {
        let response = self.exchange(request, expect_session).await?;
        response.json::<T>().await.map_err(|_| ApiError::Decode)
    }

    async fn exchange(
        &self,
        request: Result<Request, gloo_net::Error>,
        expect_session: bool,
    ) -> Result<Response, ApiError> {
        let request = request.map_err(|_| ApiError::Decode)?;
        let response = request.send().await.map_err(|_| ApiError::Network)?;
        if response.ok() {
            return Ok(response);
        }
        let status = response.status();
        let problem = response.json::<Problem>().await.ok();
        let error = ApiError::from_response(status, problem);
        if expect_session && error == ApiError::Unauthorized {
            self.on_unauthorized.run(());
        }
        Err(error)
    }

    fn get(&self, path: &str) -> Result<Request, gloo_net::Error> {
        self.prepare(Request::get(&self.url(path))).build()
    }

    fn post_json<B: Serialize>(
        &self,
        path: &str,
        headers: &[(&str, String)],
        body: &B,
    ) -> Result<Request, gloo_net::Error> {
        let mut builder = Request::post(&self.url(path));
        for (name, value) in headers {
            builder = builder.header(name, value);
        }
        self.with_json(builder, body)
    }

    /// Sends a file with upload progress and decodes the JSON answer.
    async fn upload<T: DeserializeOwned>(
        &self,
        path: &str,
        file: &web_sys::File,
        headers: &[(&str, String)],
        progress: Callback<f64>,
    ) -> Result<T, ApiError> {
        let (status, body) = xhr_upload(&self.url(path), file, headers, progress).await?;
        if (200..300).contains(&status) {
            return serde_json::from_str(&body).map_err(|_| ApiError::Decode);
        }
        let error = ApiError::from_response(status, serde_json::from_str::<Problem>(&body).ok());
        if error == ApiError::Unauthorized {
            self.on_unauthorized.run(());
        }
        Err(error)
    }

    fn with_json<B: Serialize>(
        &self,
        builder: RequestBuilder,
        body: &B,
    ) -> Result<Request, gloo_net::Error> {
        self.prepare(builder).json(body)
    }
}

impl Backend for HttpBackend {
    fn session(&self) -> ApiFuture<'_, Session> {
        Box::pin(self.send(self.get("/session"), false))
    }

    fn sign_in(&self, request: SignInRequest) -> ApiFuture<'_, Session> {
        Box::pin(async move {
            let req = self.with_json(Request::post(&self.url("/session")), &request);
            self.send(req, false).await
        })
    }

    fn sign_out(&self) -> ApiFuture<'_, ()> {
        Box::pin(async move {
            let req = self.prepare(Request::delete(&self.url("/session"))).build();
            self.exchange(req, false).await.map(|_| ())
        })
    }

    fn update_profile(&self, update: ProfileUpdate) -> ApiFuture<'_, Session> {
        Box::pin(async move {
            let req = self.with_json(Request::patch(&self.url("/profile")), &update);
            self.send(req, true).await
        })
    }

    fn portal(&self) -> ApiFuture<'_, PortalConfig> {
        Box::pin(self.send(self.get("/portal"), false))
    }

    fn support_contacts(&self) -> ApiFuture<'_, Vec<SupportContact>> {
        Box::pin(self.send(self.get("/support-contacts"), true))
    }

    fn support_users(&self, query: ListParams) -> ApiFuture<'_, Page<SupportUser>> {
        let path = with_query("/support-users", &query.to_params());
        Box::pin(async move { self.send(self.get(&path), true).await })
    }

    fn support_user_counts(&self) -> ApiFuture<'_, SupportUserCounts> {
        Box::pin(self.send(self.get("/support-users/counts"), true))
    }

    fn support_user(&self, id: String) -> ApiFuture<'_, SupportUser> {
        let path = format!("/support-users/{}", encode(&id));
        Box::pin(async move { self.send(self.get(&path), true).await })
    }

    fn support_user_reviews(&self, id: String) -> ApiFuture<'_, Vec<ReviewRecord>> {
        let path = format!("/support-users/{}/reviews", encode(&id));
        Box::pin(async move { self.send(self.get(&path), true).await })
    }

    fn create_support_user(&self, user: NewSupportUser) -> ApiFuture<'_, SupportUser> {
        Box::pin(async move {
            let req = self.post_json("/support-users", &[], &user);
            self.send(req, true).await
        })
    }

    fn change_role(&self, id: String, version: i64, role: Role) -> ApiFuture<'_, SupportUser> {
        Box::pin(async move {
            let url = self.url(&format!("/support-users/{}/role", encode(&id)));
            let (name, value) = if_match(version);
            let req = self.with_json(
                Request::put(&url).header(name, &value),
                &RoleChange { role },
            );
            self.send(req, true).await
        })
    }

    fn remove_support_user(&self, id: String, version: i64) -> ApiFuture<'_, SupportUser> {
        Box::pin(async move {
            let url = self.url(&format!("/support-users/{}", encode(&id)));
            let (name, value) = if_match(version);
            let req = self
                .prepare(Request::delete(&url).header(name, &value))
                .build();
            self.send(req, true).await
        })
    }

    fn review_support_users(&self, request: ReviewRequest) -> ApiFuture<'_, Vec<SupportUser>> {
        Box::pin(async move {
            let req = self.post_json("/support-users/reviews", &[], &request);
            self.send(req, true).await
        })
    }

    fn import_support_users(
        &self,
        file: web_sys::File,
        dry_run: bool,
        progress: Callback<f64>,
    ) -> ApiFuture<'_, ImportReport> {
        Box::pin(async move {
            let path = format!("/support-users/import?dry_run={dry_run}");
            let headers = [("Content-Type", "text/csv".to_string())];
            self.upload(&path, &file, &headers, progress).await
        })
    }

    fn audit_log(&self, query: ListParams) -> ApiFuture<'_, Page<AuditEntry>> {
        let path = with_query("/audit-log", &query.to_params());
        Box::pin(async move { self.send(self.get(&path), true).await })
    }

    fn audit_log_export_url(&self, query: &ListParams, semicolon: bool) -> String {
        let mut params = query.with(crate::domain::CURSOR, "").to_params();
        if semicolon {
            params.push(("separator", "semicolon".into()));
        }
        self.url(&with_query("/audit-log/export", &params))
    }

    fn inspect_invitation(&self, token: String) -> ApiFuture<'_, Invitation> {
        Box::pin(async move {
            let req = self.post_json("/invitations/inspect", &[], &InvitationToken { token });
            self.send(req, false).await
        })
    }

    fn accept_invitation(&self, accept: AcceptInvitation) -> ApiFuture<'_, ()> {
        Box::pin(async move {
            let req = self.post_json("/invitations/accept", &[], &accept);
            self.exchange(req, false).await.map(|_| ())
        })
    }

    fn chat_availability(&self) -> ApiFuture<'_, Vec<ChatAvailability>> {
        Box::pin(self.send(self.get("/chat/availability"), true))
    }

    fn start_chat(&self, chat: NewChat) -> ApiFuture<'_, Chat> {
        Box::pin(async move { self.send(self.post_json("/chats", &[], &chat), true).await })
    }

    fn chats(&self) -> ApiFuture<'_, Vec<Chat>> {
        Box::pin(self.send(self.get("/chats"), true))
    }

    fn chat(&self, id: String) -> ApiFuture<'_, Chat> {
        let path = format!("/chats/{}", encode(&id));
        Box::pin(async move { self.send(self.get(&path), true).await })
    }

    fn chat_messages(&self, id: String, after: i64) -> ApiFuture<'_, Vec<ChatMessage>> {
        let path = format!("/chats/{}/messages?after={after}", encode(&id));
        Box::pin(async move { self.send(self.get(&path), true).await })
    }

    fn send_chat_message(&self, id: String, message: NewChatMessage) -> ApiFuture<'_, ChatMessage> {
        let path = format!("/chats/{}/messages", encode(&id));
        Box::pin(async move { self.send(self.post_json(&path, &[], &message), true).await })
    }

    fn end_chat(&self, id: String) -> ApiFuture<'_, Chat> {
        let path = format!("/chats/{}/end", encode(&id));
        Box::pin(async move { self.send(self.post_json(&path, &[], &()), true).await })
    }

    fn rate_chat(&self, id: String, rating: ChatRating) -> ApiFuture<'_, Chat> {
        Box::pin(async move {
            let url = self.url(&format!("/chats/{}/rating", encode(&id)));
            self.send(self.with_json(Request::put(&url), &rating), true)
                .await
        })
    }

    fn chat_to_case(&self, id: String) -> ApiFuture<'_, Case> {
        let path = format!("/chats/{}/case", encode(&id));
        Box::pin(async move { self.send(self.post_json(&path, &[], &()), true).await })
    }

    fn chat_transcript_url(&self, id: &str, json: bool) -> String {
        let format = if json { "json" } else { "text" };
        self.url(&format!("/chats/{}/transcript?format={format}", encode(id)))
    }

    fn request_callback(&self, request: NewCallback) -> ApiFuture<'_, CallbackRequest> {
        Box::pin(async move {
            self.send(self.post_json("/callbacks", &[], &request), true)
                .await
        })
    }

    fn callbacks(&self) -> ApiFuture<'_, Vec<CallbackRequest>> {
        Box::pin(self.send(self.get("/callbacks"), true))
    }

    fn chat_stream_url(&self, id: &str, after: i64) -> String {
        let path = self.url(&format!("/chats/{}/stream?after={after}", encode(id)));
        websocket_url(&path)
    }

    fn list_cases(&self, query: CaseQuery) -> ApiFuture<'_, Page<CaseSummary>> {
        let path = with_query("/cases", &query.to_params());
        Box::pin(async move { self.send(self.get(&path), true).await })
    }

    fn case(&self, id: String) -> ApiFuture<'_, Case> {
        Box::pin(async move {
            self.send(self.get(&format!("/cases/{}", encode(&id))), true)
                .await
        })
    }

    fn case_thread(&self, id: String, after: Option<i64>) -> ApiFuture<'_, Vec<ThreadEntry>> {
        let after = after.map(|a| format!("?after={a}")).unwrap_or_default();
        Box::pin(async move {
            self.send(
                self.get(&format!("/cases/{}/thread{after}", encode(&id))),
                true,
            )
            .await
        })
    }

    fn file_case(&self, case: NewCase, idempotency_key: String) -> ApiFuture<'_, Case> {
        Box::pin(async move {
            let req = self.post_json("/cases", &[("Idempotency-Key", idempotency_key)], &case);
            self.send(req, true).await
        })
    }

    fn comment(&self, id: String, comment: NewComment) -> ApiFuture<'_, ThreadEntry> {
        Box::pin(async move {
            let req = self.post_json(&format!("/cases/{}/comments", encode(&id)), &[], &comment);
            self.send(req, true).await
        })
    }

    fn close_case(&self, id: String, version: i64) -> ApiFuture<'_, Case> {
        Box::pin(async move {
            let req = self.post_json(
                &format!("/cases/{}/close", encode(&id)),
                &[if_match(version)],
                &(),
            );
            self.send(req, true).await
        })
    }

    fn reopen_case(&self, id: String, version: i64) -> ApiFuture<'_, Case> {
        Box::pin(async move {
            let req = self.post_json(
                &format!("/cases/{}/reopen", encode(&id)),
                &[if_match(version)],
                &(),
            );
            self.send(req, true).await
        })
    }

    fn request_urgency(
        &self,
        id: String,
        version: i64,
        change: UrgencyChange,
    ) -> ApiFuture<'_, Case> {
        Box::pin(async move {
            let req = self.post_json(
                &format!("/cases/{}/urgency", encode(&id)),
                &[if_match(version)],
                &change,
            );
            self.send(req, true).await
        })
    }

    fn request_call(&self, id: String, request: CallRequest) -> ApiFuture<'_, ThreadEntry> {
        Box::pin(async move {
            let req = self.post_json(
                &format!("/cases/{}/call-requests", encode(&id)),
                &[],
                &request,
            );
            self.send(req, true).await
        })
    }

    fn organisation_members(&self) -> ApiFuture<'_, Vec<Person>> {
        Box::pin(self.send(self.get("/organisation/members"), true))
    }

    fn help_suggestions(
        &self,
        q: String,
        product: Option<Product>,
    ) -> ApiFuture<'_, Vec<HelpSuggestion>> {
        Box::pin(async move {
            let mut path = format!("/help/suggestions?q={}", encode(&q));
            if let Some(p) = product {
                path.push_str(&format!("&product={}", wire_name(p)));
            }
            self.send(self.get(&path), true).await
        })
    }

    fn upload_attachment(
        &self,
        file: web_sys::File,
        media_type: String,
        progress: Callback<f64>,
    ) -> ApiFuture<'_, Attachment> {
        Box::pin(async move {
            let headers = [
                ("Content-Type", media_type),
                ("X-File-Name", encode(&file.name())),
            ];
            self.upload("/attachments", &file, &headers, progress).await
        })
    }
}

/// The `ws:` / `wss:` address of an API address, which may be relative to the page.
fn websocket_url(http: &str) -> String {
    if let Some(rest) = http.strip_prefix("https://") {
        return format!("wss://{rest}");
    }
    if let Some(rest) = http.strip_prefix("http://") {
        return format!("ws://{rest}");
    }
    let location = web_sys::window().map(|w| w.location());
    let secure = location
        .as_ref()
        .and_then(|l| l.protocol().ok())
        .is_some_and(|p| p == "https:");
    let host = location.and_then(|l| l.host().ok()).unwrap_or_default();
    format!("{}://{host}{http}", if secure { "wss" } else { "ws" })
}

/// `path` with its query parameters, percent-encoded; without `?` when there are none.
pub fn with_query(path: &str, params: &[(&'static str, String)]) -> String {
    let params: Vec<String> = params
        .iter()
        .map(|(k, v)| format!("{k}={}", encode(v)))
        .collect();
    if params.is_empty() {
        path.to_string()
    } else {
        format!("{path}?{}", params.join("&"))
    }
}

/// A path or query component, percent-encoded.
fn encode(s: &str) -> String {
    js_sys::encode_uri_component(s).into()
}

/// The `If-Match` header for an edit based on `version` (the case's `ETag`).
fn if_match(version: i64) -> (&'static str, String) {
    ("If-Match", format!("\"{version}\""))
}
