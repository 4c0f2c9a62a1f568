//! The mail settings: an SMTP relay from `--smtp-url`, the sender, and the public URL that links
//! in mails point to.

use super::Secret;

/// Where mail goes when `--smtp-url` is set: a plain SMTP relay (no TLS: a local relay or a
/// test server; the transport adds no TLS crate).
#[derive(Clone, Debug, PartialEq)]
pub struct SmtpSettings {
    /// Host name or address of the relay.
    pub host: String,
    /// Its port (25 unless the URL names one).
    pub port: u16,
    /// User and password for `AUTH`, when the URL has them. The password never shows in `Debug`.
    pub credentials: Option<(String, Secret)>,
}

impl PartialEq for Secret {
    fn eq(&self, other: &Secret) -> bool {
        self.0 == other.0
    }
}

/// The default sender of every mail.
pub const DEFAULT_MAIL_FROM: &str = "Support Portal <no-reply@support-portal.invalid>";

/// Parses `smtp://[user[:password]@]host[:port]` (user and password percent-encoded).
pub fn smtp_url(v: &str) -> Result<SmtpSettings, String> {
    // The error never repeats the URL: it may hold a password.
    let bad = || "invalid --smtp-url (smtp://user:password@host:port)".to_string();
    let rest = v.trim().strip_prefix("smtp://").ok_or_else(bad)?;
    let rest = rest.trim_end_matches('/');
    let (userinfo, hostport) = match rest.rsplit_once('@') {
        Some((u, h)) => (Some(u), h),
        None => (None, rest),
    };
    let parse_port = |p: &str| p.parse::<u16>().map_err(|_| bad());
    let (host, port) = if let Some(inner) = hostport.strip_prefix('[') {
        // An IPv6 address: `[::1]:25`.
        let (h, after) = inner.split_once(']').ok_or_else(bad)?;
        match after.strip_prefix(':') {
            Some(p) => (h, parse_port(p)?),
            None if after.is_empty() => (h, 25),
            None => return Err(bad()),
        }
    } else {
        match hostport.rsplit_once(':') {
            Some((h, p)) => (h, parse_port(p)?),
            None => (hostport, 25),
        }
    };
    if host.is_empty() || host.contains(['/', '?', '#', ' ']) || port == 0 {
        return Err(bad());
    }
    let decode = |s: &str| {
        percent_encoding::percent_decode_str(s)
            .decode_utf8()
            .map(|c| c.into_owned())
            .map_err(|_| bad())
    };
    let credentials = match userinfo {
        None => None,
        Some(u) => {
            let (user, password) = u.split_once(':').unwrap_or((u, ""));
            Some((decode(user)?, Secret(decode(password)?)))
        }
    };
    Ok(SmtpSettings {
        host: host.to_string(),
        port,
        credentials,
    })
}

/// Checks `--public-url`: an http(s) URL, kept without its trailing slash so that paths can be
/// appended.
pub fn public_url(v: &str) -> Result<String, String> {
    let v = v.trim().trim_end_matches('/');
    let ok = (v.starts_with("http://") || v.starts_with("https://"))
        && v.len() > "https://".len()
        && !v.contains(['?', '#', ' ', '"', '<', '>']);
    if ok {
        Ok(v.to_string())
    } else {
        Err(format!(
            "invalid --public-url `{v}` (for example https://support.example.com)"
        ))
    }
}

/// Checks `--mail-from`: a mailbox such as `Support Portal <no-reply@example.com>`.
pub fn mail_from(v: &str) -> Result<String, String> {
    v.trim()
        .parse::<lettre::message::Mailbox>()
        .map(|_| v.trim().to_string())
        .map_err(|_| {
            format!("invalid --mail-from `{v}` (for example Support <no-reply@example.com>)")
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn smtp_urls_give_host_port_and_credentials() {
        let s = smtp_url("smtp://mailer:p%40ss:word@relay.example:2525").unwrap();
        assert_eq!((s.host.as_str(), s.port), ("relay.example", 2525));
        let (user, password) = s.credentials.clone().unwrap();
        assert_eq!(
            (user.as_str(), password.0.as_str()),
            ("mailer", "p@ss:word")
        );
        assert!(!format!("{s:?}").contains("p@ss"));
        let s = smtp_url("smtp://localhost").unwrap();
        assert_eq!(
            (s.host.as_str(), s.port, s.credentials),
            ("localhost", 25, None)
        );
        for bad in [
            "smtps://relay.example",
            "relay.example:25",
            "smtp://",
            "smtp://h:x",
        ] {
            assert!(smtp_url(bad).is_err(), "{bad}");
        }
        assert!(!smtp_url("smtp://u:secret@h:x")
            .unwrap_err()
            .contains("secret"));
    }

    #[test]
    fn public_urls_lose_their_trailing_slash() {
        assert_eq!(
            public_url("https://support.example.com/portal/").unwrap(),
            "https://support.example.com/portal"
        );
        assert!(public_url("support.example.com").is_err());
        assert!(public_url("https://x.example/?a=b").is_err());
    }

    #[test]
    fn the_sender_must_be_a_mailbox() {
        assert!(mail_from(DEFAULT_MAIL_FROM).is_ok());
        assert!(mail_from("not a mailbox").is_err());
    }
}
