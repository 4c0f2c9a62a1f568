//! Roles by endpoint, from the contract (issue 13): every operation of `contract/openapi.json`
//! called as five identities with their own ids, another user's and another organisation's.
//!
//! - `table`: THE role table (operation id to who may call it) and its check against the
//!   contract, both ways;
//! - `plan` and `run`: the calls and what each must answer (401, 403, 404 exactly; the allowed
//!   ones anything but 401/403), the refusals first, a fresh app per identity; `bodies` has the
//!   request each allowed call succeeds with, `rows` the rows aimed at;
//! - `live`: the chat stream, a WebSocket, over a real socket;
//! - `probes`: 1,000 seeded random cross-user and cross-organisation probes.
//!
//! `cargo test -p support-backend matrix -- --nocapture` prints the figures.

mod bodies;
mod live;
mod plan;
mod probes;
mod rows;
mod run;
mod table;

use axum::http::Method;
use serde_json::{json, Value};

use super::*;
use crate::config::{ChatHours, Secret};
use rows::{OrgRows, Rows};

const AGENT_TOKEN: &str = "matrix-agent-token";
const HOST_TOKEN: &str = "matrix-host-token";
const PUBLIC_URL: &str = "http://portal.test";
const NORTHWIND: &str = "Northwind Traders";
const CONTOSO: &str = "Contoso Ltd";

/// The five identities of the matrix.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Who {
    SignedOut,
    Member,
    SupportAdmin,
    SysAdmin,
    OtherOrgAdmin,
}

const EVERYONE: [Who; 5] = [
    Who::SignedOut,
    Who::Member,
    Who::SupportAdmin,
    Who::SysAdmin,
    Who::OtherOrgAdmin,
];

impl Who {
    fn email(self) -> Option<&'static str> {
        match self {
            Who::SignedOut => None,
            Who::Member => Some(MEMBER),
            Who::SupportAdmin => Some(SUPPORT_ADMIN),
            Who::SysAdmin => Some(SYSADMIN),
            Who::OtherOrgAdmin => Some(OTHER_ORG_ADMIN),
        }
    }

    /// The capabilities the session of this identity carries (none signed out).
    fn capabilities(self) -> &'static [support_contract::Capability] {
        use support_contract::Role;
        let role = match self {
            Who::SignedOut => return &[],
            Who::Member => None,
            Who::SupportAdmin => Some(Role::CustomerSupportAdmin),
            Who::SysAdmin | Who::OtherOrgAdmin => Some(Role::SupportSystemAdmin),
        };
        support_contract::capabilities_of(role)
    }
}

/// Chat open at any hour, the agent API and the host hand-off on.
fn matrix_config() -> Config {
    Config {
        chat_hours: ChatHours::Always,
        agent_token: Some(Secret(AGENT_TOKEN.into())),
        host_token: Some(Secret(HOST_TOKEN.into())),
        public_url: Some(PUBLIC_URL.into()),
        ..TestApp::config()
    }
}

/// A request body: JSON, raw bytes of a content type, or none.
#[derive(Clone)]
enum Payload {
    None,
    Json(Value),
    Raw(&'static str, Vec<u8>),
}

/// Sends a request as a client that is not a browser would (`X-Requested-With`, so the
/// cross-origin guard lets a state change without `Origin` through), with `If-Match: *`, a
/// fresh idempotency key, and the given cookie and extra headers.
async fn send(
    app: &TestApp,
    method: Method,
    path: &str,
    payload: &Payload,
    cookie: &str,
    extra: &[(&str, &str)],
) -> Reply {
    let key = random_token(9);
    let mut headers = vec![
        ("x-requested-with", "matrix"),
        ("if-match", "*"),
        ("idempotency-key", key.as_str()),
    ];
    headers.extend_from_slice(extra);
    let body = match payload {
        Payload::None => None,
        Payload::Json(v) => Some(("application/json", v.to_string().into_bytes())),
        Payload::Raw(ct, bytes) => Some((*ct, bytes.clone())),
    };
    app.request(method, path, body, cookie, &headers).await
}

/// A seeded xorshift64* generator: the same seed, the same probes.
struct Prng(u64);

impl Prng {
    fn new(seed: u64) -> Self {
        Prng(seed.max(1))
    }

    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}
