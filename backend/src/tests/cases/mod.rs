//! Cases as wired: roles, organisations, idempotency, concurrency, the lifecycle rules,
//! attachments, the agent API and the automatic close.

mod agent;
mod attachments;
mod create;
mod edits;
mod list;

use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use serde_json::{json, Value};

use super::*;
use crate::config::Secret;

const AGENT_TOKEN: &str = "test-agent-token";

fn new_case(title: &str) -> Value {
    json!({
        "product": "analytics",
        "priority": "p3",
        "title": title,
        "description": "Numbers look wrong since Monday.",
        "contact_phone": "+44 20 7946 0000",
        "time_zone": "Europe/London",
    })
}

impl TestApp {
    fn with_agent() -> Self {
        Self::with_config(Config {
            agent_token: Some(Secret(AGENT_TOKEN.into())),
            ..Self::config()
        })
    }

    /// A request with a JSON body (if any), a cookie and extra headers.
    pub(crate) async fn req(
        &self,
        method: Method,
        path: &str,
        body: Option<Value>,
        cookie: &str,
        headers: &[(&str, &str)],
    ) -> Reply {
        let mut req = Request::builder()
            .method(method)
            .uri(path)
            .header(header::HOST, "portal.test");
        if !cookie.is_empty() {
            req = req.header(header::COOKIE, cookie);
        }
        for (k, v) in headers {
            req = req.header(*k, *v);
        }
        let body = match body {
            Some(v) => {
                req = req.header(header::CONTENT_TYPE, "application/json");
                Body::from(v.to_string())
            }
            None => Body::empty(),
        };
        self.send(req.body(body).unwrap()).await
    }

    /// Files a case and returns it.
    async fn file(&self, cookie: &str, body: Value) -> Value {
        let key = random_token(9);
        let r = self
            .req(
                Method::POST,
                "/api/v1/cases",
                Some(body),
                cookie,
                &[("idempotency-key", &key)],
            )
            .await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
        r.json()
    }

    async fn agent(&self, method: Method, path: &str, body: Value) -> Reply {
        let auth = format!("Bearer {AGENT_TOKEN}");
        self.req(
            method,
            path,
            Some(body),
            "",
            &[("authorization", auth.as_str())],
        )
        .await
    }
}

fn etag(r: &Reply) -> String {
    r.header(header::ETAG).to_string()
}
