//! Addresses: percent-encoding as `encodeURIComponent` does it, a path with its query, and the
//! way back (a query's pairs, a path's segments). The HTTP client, the URL of list pages and the
//! router build and read addresses with these.

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

/// The text a percent-encoded component stands for (`+` is a space, as in a form's query);
/// malformed escapes stay as they are.
pub fn decode_component(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' => match (
                bytes.get(i + 1).and_then(|&b| hex(b)),
                bytes.get(i + 2).and_then(|&b| hex(b)),
            ) {
                (Some(h), Some(l)) => {
                    out.push((h * 16 + l) as u8);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The pairs of a query (`a=1&b=x%20y`, with or without its `?`), decoded, in order.
pub fn query_pairs(search: &str) -> Vec<(String, String)> {
    search
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (decode_component(k), decode_component(v))
        })
        .collect()
}

/// A path's segments, without empty ones: `/cases/12/` is `["cases", "12"]`.
pub fn path_segments(path: &str) -> Vec<&str> {
    path.split('/').filter(|s| !s.is_empty()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_query_reads_back_as_it_was_written() {
        let pairs = [
            ("q", "crash report & more/é".to_string()),
            ("sort", "created_asc".to_string()),
        ];
        let url = with_query("/cases", &pairs);
        let (_, search) = url.split_once('?').unwrap();
        assert_eq!(
            query_pairs(search),
            pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.clone()))
                .collect::<Vec<_>>()
        );
        assert_eq!(
            query_pairs("?a=x+y&flag&bad=%zz%4"),
            vec![
                ("a".into(), "x y".into()),
                ("flag".into(), "".into()),
                ("bad".into(), "%zz%4".into()),
            ]
        );
        assert!(query_pairs("").is_empty());
    }

    #[test]
    fn a_path_is_its_segments() {
        assert_eq!(path_segments("/cases/12/"), vec!["cases", "12"]);
        assert!(path_segments("/").is_empty());
    }

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
