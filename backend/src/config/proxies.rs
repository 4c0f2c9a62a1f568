//! `--trusted-proxies`: the reverse proxies whose `X-Forwarded-For` the server believes.

use std::net::IpAddr;

/// Parses a space-separated list of IP addresses (an IPv4-mapped IPv6 one as its IPv4).
pub fn addresses(v: &str) -> Result<Vec<IpAddr>, String> {
    v.split_whitespace()
        .map(|a| {
            a.parse::<IpAddr>()
                .map(|ip| ip.to_canonical())
                .map_err(|_| format!("invalid address `{a}` in --trusted-proxies (an IP address)"))
        })
        .collect()
}
