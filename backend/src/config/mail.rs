//! The mail settings: an SMTP relay from `--smtp-url` with its TLS from `--smtp-tls` and
//! `--smtp-ca-file`, the sender, and the public URL that links in mails point to.

use lettre::transport::smtp::client::{Certificate, TlsParameters};

use super::Secret;

/// Where mail goes when `--smtp-url` is set.
#[derive(Clone, Debug, PartialEq)]
pub struct SmtpSettings {
    /// Host name or address of the relay; also the name its certificate must carry.
    pub host: String,
    /// Its port (25 unless the URL names one).
    pub port: u16,
    /// User and password for `AUTH`, when the URL has them. The password never shows in `Debug`.
    pub credentials: Option<(String, Secret)>,
    /// How the connection is protected.
    pub tls: SmtpTls,
    /// PEM certificates of extra certificate authorities to trust (a private relay's), on top
    /// of the Mozilla roots built in.
    pub extra_ca: Option<String>,
}

/// `--smtp-tls`: how mail reaches the relay.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SmtpTls {
    /// Plain SMTP, credentials and mail readable on the wire: only when asked for (a relay on
    /// the same host, a test server).
    None,
    /// Plain connection upgraded with `STARTTLS` before anything is sent; a relay that does not
    /// offer it gets nothing (required, not opportunistic: a stripped offer cannot downgrade).
    StartTls,
    /// TLS from the first byte (port 465 style).
    Implicit,
}

/// Parses `--smtp-tls`: `none`, `starttls` or `implicit`.
pub fn smtp_tls(v: &str) -> Result<SmtpTls, String> {
    match v.trim().to_ascii_lowercase().as_str() {
        "none" => Ok(SmtpTls::None),
        "starttls" => Ok(SmtpTls::StartTls),
        "implicit" => Ok(SmtpTls::Implicit),
        _ => Err(format!(
            "invalid --smtp-tls `{v}` (none, starttls or implicit)"
        )),
    }
}

/// Reads `--smtp-ca-file` at startup, so that a missing or broken file stops the server instead
/// of every mail failing later.
pub fn smtp_ca_file(path: &str) -> Result<String, String> {
    let bad = |why: String| format!("invalid --smtp-ca-file {path}: {why}");
    let pem = std::fs::read_to_string(path).map_err(|e| bad(e.to_string()))?;
    if !pem.contains("-----BEGIN CERTIFICATE-----") {
        return Err(bad("no PEM certificate in it".into()));
    }
    let certificate = Certificate::from_pem(pem.as_bytes()).map_err(|e| bad(e.to_string()))?;
    // Building the parameters once checks that every certificate is one rustls can trust.
    TlsParameters::builder("localhost".into())
        .add_root_certificate(certificate)
        .build_rustls()
        .map_err(|e| bad(e.to_string()))?;
    Ok(pem)
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
        // Secure unless asked otherwise: plain SMTP would show the relay password on the wire.
        tls: SmtpTls::StartTls,
        extra_ca: None,
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
    fn an_extra_certificate_authority_must_be_a_readable_pem_certificate() {
        let dir = std::env::temp_dir().join(format!("sp-ca-{}", crate::tokens::random_token(9)));
        std::fs::create_dir_all(&dir).unwrap();
        let (good, junk) = (dir.join("ca.pem"), dir.join("junk.pem"));
        let key = rcgen::KeyPair::generate().unwrap();
        let ca = rcgen::CertificateParams::new(vec!["relay.test".to_string()])
            .unwrap()
            .self_signed(&key)
            .unwrap();
        std::fs::write(&good, ca.pem()).unwrap();
        std::fs::write(&junk, "not a certificate").unwrap();
        let read = smtp_ca_file(good.to_str().unwrap());
        let refused = smtp_ca_file(junk.to_str().unwrap());
        let missing = smtp_ca_file(dir.join("missing.pem").to_str().unwrap());
        let _ = std::fs::remove_dir_all(&dir);
        assert_eq!(read.unwrap(), ca.pem());
        assert!(refused.unwrap_err().contains("no PEM certificate"));
        assert!(missing.is_err());
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
