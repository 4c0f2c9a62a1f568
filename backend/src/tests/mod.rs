//! Router tests: the whole app in memory, driven through `tower::ServiceExt::oneshot`.

mod access;
mod callbacks;
mod cases;
mod chat;
mod console;
mod demo_start;
mod errors;
mod handoff;
mod health;
mod help;
mod history;
mod home;
mod layout;
mod learning;
mod log_secrets;
mod matrix;
mod organisations;
mod profile;
mod search;
mod session;
mod sign_in_limits;
mod users;
mod web;

use std::path::PathBuf;

use axum::body::Body;
use axum::http::{header, HeaderMap, Method, Request, StatusCode};
use axum::Router;
use serde_json::Value;
use tower::ServiceExt;

use crate::config::Config;
use crate::db::Db;
use crate::seed::{seed_demo, DEMO_PASSWORD};
use crate::state::AppState;
use crate::tokens::random_token;
use crate::{app, problem::PROBLEM_JSON};

pub const SYSADMIN: &str = "sysadmin@northwind.example";
pub const SUPPORT_ADMIN: &str = "support@northwind.example";
pub const MEMBER: &str = "member@northwind.example";
pub const INVITED: &str = "jordan.blake@northwind.example";
pub const OTHER_ORG_ADMIN: &str = "sysadmin@contoso.example";
/// Morgan Avery, a Customer Support Administrator in both Northwind and Contoso.
pub const MULTI_ORG: &str = "morgan.avery@partners.example";

/// An app over a fresh demo database, with its state for reaching behind the API.
pub struct TestApp {
    pub router: Router,
    pub state: AppState,
}

impl Drop for TestApp {
    /// Throwaway databases get throwaway mail and upload directories: delete them with the app.
    fn drop(&mut self) {
        self.state.mailer.remove_temporary_dir();
        if self.state.data_dir_is_temporary() {
            let _ = std::fs::remove_dir_all(&self.state.data_dir);
        }
    }
}

/// A response, read whole.
pub struct Reply {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Vec<u8>,
}

impl Reply {
    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.text()))
    }

    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    pub fn header(&self, name: header::HeaderName) -> &str {
        self.headers
            .get(&name)
            .map(|v| v.to_str().unwrap())
            .unwrap_or("")
    }

    /// Asserts a problem response of this status and type, and returns its body.
    pub fn problem(&self, status: u16, type_: &str) -> Value {
        assert_eq!(self.status.as_u16(), status, "{}", self.text());
        assert_eq!(self.header(header::CONTENT_TYPE), PROBLEM_JSON);
        let p = self.json();
        assert_eq!(p["type"], type_, "{p}");
        assert_eq!(p["status"], status);
        assert!(p["title"].as_str().is_some_and(|t| !t.is_empty()));
        p
    }
}

impl TestApp {
    /// How many sessions the database holds (signed in anywhere).
    pub fn session_count(&self) -> i64 {
        self.state
            .db
            .conn()
            .query_row("SELECT count(*) AS n FROM sessions", [], |r| r.get("n"))
            .unwrap()
    }

    pub fn new() -> Self {
        Self::with_config(Self::config())
    }

    /// The configuration of [`TestApp::new`], to adjust before [`TestApp::with_config`].
    pub fn config() -> Config {
        Config {
            static_dir: PathBuf::from("/nonexistent/sp-dist"),
            database: ":memory:".into(),
            ..Config::default()
        }
    }

    pub fn with_config(config: Config) -> Self {
        let db = Db::open(":memory:").unwrap();
        seed_demo(&mut db.conn()).unwrap();
        crate::seed::seed_help(&mut db.conn(), 0).unwrap();
        crate::seed::seed_learning(&mut db.conn(), crate::clock::now()).unwrap();
        let state = AppState::new(db, config);
        TestApp {
            router: app(state.clone()),
            state,
        }
    }

    pub async fn send(&self, req: Request<Body>) -> Reply {
        let res = self.router.clone().oneshot(req).await.unwrap();
        let status = res.status();
        let headers = res.headers().clone();
        let body = axum::body::to_bytes(res.into_body(), usize::MAX)
            .await
            .unwrap()
            .to_vec();
        Reply {
            status,
            headers,
            body,
        }
    }

    /// A request with an optional body of a content type, a cookie (none when empty) and extra
    /// headers: the one builder every helper goes through.
    pub async fn request(
        &self,
        method: Method,
        path: &str,
        body: Option<(&str, Vec<u8>)>,
        cookie: &str,
        headers: &[(&str, &str)],
    ) -> Reply {
        let mut req = Request::builder()
            .method(method)
            .uri(path)
            .header(header::HOST, "portal.test");
        if !cookie.is_empty() {
            req = req.header(header::COOKIE, cookie);
        }
        // As a browser does on every state change (GETs carry none, which the guard ignores).
        if !headers
            .iter()
            .any(|(k, _)| k.eq_ignore_ascii_case("origin"))
        {
            req = req.header(header::ORIGIN, "http://portal.test");
        }
        for (k, v) in headers {
            req = req.header(*k, *v);
        }
        let body = match body {
            Some((content_type, bytes)) => {
                req = req.header(header::CONTENT_TYPE, content_type);
                Body::from(bytes)
            }
            None => Body::empty(),
        };
        self.send(req.body(body).unwrap()).await
    }

