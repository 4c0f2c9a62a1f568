//! JSON in and out of the app: the contract's answers, the chat stream's events, and what is
//! kept on the device (drafts, the chat outbox).
//!
//! Reading goes through the browser's own parser (`JSON.parse`), and `js_value::Value` walks
//! the parsed value: serde_json's parser, compiled into every answer type's decoder, was about
//! 8 KiB brotli more of the first load, and `serde-wasm-bindgen`'s error messages about 4 more.
//! Writing (request bodies, drafts) stays with serde_json's serializer, which is small.

#[cfg(target_arch = "wasm32")]
use super::js_value::Value;
use serde::de::DeserializeOwned;
use serde::Serialize;

/// How deep arrays and objects may nest in an answer: as deep as serde_json's parser allows.
pub const MAX_DEPTH: u32 = 127;

/// Whether `text` nests arrays and objects at most [`MAX_DEPTH`] deep. `JSON.parse` takes any
/// depth, and the walk of a parsed value recurses into every value it meets (unknown fields
/// too, for a flattened struct or an internally tagged enum): 100,000 nested arrays from a
/// hostile backend would exhaust the wasm stack, a crash rather than "not understood". One scan
/// of the text, before parsing, costs the first load less than a depth in every decoder.
pub fn nesting_within_limit(text: &str) -> bool {
    let (mut depth, mut in_string, mut escaped) = (0u32, false, false);
    for b in text.bytes() {
        match (in_string, b) {
            (true, _) if escaped => escaped = false,
            (true, b'\\') => escaped = true,
            (true, b'"') => in_string = false,
            (true, _) => {}
            (false, b'"') => in_string = true,
            (false, b'[' | b'{') => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return false;
                }
            }
            (false, b']' | b'}') => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    true
}

/// `text` as a `T`; `None` when it is not JSON, nests too deep, or is not the shape of a `T`.
#[cfg(target_arch = "wasm32")]
pub fn from_json<T: DeserializeOwned>(text: &str) -> Option<T> {
    if !nesting_within_limit(text) {
        return None;
    }
    let value = js_sys::JSON::parse(text).ok()?;
    T::deserialize(Value(value)).ok()
}

/// `text` as a `T`, off the browser (native tests, such as the fuzzing of every answer type in
/// `src/api/hostile/`): serde_json reads what `JSON.parse` would, and refuses nesting past
/// [`MAX_DEPTH`] as [`nesting_within_limit`] does. (Unlike `JSON.parse`, it refuses an unpaired surrogate escape such as
/// `"\ud800"`; in the browser that reaches Rust as U+FFFD.)
#[cfg(not(target_arch = "wasm32"))]
pub fn from_json<T: DeserializeOwned>(text: &str) -> Option<T> {
    serde_json::from_str(text).ok()
}

/// `value` as JSON text.
pub fn to_json<T: Serialize + ?Sized>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nesting_stops_where_serde_json_stops_and_strings_do_not_count() {
        let nested = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
        let parses = |text: &str| serde_json::from_str::<serde_json::Value>(text).is_ok();
        let deepest = nested(MAX_DEPTH as usize);
        let deeper = nested(MAX_DEPTH as usize + 1);
        assert!(nesting_within_limit(&deepest) && parses(&deepest));
        assert!(!nesting_within_limit(&deeper) && !parses(&deeper));
        assert!(!nesting_within_limit(&nested(100_000)));
        // Brackets in strings, escaped quotes included, are text.
        let text = format!(r#"{{"a": "{}\"[[", "b": [1]}}"#, "[".repeat(500));
        assert!(nesting_within_limit(&text) && parses(&text));
    }
}
