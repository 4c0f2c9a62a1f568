//! The SMTP transport: one connection per batch, sent in the background, over STARTTLS (the
//! default), implicit TLS or, when asked for, plain SMTP. The relay's certificate is checked
//! against the Mozilla roots built in and the `--smtp-ca-file` authorities.

use lettre::transport::smtp::authentication::Credentials;
use lettre::transport::smtp::client::{Certificate, CertificateStore, Tls, TlsParameters};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use crate::config::{SmtpSettings, SmtpTls};
use crate::log_line;

type Transport = AsyncSmtpTransport<Tokio1Executor>;

/// A configured relay.
pub struct Relay {
    /// `Err` when the TLS settings cannot be used (checked at startup, so not expected): each
    /// mail is then logged as not sent, never sent without the protection asked for.
    transport: Result<Transport, String>,
    address: String,
    tls: SmtpTls,
}

impl Relay {
    /// The relay of the settings; nothing is sent until a mail goes.
    pub fn new(settings: &SmtpSettings) -> Self {
        Relay {
            transport: transport(settings),
            address: format!("{}:{}", settings.host, settings.port),
            tls: settings.tls,
        }
    }

    /// `host:port` and the protection, never the credentials.
    pub fn address(&self) -> String {
        let tls = match self.tls {
            SmtpTls::None => "plain, no TLS",
            SmtpTls::StartTls => "STARTTLS",
            SmtpTls::Implicit => "TLS",
        };
        format!("{} ({tls})", self.address)
    }

    /// Sends the messages one after the other on a background task.
    pub fn send_in_background(&self, messages: Vec<(String, Message)>) {
        let transport = self.transport.clone();
        tokio::spawn(async move {
            for (to, message) in messages {
                let sent = match &transport {
                    Ok(t) => t.send(message).await.map(|_| ()).map_err(|e| e.to_string()),
                    Err(e) => Err(e.clone()),
                };
                if let Err(e) = sent {
                    log_line!("mail to {to} not sent through SMTP: {e}");
                }
            }
        });
    }
}

fn transport(settings: &SmtpSettings) -> Result<Transport, String> {
    // `builder_dangerous` starts from plain SMTP; `tls` below replaces it unless `none` was asked.
    let mut builder = Transport::builder_dangerous(settings.host.as_str()).port(settings.port);
    if settings.tls != SmtpTls::None {
        let mut parameters = TlsParameters::builder(settings.host.clone())
            .certificate_store(CertificateStore::WebpkiRoots);
        if let Some(pem) = &settings.extra_ca {
            let ca = Certificate::from_pem(pem.as_bytes()).map_err(|e| e.to_string())?;
            parameters = parameters.add_root_certificate(ca);
        }
        let parameters = parameters.build_rustls().map_err(|e| e.to_string())?;
        builder = builder.tls(match settings.tls {
            SmtpTls::Implicit => Tls::Wrapper(parameters),
            _ => Tls::Required(parameters),
        });
    }
    if let Some((user, password)) = &settings.credentials {
        builder = builder.credentials(Credentials::new(user.clone(), password.0.clone()));
    }
    Ok(builder.build())
}

#[cfg(test)]
mod tests;
