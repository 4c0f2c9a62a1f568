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
