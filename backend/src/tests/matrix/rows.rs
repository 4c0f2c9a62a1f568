//! The rows the matrix and the probes aim at, made through the API in a fresh demo app: a
//! case, a chat, an upload, a callback request, a support user and an audit entry of Northwind
//! and of Contoso, and the chat and upload of Northwind's Customer Support Administrator.

use super::*;

/// Asserts a 2xx and returns its JSON.
pub(super) async fn ok_json(
    app: &TestApp,
    method: Method,
    path: &str,
    body: Value,
    cookie: &str,
) -> Value {
    let r = send(app, method, path, &Payload::Json(body), cookie, &[]).await;
    assert!(r.status.is_success(), "{path}: {} {}", r.status, r.text());
    r.json()
}

/// Uploads a small text file and returns its id.
async fn upload(app: &TestApp, cookie: &str, name: &str) -> String {
    let bytes = format!("notes of {name}").into_bytes();
    let r = app.upload(cookie, bytes, "text/plain", name).await;
    assert!(r.status.is_success(), "upload: {} {}", r.status, r.text());
    r.json()["id"].as_str().unwrap().to_string()
}

/// Rows of one organisation, made through the API where the demo has none.
#[derive(Clone, Debug)]
pub(super) struct OrgRows {
    pub(super) org_id: String,
    /// A case of the organisation, and its title.
    pub(super) case: (String, String),
    /// The chat of the organisation's system administrator, and its topic.
    pub(super) admin_chat: (String, String),
    /// The attachment the system administrator uploaded (not attached), and its name.
    pub(super) admin_upload: (String, String),
    /// A callback request, and its topic.
    pub(super) callback: (String, String),
    /// A support user who is not the system administrator, and their email.
    pub(super) user: (String, String),
    /// An audit entry's id.
    pub(super) audit: String,
}

/// Every row the matrix and the probes aim at.
#[derive(Clone, Debug)]
pub(super) struct Rows {
    pub(super) northwind: OrgRows,
    pub(super) contoso: OrgRows,
    /// The chat and the upload of Northwind's Customer Support Administrator (Casey Lee).
    pub(super) support_chat: (String, String),
    pub(super) support_upload: (String, String),
    /// A learning item and a help article, shared by every organisation.
    pub(super) learning: String,
    pub(super) slug: String,
    /// A hand-off token minted by the host, and the invitation token of Northwind's new user.
    pub(super) handoff: String,
    pub(super) invitation: String,
}

impl Rows {
    /// Makes the rows in a fresh demo app and returns them with the cookies of the four
    /// signed-in identities (in `EVERYONE` order, the signed-out one empty).
    pub(super) async fn build(app: &TestApp) -> (Rows, [String; 5]) {
        let mut cookies: [String; 5] = Default::default();
        for (i, who) in EVERYONE.iter().enumerate() {
            if let Some(email) = who.email() {
                cookies[i] = app.cookie_for(email).await;
            }
        }
        let [_, _, support, sys, other] = &cookies;
        let tag = random_token(6);
        let support_chat = chat(app, support, &format!("Casey matrix chat {tag}")).await;
        let support_upload = format!("casey-{tag}.txt");
        let support_upload = (upload(app, support, &support_upload).await, support_upload);
        let northwind = org_rows(app, sys, NORTHWIND, &random_token(6)).await;
        let contoso = org_rows(app, other, CONTOSO, &random_token(6)).await;
        let articles = send(
            app,
            Method::GET,
            "/api/v1/help/articles",
            &Payload::None,
            sys,
            &[],
        );
        let articles = articles.await.json();
        let slug = articles["items"][0]["slug"].as_str().expect("an article");
        let handoff = app.mint(HOST_TOKEN, SUPPORT_ADMIN).await;
        let handoff = handoff.json()["token"].as_str().unwrap().to_string();
        let invitation = invitation_token(app, &northwind.user.1);
        let rows = Rows {
            northwind,
            contoso,
            support_chat,
            support_upload,
            learning: "portal-tour".into(),
            slug: slug.to_string(),
            handoff,
            invitation,
        };
        (rows, cookies)
    }

