//! Who is asking: the client's IP address, which sign-in throttling counts failures by.
//!
//! The address is the peer of the connection (`ConnectInfo`, which `main` serves with). Behind
//! a reverse proxy every peer is the proxy, so `X-Forwarded-For` is read, but only from the
//! proxies of `--trusted-proxies`: anyone else could write any address there and never be
//! throttled.

use std::convert::Infallible;
use std::net::{IpAddr, SocketAddr};

use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::request::Parts;
use axum::http::HeaderMap;

use crate::state::AppState;

/// The client's address; `None` when the request came through no socket (tests).
pub struct ClientAddress(pub Option<IpAddr>);

impl FromRequestParts<AppState> for ClientAddress {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Infallible> {
        let peer = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map(|c| c.0.ip());
        Ok(ClientAddress(client_address(
            peer,
            &parts.headers,
            &state.config.trusted_proxies,
        )))
    }
}

/// The client behind `peer`: `peer` itself unless it is a trusted proxy; then, walking
/// `X-Forwarded-For` from its end (each proxy appends the address it heard from), the first
/// address that is not a trusted proxy. A missing or unreadable entry stops the walk at the
/// last proxy, which is then counted as the client: wrong for throttling, never forgeable.
pub fn client_address(
    peer: Option<IpAddr>,
    headers: &HeaderMap,
    trusted: &[IpAddr],
) -> Option<IpAddr> {
    let trusted_ip = |ip: &IpAddr| trusted.contains(&ip.to_canonical());
    let mut client = peer?;
    if !trusted_ip(&client) {
        return Some(client);
    }
    let hops: Vec<&str> = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .collect();
    for hop in hops.into_iter().rev() {
        match hop.trim().parse::<IpAddr>() {
            Ok(ip) if trusted_ip(&client) => client = ip,
            _ => break,
        }
    }
    Some(client)
}

#[cfg(test)]
mod tests {
    use axum::http::HeaderValue;

    use super::*;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    fn forwarded(values: &[&str]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for v in values {
            h.append("x-forwarded-for", HeaderValue::from_str(v).unwrap());
        }
        h
    }

    #[test]
    fn forwarded_for_counts_only_from_a_trusted_proxy() {
        let proxy = ip("10.0.0.1");
        let spoofed = forwarded(&["198.51.100.1"]);
        // No proxy configured, or a peer that is not one: the header is ignored.
        assert_eq!(
            client_address(Some(ip("203.0.113.5")), &spoofed, &[]),
            Some(ip("203.0.113.5"))
        );
        assert_eq!(
            client_address(Some(ip("203.0.113.5")), &spoofed, &[proxy]),
            Some(ip("203.0.113.5"))
        );
        assert_eq!(
            client_address(Some(proxy), &spoofed, &[proxy]),
            Some(ip("198.51.100.1"))
        );
        assert_eq!(client_address(None, &spoofed, &[proxy]), None);
    }

    #[test]
    fn the_last_address_not_a_proxy_is_the_client() {
        let (outer, inner) = (ip("10.0.0.1"), ip("10.0.0.2"));
        // The client wrote a forged first entry; the proxies appended what they heard.
        let h = forwarded(&["1.2.3.4, 203.0.113.5", "10.0.0.1"]);
        assert_eq!(
            client_address(Some(inner), &h, &[outer, inner]),
            Some(ip("203.0.113.5"))
        );
        // Nothing readable forwarded: the proxy itself.
        assert_eq!(
            client_address(Some(inner), &forwarded(&["unknown"]), &[inner]),
            Some(inner)
        );
        assert_eq!(
            client_address(Some(inner), &HeaderMap::new(), &[inner]),
            Some(inner)
        );
    }
}
