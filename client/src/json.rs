//! JSON in and out of the app: the contract's answers, the chat stream's events, and what is
//! kept on the device (drafts, the chat outbox).
//!
//! Reading goes through the browser's own parser (`JSON.parse`), and `js_value::Value` walks
//! the parsed value: serde_json's parser, compiled into every answer type's decoder, was about
//! 8 KiB brotli more of the first load, and `serde-wasm-bindgen`'s error messages about 4 more.
//! Writing (request bodies, drafts) stays with serde_json's serializer, which is small.

use super::js_value::Value;
use serde::de::DeserializeOwned;
use serde::Serialize;

/// `text` as a `T`; `None` when it is not JSON or not the shape of a `T`.
pub fn from_json<T: DeserializeOwned>(text: &str) -> Option<T> {
    let value = js_sys::JSON::parse(text).ok()?;
    T::deserialize(Value(value)).ok()
}

/// `value` as JSON text.
pub fn to_json<T: Serialize + ?Sized>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_default()
}
