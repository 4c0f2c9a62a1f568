//! The widget's one way to the backend: `fetch` with the session cookie, JSON in and out, and
//! each failure as one [`Failure`] the panel can put in words.

use serde::de::DeserializeOwned;
use serde::Serialize;
use support_client::{from_json, to_json};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{RequestCredentials, RequestInit, Response};

/// Why a call gave no answer to use.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Failure {
    /// The backend could not be reached (offline, a dropped link).
    Network,
    /// The session ended, or there is none.
    Unauthorized,
    /// The user's role does not allow it.
    Forbidden,
    /// Any other refusal, or an answer that is not what the contract says.
    Server,
}

/// The contract at `base` (`…/api/v1`).
#[derive(Clone)]
pub struct Api {
    base: String,
}

impl Api {
    pub fn new(base: &str) -> Api {
        Api {
            base: base.trim_end_matches('/').to_string(),
        }
    }

    /// The full address of a contract path.
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    pub async fn get<T: DeserializeOwned>(&self, path: &str) -> Result<T, Failure> {
        decode(&self.call("GET", path, None).await?)
    }

    pub async fn post<B: Serialize, T: DeserializeOwned>(
        &self,
        path: &str,
        body: &B,
    ) -> Result<T, Failure> {
        self.send("POST", path, body).await
    }

    /// A call with a JSON body (`PUT`, `PATCH`, …), and its JSON answer.
    pub async fn send<B: Serialize, T: DeserializeOwned>(
        &self,
        method: &str,
        path: &str,
        body: &B,
    ) -> Result<T, Failure> {
        decode(&self.call(method, path, Some(to_json(body))).await?)
    }

    /// Sends a call and reads its answer's body.
    async fn call(
        &self,
        method: &str,
        path: &str,
        body: Option<String>,
    ) -> Result<String, Failure> {
        let init = RequestInit::new();
        init.set_method(method);
        init.set_credentials(RequestCredentials::Include);
        let headers = js_sys::Object::new();
        let set = |k: &str, v: &str| {
            let _ = js_sys::Reflect::set(&headers, &k.into(), &v.into());
        };
        set("Accept", "application/json, application/problem+json");
        if let Some(body) = &body {
            set("Content-Type", "application/json");
            init.set_body(&JsValue::from_str(body));
        }
        init.set_headers(&headers);
        let window = web_sys::window().ok_or(Failure::Network)?;
        let answer = JsFuture::from(window.fetch_with_str_and_init(&self.url(path), &init))
            .await
            .map_err(|_| Failure::Network)?;
        let response: Response = answer.unchecked_into();
        let status = response.status();
        let text = match response.text() {
            Ok(promise) => JsFuture::from(promise)
                .await
                .map_err(|_| Failure::Network)?,
            Err(_) => return Err(Failure::Network),
        };
        match status {
            200..=299 => text.as_string().ok_or(Failure::Server),
            401 => Err(Failure::Unauthorized),
            403 => Err(Failure::Forbidden),
            _ => Err(Failure::Server),
        }
    }
}

fn decode<T: DeserializeOwned>(body: &str) -> Result<T, Failure> {
    from_json(body).ok_or(Failure::Server)
}

/// A path segment (an id), percent-encoded.
pub fn segment(id: &str) -> String {
    String::from(js_sys::encode_uri_component(id))
}
