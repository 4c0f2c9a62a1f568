//! Support-user administration as wired: creating (with mails), importing, role changes and
//! removal with their organisation rules, reviews, invitations, the audit log, and access.

mod access;
mod audit;
mod create;
mod edit;
mod import;
mod invitations;
mod review;

use axum::http::{Method, StatusCode};
use serde_json::{json, Value};

use super::*;

/// Where the links in the tests' mails point.
const PUBLIC_URL: &str = "http://portal.test";

impl TestApp {
    /// An app whose mail goes to its own temporary directory, with links to [`PUBLIC_URL`].
    fn with_mail() -> Self {
        Self::with_config(Config {
            public_url: Some(PUBLIC_URL.into()),
            ..Self::config()
        })
    }

    /// `POST /support-users`.
    async fn create_user(&self, cookie: &str, email: &str, name: &str, role: &str) -> Reply {
        let body = json!({ "email": email, "name": name, "role": role });
        self.req(
            Method::POST,
            "/api/v1/support-users",
            Some(body),
            cookie,
            &[],
        )
        .await
    }

    /// `POST /support-users`, expecting 201; the created user.
    async fn created(&self, cookie: &str, email: &str, name: &str, role: &str) -> Value {
        let r = self.create_user(cookie, email, name, role).await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
        r.json()
    }

    /// `POST /support-users` of a Customer Support Administrator, expecting 201: the invited
    /// user, and the token of the invitation mailed to them.
    async fn invited(&self, cookie: &str, email: &str, name: &str) -> (Value, String) {
        let user = self
            .created(cookie, email, name, "customer_support_admin")
            .await;
        (user, self.invitation_token(email))
    }

    /// `POST /invitations/inspect`.
    async fn inspect(&self, token: &str) -> Reply {
        let body = json!({ "token": token });
        self.call(
            Method::POST,
            "/api/v1/invitations/inspect",
            Some(body),
            None,
        )
        .await
    }

    /// `POST /invitations/accept`.
    async fn accept(&self, token: &str, password: &str) -> Reply {
        let body = json!({ "token": token, "password": password });
        self.call(Method::POST, "/api/v1/invitations/accept", Some(body), None)
            .await
    }

    /// A user's id by email, straight from the database.
    fn user_id(&self, email: &str) -> String {
        self.state
            .db
            .conn()
            .query_row("SELECT id FROM users WHERE email = ?1", [email], |r| {
                r.get("id")
            })
            .unwrap()
    }

    /// `GET /support-users/{id}`, expecting 200.
    async fn support_user(&self, cookie: &str, id: &str) -> Reply {
        let r = self
            .get(&format!("/api/v1/support-users/{id}"), Some(cookie))
            .await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.text());
        r
    }

    /// Every mail written so far, oldest first, as text.
    fn mails(&self) -> Vec<String> {
        let Some(dir) = self.state.mailer.dir() else {
            return Vec::new();
        };
        let Ok(entries) = std::fs::read_dir(dir) else {
            return Vec::new();
        };
        let mut names: Vec<_> = entries
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "eml"))
            .collect();
        names.sort();
        names
            .iter()
            .map(|p| std::fs::read_to_string(p).unwrap())
            .collect()
    }

    /// The mails to one address, oldest first.
    fn mails_to(&self, email: &str) -> Vec<String> {
        let to = format!("<{email}>\r\n");
        self.mails()
            .into_iter()
            .filter(|m| mail_header(m, "To").is_some_and(|l| format!("{l}\r\n").ends_with(&to)))
            .collect()
    }

    /// The invitation token mailed to `email` last.
    fn invitation_token(&self, email: &str) -> String {
        let mails = self.mails_to(email);
        let mail = mails.last().unwrap_or_else(|| panic!("no mail to {email}"));
        invitation_token(mail).unwrap_or_else(|| panic!("no invitation link in {mail}"))
    }
}

/// A header of a mail, unfolded (long headers continue on indented lines).
fn mail_header(mail: &str, name: &str) -> Option<String> {
    let head = mail.split("\r\n\r\n").next()?;
    let unfolded = head.replace("\r\n ", " ").replace("\r\n\t", " ");
    let prefix = format!("{name}: ");
    unfolded
        .split("\r\n")
        .find(|l| l.starts_with(&prefix))
        .map(|l| l[prefix.len()..].to_string())
}

/// The token of the set-password link in a mail.
fn invitation_token(mail: &str) -> Option<String> {
    let marker = format!("{PUBLIC_URL}/set-password#token=");
    let start = mail.find(&marker)? + marker.len();
    Some(
        mail[start..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
            .collect(),
    )
}
