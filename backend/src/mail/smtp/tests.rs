//! The relay against a fake SMTP server on 127.0.0.1: plain, STARTTLS and implicit TLS, with a
//! certificate authority made at test time that the client trusts or does not.

use std::sync::Arc;
use std::time::Duration;

use rcgen::{BasicConstraints, CertificateParams, DnType, IsCa, Issuer, KeyPair};
use tokio::io::{AsyncBufReadExt, AsyncRead, AsyncWrite, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::oneshot;
use tokio_rustls::rustls::pki_types::{PrivateKeyDer, PrivatePkcs8KeyDer};
use tokio_rustls::rustls::{crypto::ring, ServerConfig};
use tokio_rustls::TlsAcceptor;

use super::*;
use crate::config::Secret;
use crate::mail::{message, Mail};

/// What the fake server saw: the commands, the message data, and whether it spoke TLS.
#[derive(Debug, Default)]
struct Received {
    commands: Vec<String>,
    data: String,
    tls: bool,
}

/// How the fake server speaks.
enum Mode {
    Plain,
    /// Offers `STARTTLS` and upgrades with this acceptor.
    StartTls(TlsAcceptor),
    /// TLS from the first byte.
    Implicit(TlsAcceptor),
}

/// A certificate authority, and a server certificate for 127.0.0.1 it signed.
struct Pki {
    ca_pem: String,
    acceptor: TlsAcceptor,
}

fn pki() -> Pki {
    let ca_key = KeyPair::generate().unwrap();
    let mut ca = CertificateParams::new(Vec::<String>::new()).unwrap();
    ca.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    ca.distinguished_name
        .push(DnType::CommonName, "Support Portal test CA");
    let ca_cert = ca.self_signed(&ca_key).unwrap();
    let key = KeyPair::generate().unwrap();
    let leaf = CertificateParams::new(vec!["127.0.0.1".to_string()])
        .unwrap()
        .signed_by(&key, &Issuer::new(ca, ca_key))
        .unwrap();
    // Deprecated by rustls for lacking post-quantum key exchange; still the provider lettre uses
    // here (aws-lc-rs, which has it, needs cmake and minutes of compiling).
    #[allow(deprecated)]
    let provider = Arc::new(ring::default_provider());
    let config = ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .unwrap()
        .with_no_client_auth()
        .with_single_cert(
            vec![leaf.der().clone()],
            PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(key.serialize_der())),
        )
        .unwrap();
    Pki {
        ca_pem: ca_cert.pem(),
        acceptor: TlsAcceptor::from(Arc::new(config)),
    }
}

/// Answers SMTP commands until `QUIT`, the end of the stream, or `STARTTLS` (answered; the
/// caller upgrades). True when it stopped for `STARTTLS`.
async fn converse<S: AsyncRead + AsyncWrite + Unpin>(
    s: &mut BufReader<S>,
    offer_starttls: bool,
    seen: &mut Received,
) -> bool {
    let mut line = String::new();
    loop {
        line.clear();
        if s.read_line(&mut line).await.unwrap_or(0) == 0 {
            return false;
        }
        let command = line.trim_end().to_string();
        seen.commands.push(command.clone());
        let reply: &[u8] = if command.starts_with("EHLO") {
            match offer_starttls {
                true => b"250-fake\r\n250-STARTTLS\r\n250 AUTH PLAIN LOGIN\r\n",
                false => b"250-fake\r\n250-AUTH PLAIN LOGIN\r\n250 8BITMIME\r\n",
            }
        } else if command == "STARTTLS" {
            s.get_mut().write_all(b"220 go ahead\r\n").await.unwrap();
            return true;
        } else if command.starts_with("AUTH") {
            b"235 2.7.0 accepted\r\n"
        } else if command == "DATA" {
            s.get_mut().write_all(b"354 go on\r\n").await.unwrap();
            loop {
                line.clear();
                if s.read_line(&mut line).await.unwrap_or(0) == 0 || line.trim_end() == "." {
                    break;
                }
                seen.data.push_str(line.trim_end());
                seen.data.push('\n');
            }
            b"250 queued\r\n"
        } else if command == "QUIT" {
            s.get_mut().write_all(b"221 bye\r\n").await.unwrap();
            return false;
        } else {
            b"250 ok\r\n"
        };
        s.get_mut().write_all(reply).await.unwrap();
    }
}

/// The whole conversation of one connection, in the given mode.
async fn session(socket: TcpStream, mode: Mode) -> Received {
    let mut seen = Received::default();
    match mode {
        Mode::Plain => {
            let mut s = BufReader::new(socket);
            s.get_mut().write_all(b"220 fake ESMTP\r\n").await.unwrap();
            converse(&mut s, false, &mut seen).await;
        }
        Mode::StartTls(acceptor) => {
            let mut s = BufReader::new(socket);
            s.get_mut().write_all(b"220 fake ESMTP\r\n").await.unwrap();
            if converse(&mut s, true, &mut seen).await {
                // The client waits for the 220 before its handshake: nothing is buffered.
                if let Ok(tls) = acceptor.accept(s.into_inner()).await {
                    seen.tls = true;
                    converse(&mut BufReader::new(tls), false, &mut seen).await;
                }
            }
        }
        Mode::Implicit(acceptor) => {
            if let Ok(tls) = acceptor.accept(socket).await {
                seen.tls = true;
                let mut s = BufReader::new(tls);
                s.get_mut().write_all(b"220 fake ESMTP\r\n").await.unwrap();
                converse(&mut s, false, &mut seen).await;
            }
        }
    }
    seen
}

