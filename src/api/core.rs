//! The only code that speaks the contract's HTTP: base URL, cookies, JSON, and status codes to `ApiError`.
//! Every area's implementation (`cases.rs`, `chat.rs`, ...) describes its calls with [`Call`] and
//! leaves the exchange to this file. (`config.rs` fetches the app's own static files, the runtime
//! configuration and the texts, which are not part of the contract.)

use super::xhr::xhr_upload;
use super::{from_json, to_json};
use super::{retry, ApiError, ApiFuture};
use crate::domain::{encode_component, with_query};
use gloo_net::http::{Method, RequestBuilder, Response};
use leptos::prelude::*;
use serde::de::DeserializeOwned;
use serde::Serialize;
pub(super) use support_client::chat_stream::websocket_url;
use support_contract::Problem;
use web_sys::RequestCredentials;

/// The contract over `fetch`. The session is an `HttpOnly` cookie the browser sends itself, so
/// no token ever lives in this code or in web storage. Cheap to clone: each call owns what it
/// needs, so its future outlives the component that asked.
#[derive(Clone)]
pub struct Http {
    base: String,
    /// Told when a signed-in request comes back 401, so the app can ask to sign in again.
    on_unauthorized: Callback<()>,
}

/// One request being described: method, address, headers and body.
#[must_use]
pub(super) struct Call {
    method: Method,
    url: String,
    headers: Vec<(&'static str, String)>,
    body: Option<String>,
    /// Whether the user is signed in for this call, so that a 401 means the session ended.
    signed_in: bool,
    /// Whether sending it twice does what sending it once does (a read, a `PUT`, or a change
    /// that carries its own key), so that a failure on the way may be tried again by itself.
    repeatable: bool,
    on_unauthorized: Callback<()>,
}

impl Http {
    pub fn new(base: impl Into<String>, on_unauthorized: Callback<()>) -> Self {
        Http {
            base: base.into().trim_end_matches('/').to_string(),
            on_unauthorized,
        }
    }

    /// The full address of a contract path.
    pub(super) fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }

    fn call(&self, method: Method, path: &str) -> Call {
        Call {
            repeatable: method == Method::GET || method == Method::PUT,
            method,
            url: self.url(path),
            headers: Vec::new(),
            body: None,
            signed_in: true,
            on_unauthorized: self.on_unauthorized,
        }
    }

    pub(super) fn get(&self, path: &str) -> Call {
        self.call(Method::GET, path)
    }

    /// `GET` with query parameters.
    pub(super) fn get_with(&self, path: &str, params: &[(&str, String)]) -> Call {
        self.call(Method::GET, &with_query(path, params))
    }

    pub(super) fn post(&self, path: &str) -> Call {
        self.call(Method::POST, path)
    }

    pub(super) fn put(&self, path: &str) -> Call {
        self.call(Method::PUT, path)
    }

    pub(super) fn patch(&self, path: &str) -> Call {
        self.call(Method::PATCH, path)
    }

    pub(super) fn delete(&self, path: &str) -> Call {
        self.call(Method::DELETE, path)
    }
}

impl Call {
    /// A JSON body.
    pub(super) fn json<B: Serialize>(mut self, body: &B) -> Self {
        self.body = Some(to_json(body));
        self
    }

    pub(super) fn header(mut self, name: &'static str, value: String) -> Self {
        self.headers.push((name, value));
        self
    }

    /// An edit of `version` (the resource's `ETag`), refused with `Conflict` if it changed.
    pub(super) fn if_match(self, version: i64) -> Self {
        self.header("If-Match", format!("\"{version}\""))
    }

    /// A change the backend makes once however often it is sent (it carries an
    /// `Idempotency-Key` or a client-made id): tried again by itself after a failure on the way.
    pub(super) fn idempotent(mut self) -> Self {
        self.repeatable = true;
        self
    }

