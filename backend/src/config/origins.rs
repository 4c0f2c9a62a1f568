//! The origin lists of the flags: `--connect-src`, `--allowed-origins`, `--embed-origins`.

/// Splits a space-separated origin list, refusing anything that would break the CSP header.
pub fn origins(v: &str, flag: &str) -> Result<Vec<String>, String> {
    v.split_whitespace()
        .map(|o| {
            let ok = o
                .chars()
                .all(|c| c.is_ascii_graphic() && c != ';' && c != ',' && c != '\'');
            if ok {
                Ok(o.trim_end_matches('/').to_string())
            } else {
                Err(format!("invalid origin `{o}` in {flag}"))
            }
        })
        .collect()
}

/// An origin exactly as a browser names it (`scheme://host[:port]`: http or https, no path, no
/// wildcard), lowercased: what the portal compares the origin of a message with.
pub fn exact_origin(o: &str, flag: &str) -> Result<String, String> {
    let lower = o.to_ascii_lowercase();
    let authority = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"));
    let ok = authority.is_some_and(|a| {
        // A port, if any, follows the last colon outside an IPv6 literal (`[::1]:8080`).
        let (host, port) = match a.rfind(':').filter(|i| !a[*i..].contains(']')) {
            Some(i) => (&a[..i], Some(&a[i + 1..])),
            None => (a, None),
        };
        let ipv6 = host
            .strip_prefix('[')
            .and_then(|h| h.strip_suffix(']'))
            .is_some_and(|h| {
                !h.is_empty()
                    && h.chars()
                        .all(|c| c.is_ascii_hexdigit() || c == ':' || c == '.')
            });
        let name = !host.is_empty()
            && host
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-');
        (ipv6 || name) && port.is_none_or(|p| p.parse::<u16>().is_ok_and(|p| p > 0))
    });
    if ok {
        Ok(lower)
    } else {
        Err(format!(
            "invalid origin `{o}` in {flag} (scheme://host[:port] with http or https, no path)"
        ))
    }
}