    /// A request with a JSON body (if any), a cookie and extra headers.
    pub async fn req(
        &self,
        method: Method,
        path: &str,
        body: Option<Value>,
        cookie: &str,
        headers: &[(&str, &str)],
    ) -> Reply {
        let body = body.map(|v| ("application/json", v.to_string().into_bytes()));
        self.request(method, path, body, cookie, headers).await
    }

    /// A request with an optional JSON body and session cookie.
    pub async fn call(
        &self,
        method: Method,
        path: &str,
        body: Option<Value>,
        cookie: Option<&str>,
    ) -> Reply {
        self.req(method, path, body, cookie.unwrap_or(""), &[])
            .await
    }

    /// `POST /attachments` of `bytes` as a file of this type and (percent-encoded) name.
    pub async fn upload(&self, cookie: &str, bytes: Vec<u8>, ty: &str, name: &str) -> Reply {
        let headers = [("x-file-name", name)];
        self.request(
            Method::POST,
            "/api/v1/attachments",
            Some((ty, bytes)),
            cookie,
            &headers,
        )
        .await
    }

    /// `POST /host/handoff` for `email` with the host's bearer `host_token` (none when empty).
    pub async fn mint(&self, host_token: &str, email: &str) -> Reply {
        let auth = format!("Bearer {host_token}");
        let headers: &[(&str, &str)] = if host_token.is_empty() {
            &[]
        } else {
            &[("authorization", &auth)]
        };
        let body = serde_json::json!({ "email": email });
        self.req(
            Method::POST,
            "/api/v1/host/handoff",
            Some(body),
            "",
            headers,
        )
        .await
    }

    pub async fn get(&self, path: &str, cookie: Option<&str>) -> Reply {
        self.call(Method::GET, path, None, cookie).await
    }

    pub async fn sign_in_as(&self, email: &str, password: &str) -> Reply {
        let body = serde_json::json!({ "email": email, "password": password });
        self.call(Method::POST, "/api/v1/session", Some(body), None)
            .await
    }

    /// Prints the best of five answers' times for each of `paths` (a benchmark's figures, not a
    /// verdict), checking that each answered 200.
    pub async fn print_speeds(&self, cookie: &str, paths: &[&str]) {
        for path in paths {
            let mut best = std::time::Duration::MAX;
            for _ in 0..5 {
                let started = std::time::Instant::now();
                let r = self.get(path, Some(cookie)).await;
                best = best.min(started.elapsed());
                assert_eq!(r.status, StatusCode::OK);
            }
            println!("{:>8.2} ms  {path}", best.as_secs_f64() * 1000.0);
        }
    }

    /// The id of a person's account in an organisation (by its name), straight from the database.
    pub fn account_in(&self, email: &str, organisation: &str) -> String {
        self.state
            .db
            .conn()
            .query_row(
                "SELECT u.id FROM users u JOIN organisations o ON o.id = u.organisation_id \
                 WHERE u.email = ?1 AND o.name = ?2",
                [email, organisation],
                |r| r.get("id"),
            )
            .unwrap()
    }

    /// Signs in with the demo password and returns the `Cookie` header value to send back.
    pub async fn cookie_for(&self, email: &str) -> String {
        let r = self.sign_in_as(email, DEMO_PASSWORD).await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.text());
        cookie_pair(r.header(header::SET_COOKIE))
    }
}

/// The `ETag` of a response.
pub fn etag(r: &Reply) -> String {
    r.header(header::ETAG).to_string()
}

/// The `field:code` of each field error of a problem, in order.
pub fn field_codes(problem: &Value) -> Vec<String> {
    problem["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            format!(
                "{}:{}",
                e["field"].as_str().unwrap(),
                e["code"].as_str().unwrap()
            )
        })
        .collect()
}

/// Query pairs as a handler receives them.
pub fn pairs(q: &[(&str, &str)]) -> Vec<(String, String)> {
    q.iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

/// `name=value` from a `Set-Cookie` header.
pub fn cookie_pair(set_cookie: &str) -> String {
    set_cookie.split(';').next().unwrap().to_string()
}

/// A throwaway static directory with an app shell and one asset.
pub struct StaticDir(pub PathBuf);

impl StaticDir {
    pub fn new() -> Self {
        let dir = std::env::temp_dir().join(format!("sp-static-{}", random_token(9)));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(
            dir.join("index.html"),
            "<!doctype html><title>Support Portal</title>",
        )
        .unwrap();
        std::fs::write(dir.join("app.js"), "console.log('app')").unwrap();
        StaticDir(dir)
    }
}

impl Drop for StaticDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}
