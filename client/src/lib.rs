//! What the portal and the chat widget for host pages share, without Leptos: the widget is a
//! wasm of its own that must stay small, and it keeps the chat's promises (in order, exactly
//! once, resumed after a reload or a dropped link) only by running the same code as the portal.
//!
//! - `json`: the contract's JSON through the browser's own parser;
//! - `chat`: the chat's rules (merge, gaps, reconnect delays, safe links), tested natively;
//! - `outbox`: what the user wrote and the backend has not stored yet, and what a send's answer
//!   does to it;
//! - `chat_stream`: the realtime link, decoded in this one place;
//! - `local_store`: what must survive a reload, over IndexedDB;
//! - `timer`: timeouts and intervals that stop when dropped;
//! - `ids`: client-made ids and the per-user keys of what is kept on the device (and
//!   [`random_id`], their browser-made randomness).

pub mod chat;
pub mod chat_stream;
pub mod ids;
// Off the browser `from_json` reads with serde_json: the walker is compiled, not used.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
mod js_value;
pub mod json;
pub mod local_store;
pub mod outbox;
pub mod timer;

pub use chat_stream::{ChatStream, LinkState};
pub use json::{from_json, to_json};

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
    ids::uuid_v4(bytes)
}
