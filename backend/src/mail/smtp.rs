//! The SMTP transport: a plain relay (no TLS), one connection per batch, sent in the background.

use lettre::transport::smtp::authentication::Credentials;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use crate::config::SmtpSettings;

/// A configured relay.
pub struct Relay {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    address: String,
}

impl Relay {
    pub fn new(settings: &SmtpSettings) -> Self {
        // `builder_dangerous`: no TLS. The flag documents a plain relay on purpose.
        let mut builder =
            AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(settings.host.as_str())
                .port(settings.port);
        if let Some((user, password)) = &settings.credentials {
            builder = builder.credentials(Credentials::new(user.clone(), password.0.clone()));
        }
        Relay {
            transport: builder.build(),
            address: format!("{}:{}", settings.host, settings.port),
        }
    }

    /// `host:port`, never the credentials.
    pub fn address(&self) -> &str {
        &self.address
    }

    /// Sends the messages one after the other on a background task.
    pub fn send_in_background(&self, messages: Vec<(String, Message)>) {
        let transport = self.transport.clone();
        tokio::spawn(async move {
            for (to, message) in messages {
                if let Err(e) = transport.send(message).await {
                    eprintln!("mail to {to} not sent through SMTP: {e}");
                }
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Secret;
    use crate::mail::{message, Mail};
    use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
    use tokio::net::TcpListener;

    /// A relay that accepts one message and reports the commands and data it received.
    async fn fake_relay() -> (u16, tokio::sync::oneshot::Receiver<(Vec<String>, String)>) {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        let (tx, rx) = tokio::sync::oneshot::channel();
        tokio::spawn(async move {
            let (socket, _) = listener.accept().await.unwrap();
            let (read, mut write) = socket.into_split();
            let mut lines = BufReader::new(read).lines();
            write.write_all(b"220 fake ESMTP\r\n").await.unwrap();
            let (mut commands, mut data) = (Vec::new(), String::new());
            while let Some(line) = lines.next_line().await.unwrap() {
                let reply: &[u8] = if line.starts_with("EHLO") {
                    b"250-fake\r\n250-AUTH PLAIN LOGIN\r\n250 8BITMIME\r\n"
                } else if line.starts_with("AUTH") {
                    b"235 2.7.0 accepted\r\n"
                } else if line == "DATA" {
                    write.write_all(b"354 go on\r\n").await.unwrap();
                    while let Some(l) = lines.next_line().await.unwrap() {
                        if l == "." {
                            break;
                        }
                        data.push_str(&l);
                        data.push('\n');
                    }
                    b"250 queued\r\n"
                } else if line == "QUIT" {
                    write.write_all(b"221 bye\r\n").await.unwrap();
                    commands.push(line);
                    break;
                } else {
                    b"250 ok\r\n"
                };
                commands.push(line);
                write.write_all(reply).await.unwrap();
            }
            let _ = tx.send((commands, data));
        });
        (port, rx)
    }

    #[tokio::test]
    async fn mail_goes_through_a_plain_relay_with_credentials() {
        let (port, received) = fake_relay().await;
        let relay = Relay::new(&SmtpSettings {
            host: "127.0.0.1".into(),
            port,
            credentials: Some(("mailer".into(), Secret("s3cret".into()))),
        });
        assert_eq!(relay.address(), format!("127.0.0.1:{port}"));
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
        let (commands, data) = tokio::time::timeout(std::time::Duration::from_secs(10), received)
            .await
            .unwrap()
            .unwrap();
        // AUTH PLAIN carries base64("\0mailer\0s3cret").
        assert!(
            commands.contains(&"AUTH PLAIN AG1haWxlcgBzM2NyZXQ=".to_string()),
            "{commands:?}"
        );
        assert!(
            commands.iter().any(|c| c == "RCPT TO:<ana@example.com>"),
            "{commands:?}"
        );
        assert!(data.contains("Subject: Hello\n"), "{data}");
        assert!(data.contains("Bonjour Ana\n"), "{data}");
    }
}
