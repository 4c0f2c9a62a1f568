//! Cases as wired: roles, organisations, idempotency, concurrency, the lifecycle rules,
//! attachments, the agent API and the automatic close.

mod agent;
mod attachments;
mod create;
mod edits;
mod list;
mod similar;
mod upload_quota;

use axum::http::{Method, StatusCode};
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
    /// An app whose agent API is on, for [`TestApp::agent`].
    pub(crate) fn with_agent() -> Self {
        Self::with_config(Config {
            agent_token: Some(Secret(AGENT_TOKEN.into())),
            ..Self::config()
        })
    }

    /// Files a case and returns it.
    pub(crate) async fn file(&self, cookie: &str, body: Value) -> Value {
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

    /// A call to the agent API with the token of [`TestApp::with_agent`].
    pub(crate) async fn agent(&self, method: Method, path: &str, body: Value) -> Reply {
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
