//! Outgoing mail: invitations and notifications, in the recipient's language, plain text only
//! (names people typed go into mail as text, never as HTML).
//!
//! The transport is configuration: an SMTP relay with `--smtp-url`, otherwise one `.eml` file per
//! mail in the mail directory (what tests and demos read). Mail is sent after the database
//! commit; a failure is logged and never undoes or fails the change that caused it.

mod file;
mod smtp;
pub mod texts;

use std::path::{Path, PathBuf};

use lettre::message::header::{ContentTransferEncoding, ContentType};
use lettre::message::{Body, Mailbox};
use lettre::Message;

use crate::config::Config;

/// One mail to send.
#[derive(Clone, Debug, PartialEq)]
pub struct Mail {
    /// The recipient's name, as stored.
    pub to_name: String,
    /// The recipient's address.
    pub to_email: String,
    pub subject: String,
    /// Plain text.
    pub body: String,
}

/// Where mail goes.
enum Transport {
    Dir(file::MailDir),
    Smtp(smtp::Relay),
}

/// Sends mail the configured way.
pub struct Mailer {
    from: Mailbox,
    transport: Transport,
    /// True when the mail directory is a temporary one, deleted when the server stops.
    temporary_dir: bool,
}

impl Mailer {
    /// The mailer the configuration asks for: SMTP, or files in `--mail-dir` (`mail` by default,
    /// a fresh temporary directory for a `:memory:` database).
    pub fn new(config: &Config) -> Mailer {
        let from = config
            .mail_from
            .parse()
            .unwrap_or_else(|_| crate::config::DEFAULT_MAIL_FROM.parse().expect("a mailbox"));
        let (transport, temporary_dir) = match &config.smtp {
            Some(settings) => (Transport::Smtp(smtp::Relay::new(settings)), false),
            None => {
                let (dir, temporary) = match &config.mail_dir {
                    Some(dir) => (dir.clone(), false),
                    None if config.database == ":memory:" => (
                        std::env::temp_dir()
                            .join(format!("sp-mail-{}", crate::tokens::random_token(9))),
                        true,
                    ),
                    None => (PathBuf::from("mail"), false),
                };
                (Transport::Dir(file::MailDir::new(dir)), temporary)
            }
        };
        Mailer {
            from,
            transport,
            temporary_dir,
        }
    }

    /// Where mail goes, for the startup banner (never the SMTP password).
    pub fn describe(&self) -> String {
        match &self.transport {
            Transport::Dir(d) => format!("mail: written to {}", d.path().display()),
            Transport::Smtp(r) => format!("mail: sent through SMTP {}", r.address()),
        }
    }

    /// The mail directory, when mail is written to files.
    pub fn dir(&self) -> Option<&Path> {
        match &self.transport {
            Transport::Dir(d) => Some(d.path()),
            Transport::Smtp(_) => None,
        }
    }

    /// Deletes the mail directory if it is a temporary one (at shutdown).
    pub fn remove_temporary_dir(&self) {
        if let (true, Some(dir)) = (self.temporary_dir, self.dir()) {
            let _ = std::fs::remove_dir_all(dir);
        }
    }

    /// Sends mails. Files are written before this returns (so a test can read them at once);
    /// SMTP sends in the background so that a slow relay never holds up a request. Failures are
    /// logged with the recipient only: bodies hold invitation links.
    pub async fn send(&self, mails: Vec<Mail>) {
        let messages: Vec<(String, Message)> = mails
            .into_iter()
            .filter_map(|m| match message(&self.from, &m) {
                Ok(msg) => Some((m.to_email, msg)),
                Err(e) => {
                    crate::log_line!("mail to {} not sent: {e}", m.to_email);
                    None
                }
            })
            .collect();
        if messages.is_empty() {
            return;
        }
        match &self.transport {
            Transport::Dir(d) => d.write(messages).await,
            Transport::Smtp(r) => r.send_in_background(messages),
        }
    }
}

/// Header values cannot hold line breaks or other control characters.
fn header_text(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect::<String>()
        .trim()
        .to_string()
}