    /// A change made once per `key`, the `Idempotency-Key` the caller keeps with its draft.
    pub(super) fn once_per(self, key: String) -> Self {
        self.header("Idempotency-Key", key).idempotent()
    }

    /// A call made without a session (signing in, an invitation, the public configuration):
    /// its 401 is an answer, not the end of a session.
    pub(super) fn public(mut self) -> Self {
        self.signed_in = false;
        self
    }

    /// Sends the call and decodes the JSON answer. Only the decoding is generic: the exchange
    /// is one function for every answer type, not one copy per type.
    pub(super) fn fetch<T: DeserializeOwned + 'static>(self) -> ApiFuture<T> {
        let body = self.text();
        Box::pin(async move { decode(&body.await?) })
    }

    /// Sends the call and reads the answer's body; a call that is safe to repeat is tried again
    /// after a failure that may pass (`retry.rs`). A body cut short is a failure on the way.
    fn text(self) -> ApiFuture<String> {
        Box::pin(async move {
            let mut attempt = 1;
            loop {
                let answer = match self.exchange().await {
                    Ok(response) => response.text().await.map_err(|_| ApiError::Network),
                    Err(e) => Err(e),
                };
                let error = match answer {
                    Ok(body) => return Ok(body),
                    Err(e) => e,
                };
                let Some(ms) = retry::retry_delay_ms(self.repeatable, attempt, &error) else {
                    return Err(error);
                };
                pause(ms).await;
                attempt += 1;
            }
        })
    }

    /// Sends the call; the answer has no body the app needs.
    pub(super) fn send(self) -> ApiFuture<()> {
        Box::pin(async move { self.text().await.map(|_| ()) })
    }

    /// Sends `file` as the body, telling `progress` the share sent so far (0..=1).
    pub(super) fn upload<T: DeserializeOwned + 'static>(
        self,
        file: web_sys::File,
        progress: Callback<f64>,
    ) -> ApiFuture<T> {
        Box::pin(async move {
            let (status, body) = xhr_upload(&self.url, &file, &self.headers, progress).await?;
            if (200..300).contains(&status) {
                return decode(&body);
            }
            Err(self.refused(status, decode::<Problem>(&body).ok()))
        })
    }

    /// Sends the call and saves its answer as the file `filename`, reading it as it streams:
    /// `progress` hears how many lines arrived so far and, when the backend says it
    /// (`X-Row-Count`), how many will. Resolves to the number of lines.
    pub(super) fn download(
        self,
        filename: String,
        progress: Callback<(u64, Option<u64>)>,
    ) -> ApiFuture<u64> {
        Box::pin(async move {
            let response = self.exchange().await?;
            let total = response
                .headers()
                .get("x-row-count")
                .and_then(|n| n.parse::<u64>().ok());
            let media = response
                .headers()
                .get("content-type")
                .unwrap_or_else(|| "application/octet-stream".into());
            let body = response.body().ok_or(ApiError::Decode)?;
            // The page that asked may be gone by now: then nobody listens.
            let heard = |lines| {
                progress.try_run((lines, total));
            };
            let (chunks, lines) = read_stream(&body, heard).await?;
            super::download::save(&chunks, &media, &filename).map_err(|_| ApiError::Decode)?;
            Ok(lines)
        })
    }

    /// One exchange, once the gate is open: the answer when it is a success, else its error.
    async fn exchange(&self) -> Result<Response, ApiError> {
        // Looked at again after each wait: another call's `Retry-After` may have moved it on.
        loop {
            let wait = retry::wait_at_gate(js_sys::Date::now(), gate() as f64)?;
            if wait <= 0.0 {
                break;
            }
            pause(wait).await;
        }
        let mut builder = RequestBuilder::new(&self.url)
            .method(self.method.clone())
            .credentials(RequestCredentials::Include)
            .header("Accept", "application/json, application/problem+json");
        for (name, value) in &self.headers {
            builder = builder.header(name, value);
        }
        let request = match &self.body {
            Some(json) => builder
                .header("Content-Type", "application/json")
                .body(json.as_str()),
            None => builder.build(),
        }
        .map_err(|_| ApiError::Decode)?;
        let response = request.send().await.map_err(|_| ApiError::Network)?;
        if response.ok() {
            return Ok(response);
        }
        let retry_after = response
            .headers()
            .get("retry-after")
            .and_then(|s| s.trim().parse::<u64>().ok());
        let problem = match response.text().await {
            Ok(body) => decode::<Problem>(&body).ok(),
            Err(_) => None,
        };
        let error = self.refused(response.status(), problem);
        // The header alone also counts (a proxy's 429 or 503 has no problem body).
        let error = match (error, retry_after) {
            (ApiError::Busy { .. }, Some(secs)) => ApiError::Busy {
                retry_after_secs: secs,
            },
            (error, _) => error,
        };
        if let Some(secs) = retry::gate_secs(&error) {
            let until = (js_sys::Date::now() as u64 + secs * 1000).max(gate());
            if let Some(s) = tab_storage() {
                let _ = s.set_item(GATE, &until.to_string());
            }
        }
        Err(error)
    }

    /// The error of a refused call; a signed-in call's 401 also tells the app.
    fn refused(&self, status: u16, problem: Option<Problem>) -> ApiError {
        let error = ApiError::from_response(status, problem);
        if self.signed_in && error == ApiError::Unauthorized {
            self.on_unauthorized.run(());
        }
        error
    }
}