    pub(super) fn tokens(&self) -> [&str; 2] {
        [&self.handoff, &self.invitation]
    }

    /// The organisation rows of an identity (Contoso's for its administrator).
    pub(super) fn own(&self, who: Who) -> &OrgRows {
        match who {
            Who::OtherOrgAdmin => &self.contoso,
            _ => &self.northwind,
        }
    }

    /// The organisation rows an identity must never see.
    pub(super) fn foreign(&self, who: Who) -> &OrgRows {
        match who {
            Who::OtherOrgAdmin => &self.northwind,
            _ => &self.contoso,
        }
    }
}

async fn chat(app: &TestApp, cookie: &str, topic: &str) -> (String, String) {
    let body = json!({"product": "analytics", "topic": topic, "summary": "Numbers look off."});
    let chat = ok_json(app, Method::POST, "/api/v1/chats", body, cookie).await;
    (chat["id"].as_str().unwrap().to_string(), topic.to_string())
}

/// A case, a chat, an upload, a callback request and an audit entry of one organisation,
/// made by its system administrator (`admin`).
async fn org_rows(app: &TestApp, admin: &str, org: &str, tag: &str) -> OrgRows {
    let short = org.split(' ').next().unwrap();
    let title = format!("{short} matrix case {tag}");
    let case = json!({
        "product": "analytics", "priority": "p3", "title": title,
        "description": "Numbers look wrong since Monday.",
        "contact_phone": "+44 20 7946 0000", "time_zone": "Europe/London",
    });
    let case = ok_json(app, Method::POST, "/api/v1/cases", case, admin).await;
    let admin_chat = chat(app, admin, &format!("{short} matrix chat {tag}")).await;
    let name = format!("{}-{tag}.txt", short.to_lowercase());
    let admin_upload = (upload(app, admin, &name).await, name);
    let topic = format!("{short} matrix callback {tag}");
    let callback = json!({"product": "target", "phone": "+44 20 7946 0123", "topic": topic});
    let callback = ok_json(app, Method::POST, "/api/v1/callbacks", callback, admin).await;
    // A new support user: an audit entry of the organisation, and a user nobody else shares.
    let email = format!("matrix-{short}-{tag}@example.com").to_lowercase();
    let body = json!({"email": email, "name": format!("{short} Matrix"), "role": "customer_support_admin"});
    let user = ok_json(app, Method::POST, "/api/v1/support-users", body, admin).await;
    let audit = send(
        app,
        Method::GET,
        "/api/v1/audit-log",
        &Payload::None,
        admin,
        &[],
    );
    let audit = audit.await.json();
    OrgRows {
        org_id: app
            .state
            .db
            .conn()
            .query_row("SELECT id FROM organisations WHERE name = ?1", [org], |r| {
                r.get("id")
            })
            .unwrap(),
        case: (case["id"].as_str().unwrap().into(), title),
        admin_chat,
        admin_upload,
        callback: (callback["id"].as_str().unwrap().into(), topic),
        user: (user["id"].as_str().unwrap().into(), email),
        audit: audit["items"][0]["id"]
            .as_str()
            .expect("an audit entry")
            .into(),
    }
}

/// The set-password token mailed to `email`.
fn invitation_token(app: &TestApp, email: &str) -> String {
    let dir = app.state.mailer.dir().expect("mail goes to a directory");
    let marker = format!("{PUBLIC_URL}/set-password#token=");
    for entry in std::fs::read_dir(dir).unwrap() {
        let mail = std::fs::read_to_string(entry.unwrap().path()).unwrap_or_default();
        if let (true, Some(at)) = (mail.contains(email), mail.find(&marker)) {
            let token = mail[at + marker.len()..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_');
            return token.collect();
        }
    }
    panic!("no invitation to {email}")
}