/// The longest line RFC 5322 allows, in bytes, without its CRLF.
const MAX_LINE: usize = 998;

/// A plain-text body sent as is (`8bit`), so that a person or a test reads the mail file
/// directly. Lines are not wrapped: a link must stay whole, and RFC 5322 allows up to 998
/// bytes (lettre's own choice would switch to quoted-printable past 76 characters, breaking the
/// link across lines). Only a longer line falls back to lettre's encoding.
fn eight_bit(text: &str) -> Body {
    let text: String = text
        .replace("\r\n", "\n")
        .chars()
        .filter(|c| *c == '\n' || !c.is_control())
        .collect();
    if text.lines().any(|l| l.len() > MAX_LINE) {
        return Body::new(text);
    }
    let crlf = text.replace('\n', "\r\n");
    Body::dangerous_pre_encoded(crlf.into_bytes(), ContentTransferEncoding::EightBit)
}

/// The RFC 5322 message of a mail: UTF-8 plain text, `8bit`, encoded headers.
pub fn message(from: &Mailbox, mail: &Mail) -> Result<Message, String> {
    let address = mail
        .to_email
        .parse()
        .map_err(|_| "not a deliverable address".to_string())?;
    let to = Mailbox::new(Some(header_text(&mail.to_name)), address);
    let domain = from.email.domain().to_string();
    let id = format!("<{}@{domain}>", crate::tokens::random_token(18));
    let body = eight_bit(&mail.body);
    Message::builder()
        .from(from.clone())
        .to(to)
        .subject(header_text(&mail.subject))
        .message_id(Some(id))
        .date_now()
        .header(ContentType::TEXT_PLAIN)
        .body(body)
        .map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_message_is_plain_utf8_text_with_an_encoded_subject() {
        let from: Mailbox = crate::config::DEFAULT_MAIL_FROM.parse().unwrap();
        let mail = Mail {
            to_name: "Zoé\r\nBcc: evil@example.com".into(),
            to_email: "zoe@example.com".into(),
            subject: "Votre invitation à l'assistance".into(),
            body: "Bonjour Zoé,\n\nVoici le lien.\n".into(),
        };
        let text = String::from_utf8(message(&from, &mail).unwrap().formatted()).unwrap();
        assert!(
            text.contains("Content-Type: text/plain; charset=utf-8\r\n"),
            "{text}"
        );
        assert!(
            text.contains("Content-Transfer-Encoding: 8bit\r\n"),
            "{text}"
        );
        assert!(text.contains("From: \"Support Portal\" <no-reply@support-portal.invalid>\r\n"));
        assert!(text.contains("Message-ID: <"), "{text}");
        assert!(text.contains("\r\nDate: "), "{text}");
        assert!(
            text.contains("Subject: Votre invitation =?utf-8?b?"),
            "{text}"
        );
        assert!(
            text.ends_with("Bonjour Zoé,\r\n\r\nVoici le lien.\r\n"),
            "{text}"
        );
        assert!(!text.contains("\r\nBcc:"), "no header injection: {text}");
    }

    #[test]
    fn long_lines_stay_whole_in_8bit() {
        let link = format!(
            "https://portal.example/set-password#token={}",
            "x".repeat(60)
        );
        let body = eight_bit(&format!("Choose a password:\n{link}\n"));
        assert_eq!(body.encoding(), ContentTransferEncoding::EightBit);
        assert_eq!(
            String::from_utf8(body.into_vec()).unwrap(),
            format!("Choose a password:\r\n{link}\r\n")
        );
        let huge = eight_bit(&"y".repeat(MAX_LINE + 1));
        assert_ne!(huge.encoding(), ContentTransferEncoding::EightBit);
    }

    #[test]
    fn an_undeliverable_address_is_refused() {
        let from: Mailbox = crate::config::DEFAULT_MAIL_FROM.parse().unwrap();
        let mail = Mail {
            to_name: "X".into(),
            to_email: "not an address".into(),
            subject: "s".into(),
            body: "b".into(),
        };
        assert!(message(&from, &mail).is_err());
    }
}