/// Where the tab keeps when the last 429 or 503 said calls may start again (ms since the
/// epoch): every call waits for it, so one `Retry-After` holds the whole app, not only the call
/// that heard it, and a reload ("Try again") too.
const GATE: &str = "sp-not-before";

fn tab_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

/// Resolves after `ms` milliseconds: Leptos' timer and a oneshot channel, both in the first
/// load already (a promise of its own would add its glue).
async fn pause(ms: f64) {
    let (done, wait) = futures::channel::oneshot::channel::<()>();
    set_timeout(
        move || {
            let _ = done.send(());
        },
        std::time::Duration::from_millis(ms as u64),
    );
    let _ = wait.await;
}

/// When calls may start again (0: now).
fn gate() -> u64 {
    tab_storage()
        .and_then(|s| s.get_item(GATE).ok().flatten())
        .and_then(|v| v.parse().ok())
        .unwrap_or(0)
}

/// A JSON answer as `T`.
pub(super) fn decode<T: DeserializeOwned>(body: &str) -> Result<T, ApiError> {
    from_json(body).ok_or(ApiError::Decode)
}

/// A path segment (an id), percent-encoded.
pub(super) fn segment(s: &str) -> String {
    encode_component(s)
}

/// Reads a response body to its end, keeping its chunks for a file and counting its lines
/// (`on_lines` hears the count after each chunk).
async fn read_stream(
    body: &web_sys::ReadableStream,
    on_lines: impl Fn(u64),
) -> Result<(js_sys::Array, u64), ApiError> {
    use wasm_bindgen::JsCast;
    let reader: web_sys::ReadableStreamDefaultReader = body.get_reader().unchecked_into();
    let chunks = js_sys::Array::new();
    let mut lines = 0u64;
    loop {
        let step = wasm_bindgen_futures::JsFuture::from(reader.read())
            .await
            .map_err(|_| ApiError::Network)?;
        let field = |name: &str| js_sys::Reflect::get(&step, &name.into()).unwrap_or_default();
        if field("done").as_bool().unwrap_or(true) {
            return Ok((chunks, lines));
        }
        let chunk: js_sys::Uint8Array = field("value").unchecked_into();
        lines += chunk.to_vec().iter().filter(|b| **b == b'\n').count() as u64;
        chunks.push(&chunk);
        on_lines(lines);
    }
}