/// A fake server for one connection; reports what it saw when the connection ends.
async fn fake_relay(mode: Mode) -> (u16, oneshot::Receiver<Received>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let (tx, rx) = oneshot::channel();
    tokio::spawn(async move {
        let (socket, _) = listener.accept().await.unwrap();
        let _ = tx.send(session(socket, mode).await);
    });
    (port, rx)
}

fn settings(port: u16, tls: SmtpTls, extra_ca: Option<String>) -> SmtpSettings {
    SmtpSettings {
        host: "127.0.0.1".into(),
        port,
        credentials: Some(("mailer".into(), Secret("s3cret".into()))),
        tls,
        extra_ca,
    }
}

/// Sends one mail to Ana through the relay and returns what the server saw.
async fn send(relay: &Relay, received: oneshot::Receiver<Received>) -> Received {
    let from = crate::config::DEFAULT_MAIL_FROM.parse().unwrap();
    let mail = Mail {
        to_name: "Ana".into(),
        to_email: "ana@example.com".into(),
        subject: "Hello".into(),
        body: "Bonjour Ana\n".into(),
    };
    relay.send_in_background(vec![(
        mail.to_email.clone(),
        message(&from, &mail).unwrap(),
    )]);
    tokio::time::timeout(Duration::from_secs(10), received)
        .await
        .expect("the connection ends within 10 s")
        .unwrap()
}

/// The mail arrived, credentials and all.
fn assert_delivered(seen: &Received) {
    // AUTH PLAIN carries base64("\0mailer\0s3cret").
    let commands = &seen.commands;
    assert!(
        commands.contains(&"AUTH PLAIN AG1haWxlcgBzM2NyZXQ=".to_string()),
        "{commands:?}"
    );
    assert!(
        commands.iter().any(|c| c == "RCPT TO:<ana@example.com>"),
        "{commands:?}"
    );
    assert!(seen.data.contains("Subject: Hello\n"), "{}", seen.data);
    assert!(seen.data.contains("Bonjour Ana\n"), "{}", seen.data);
}

/// Nothing but the greeting's answer went out: no credentials, no mail.
fn assert_nothing_sent(seen: &Received) {
    assert!(
        !seen
            .commands
            .iter()
            .any(|c| c.starts_with("AUTH") || c.starts_with("MAIL")),
        "{:?}",
        seen.commands
    );
    assert!(seen.data.is_empty(), "{}", seen.data);
}

#[tokio::test]
async fn mail_goes_through_a_plain_relay_only_when_asked() {
    let (port, received) = fake_relay(Mode::Plain).await;
    let relay = Relay::new(&settings(port, SmtpTls::None, None));
    assert_eq!(relay.address(), format!("127.0.0.1:{port} (plain, no TLS)"));
    assert_delivered(&send(&relay, received).await);
}

#[tokio::test]
async fn starttls_is_required_not_hoped_for() {
    // A relay (or someone in between) that offers no STARTTLS gets neither password nor mail.
    let (port, received) = fake_relay(Mode::Plain).await;
    let relay = Relay::new(&settings(port, SmtpTls::StartTls, None));
    assert_nothing_sent(&send(&relay, received).await);
}

#[tokio::test]
async fn mail_goes_over_starttls_to_a_relay_of_a_trusted_authority() {
    let pki = pki();
    let (port, received) = fake_relay(Mode::StartTls(pki.acceptor)).await;
    let relay = Relay::new(&settings(port, SmtpTls::StartTls, Some(pki.ca_pem)));
    assert_eq!(relay.address(), format!("127.0.0.1:{port} (STARTTLS)"));
    let seen = send(&relay, received).await;
    assert!(seen.tls);
    assert_delivered(&seen);
    // Credentials only after the upgrade.
    let upgrade = seen.commands.iter().position(|c| c == "STARTTLS").unwrap();
    let auth = seen
        .commands
        .iter()
        .position(|c| c.starts_with("AUTH"))
        .unwrap();
    assert!(upgrade < auth, "{:?}", seen.commands);
}

#[tokio::test]
async fn no_mail_goes_to_a_relay_whose_certificate_is_not_trusted() {
    // The relay's authority is not the one the client trusts (nor a public one).
    let (relay_pki, other) = (pki(), pki());
    let (port, received) = fake_relay(Mode::StartTls(relay_pki.acceptor)).await;
    let relay = Relay::new(&settings(port, SmtpTls::StartTls, Some(other.ca_pem)));
    let seen = send(&relay, received).await;
    assert!(!seen.tls);
    assert_nothing_sent(&seen);
}

#[tokio::test]
async fn mail_goes_over_implicit_tls() {
    let pki = pki();
    let (port, received) = fake_relay(Mode::Implicit(pki.acceptor)).await;
    let relay = Relay::new(&settings(port, SmtpTls::Implicit, Some(pki.ca_pem)));
    assert_eq!(relay.address(), format!("127.0.0.1:{port} (TLS)"));
    let seen = send(&relay, received).await;
    assert!(seen.tls);
    assert_delivered(&seen);
}
