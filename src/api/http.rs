//! The only place that speaks HTTP: base URL, cookies, JSON, and status codes to `ApiError`.

use super::{ApiError, ApiFuture, Backend};
use crate::domain::CaseQuery;
use gloo_net::http::{Request, RequestBuilder, Response};
use leptos::prelude::*;
use serde::de::DeserializeOwned;
use serde::Serialize;
use support_contract::cases::{
    Attachment, CallRequest, Case, CaseSummary, HelpSuggestion, NewCase, NewComment, Person,
    ThreadEntry, UrgencyChange,
};
use support_contract::{
    Page, PortalConfig, Problem, ProfileUpdate, Session, SignInRequest, SupportContact, SupportUser,
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

    fn support_users(&self, cursor: Option<String>) -> ApiFuture<'_, Page<SupportUser>> {
        let path = match cursor {
            Some(c) => format!("/support-users?cursor={}", encode(&c)),
            None => "/support-users".to_string(),
        };
        Box::pin(async move { self.send(self.get(&path), true).await })
    }

    fn list_cases(&self, query: CaseQuery) -> ApiFuture<'_, Page<CaseSummary>> {
        let params: Vec<String> = query
            .to_params()
            .into_iter()
            .map(|(k, v)| format!("{k}={}", encode(&v)))
            .collect();
        let path = if params.is_empty() {
            "/cases".to_string()
        } else {
            format!("/cases?{}", params.join("&"))
        };
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

    fn help_suggestions(&self, q: String) -> ApiFuture<'_, Vec<HelpSuggestion>> {
        Box::pin(async move {
            self.send(
                self.get(&format!("/help/suggestions?q={}", encode(&q))),
                true,
            )
            .await
        })
    }

    fn upload_attachment(
        &self,
        file: web_sys::File,
        media_type: String,
        progress: Callback<f64>,
    ) -> ApiFuture<'_, Attachment> {
        Box::pin(async move {
            let (status, body) =
                xhr_upload(&self.url("/attachments"), &file, &media_type, progress).await?;
            if (200..300).contains(&status) {
                return serde_json::from_str(&body).map_err(|_| ApiError::Decode);
            }
            let error =
                ApiError::from_response(status, serde_json::from_str::<Problem>(&body).ok());
            if error == ApiError::Unauthorized {
                self.on_unauthorized.run(());
            }
            Err(error)
        })
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

/// Sends a file with `XMLHttpRequest`, the one browser API that reports upload progress.
/// Returns the status and body, or `Network` when no answer came.
async fn xhr_upload(
    url: &str,
    file: &web_sys::File,
    media_type: &str,
    progress: Callback<f64>,
) -> Result<(u16, String), ApiError> {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    let network = |_| ApiError::Network;
    let xhr = web_sys::XmlHttpRequest::new().map_err(network)?;
    xhr.open("POST", url).map_err(network)?;
    xhr.set_with_credentials(true);
    xhr.set_request_header("Accept", "application/json, application/problem+json")
        .map_err(network)?;
    xhr.set_request_header("Content-Type", media_type)
        .map_err(network)?;
    xhr.set_request_header("X-File-Name", &encode(&file.name()))
        .map_err(network)?;
    let on_progress =
        Closure::<dyn FnMut(web_sys::ProgressEvent)>::new(move |e: web_sys::ProgressEvent| {
            if e.length_computable() && e.total() > 0.0 {
                progress.run(e.loaded() / e.total());
            }
        });
    xhr.upload()
        .map_err(network)?
        .set_onprogress(Some(on_progress.as_ref().unchecked_ref()));
    let finished = js_sys::Promise::new(&mut |resolve, _| {
        let (done, failed) = (resolve.clone(), resolve);
        let on_load = Closure::once_into_js(move || {
            let _ = done.call1(&wasm_bindgen::JsValue::NULL, &true.into());
        });
        let on_error = Closure::once_into_js(move || {
            let _ = failed.call1(&wasm_bindgen::JsValue::NULL, &false.into());
        });
        xhr.set_onload(Some(on_load.unchecked_ref()));
        xhr.set_onerror(Some(on_error.unchecked_ref()));
        xhr.set_onabort(Some(on_error.unchecked_ref()));
    });
    xhr.send_with_opt_blob(Some(file)).map_err(network)?;
    let answered = wasm_bindgen_futures::JsFuture::from(finished)
        .await
        .ok()
        .and_then(|v| v.as_bool())
        .unwrap_or(false);
    drop(on_progress);
    if !answered {
        return Err(ApiError::Network);
    }
    Ok((
        xhr.status().unwrap_or(0),
        xhr.response_text().ok().flatten().unwrap_or_default(),
    ))
}
