//! Addresses: percent-encoding as `encodeURIComponent` does it, and a path with its query. Both
//! the HTTP client and the URL of list pages build addresses with these.

/// A path segment or query value, percent-encoded: everything but `A-Z a-z 0-9 - _ . ! ~ * ' ( )`.
pub fn encode_component(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.!~*'()".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// `path` with its query parameters, percent-encoded; without `?` when there are none.
pub fn with_query(path: &str, params: &[(&str, String)]) -> String {
    let params: Vec<String> = params
        .iter()
        .map(|(k, v)| format!("{k}={}", encode_component(v)))
        .collect();
    if params.is_empty() {
        path.to_string()
    } else {
        format!("{path}?{}", params.join("&"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_encoded_as_the_browser_encodes_them() {
        assert_eq!(encode_component("a b&c/é"), "a%20b%26c%2F%C3%A9");
        assert_eq!(encode_component("x-y_z.~!*'()"), "x-y_z.~!*'()");
        assert_eq!(
            with_query(
                "/cases",
                &[("q", "crash report".into()), ("sort", "created_asc".into())]
            ),
            "/cases?q=crash%20report&sort=created_asc"
        );
        assert_eq!(with_query("/cases", &[]), "/cases");
    }
}
