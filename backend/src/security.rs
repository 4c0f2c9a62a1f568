//! Headers every response carries, and the cross-origin (CSRF) check on state-changing requests
//! and on chat stream upgrades.
//!
//! No `Cross-Origin-Embedder-Policy`: it would require every framing host page and every
//! resource to opt in, and the portal is embedded by host pages (`--embed-origins`).

use std::sync::Arc;

use axum::extract::{FromRequestParts, Request, State};
use axum::http::{header, request::Parts, HeaderName, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use support_contract::problem_types as types;

use crate::config::{Config, CspTest};
use crate::problem::ApiError;
use crate::state::AppState;

/// The browser features the portal never uses, all turned off (`Permissions-Policy`): a script
/// that got in anyway cannot ask for the camera, the microphone, the location, a payment or a
/// device. Only features Chromium knows: an unknown one costs a console error on every page.
const PERMISSIONS_POLICY: &str = "accelerometer=(), camera=(), display-capture=(), \
     geolocation=(), gyroscope=(), hid=(), magnetometer=(), microphone=(), midi=(), payment=(), \
     serial=(), usb=()";

/// One year: browsers remember to use HTTPS only for this long, renewed on every answer.
const HSTS: &str = "max-age=31536000";

/// Reports every HTML, script and script-URL sink a page assigns a plain string to, without
/// blocking it (Trusted Types, report-only): the hostile-input tests read the reports.
const TRUSTED_TYPES_REPORT: &str = "require-trusted-types-for 'script'";

/// What the security middleware needs, computed once at startup.
pub struct Security {
    /// `None` only under `--test-csp off`.
    csp: Option<HeaderValue>,
    /// The Trusted Types report-only policy, under `--test-csp`.
    report_only: Option<HeaderValue>,
    allowed_origins: Vec<String>,
    /// `--secure-cookies` says the portal is served over HTTPS: only then is HSTS sent (over
    /// plain HTTP browsers ignore it, and a local development server must stay reachable).
    hsts: bool,
}

impl Security {
    /// Builds the policy from the configuration.
    pub fn new(config: &Config) -> Self {
        let extra: String = config.connect_src.iter().map(|o| format!(" {o}")).collect();
        // The host pages that embed the portal may frame it; no other page may.
        let embedders: String = config
            .embed_origins
            .iter()
            .map(|o| format!(" {o}"))
            .collect();
        let csp = format!(
            "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; \
             font-src 'self'; connect-src 'self'{extra}; object-src 'none'; base-uri 'self'; form-action 'self'; \
             frame-ancestors 'self'{embedders}"
        );
        let csp = HeaderValue::from_str(&csp)
            .expect("origins were checked when parsing the configuration");
        Security {
            csp: (config.test_csp != Some(CspTest::Off)).then_some(csp),
            report_only: config
                .test_csp
                .map(|_| HeaderValue::from_static(TRUSTED_TYPES_REPORT)),
            allowed_origins: config
                .allowed_origins
                .iter()
                .map(|o| o.to_ascii_lowercase())
                .collect(),
            hsts: config.secure_cookies,
        }
    }

    fn may_change_state(&self, origin: Option<&str>, host: Option<&str>, vouched: bool) -> bool {
        may_change_state(&self.allowed_origins, origin, host, vouched)
    }
}

/// Whether a request from `origin` may change state (or open a chat stream): the portal's own
/// origin or an allowed one.
fn origin_allowed(allowed: &[String], origin: &str, host: Option<&str>) -> bool {
    let origin = origin.trim_end_matches('/').to_ascii_lowercase();
    let own = host.is_some_and(|h| {
        let h = h.to_ascii_lowercase();
        origin == format!("http://{h}") || origin == format!("https://{h}")
    });
    own || allowed.iter().any(|a| a.eq_ignore_ascii_case(&origin))
}

/// The header a client that is not a browser sends on a state change instead of `Origin`.
pub const CLIENT_HEADER: &str = "x-requested-with";

/// Whether a state-changing request may go through. Browsers send `Origin` on every POST, PUT,
/// PATCH and DELETE, so one with an `Origin` is judged by it. One without must prove it was not
/// sent by a page of another site: a `X-Requested-With` header (another site's page cannot add
/// a custom header without a CORS preflight, which the backend never grants) or an
/// `Authorization` header (a bearer token is never attached by the browser on its own). A
/// cookie alone is not enough: an old browser or a privacy extension may drop `Origin` from a
/// cross-site form, and a form can post `text/plain` or `multipart/form-data` bodies (an import,
/// an upload) without a preflight.
fn may_change_state(
    allowed: &[String],
    origin: Option<&str>,
    host: Option<&str>,
    vouched: bool,
) -> bool {
    match origin {
        Some(origin) => origin_allowed(allowed, origin, host),
        None => vouched,
    }
}

/// The origin check of a WebSocket upgrade. The handshake is a GET, which [`guard`] lets
/// through, yet it opens a channel that carries the session's data both ways: a page on
/// another origin must not open it with the user's cookie (cross-site WebSocket hijacking).
/// Refused with 403 `cross-origin` before upgrading.
pub struct SameOrigin;

impl FromRequestParts<AppState> for SameOrigin {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let get = |name| {
            parts
                .headers
                .get(name)
                .and_then(|v: &HeaderValue| v.to_str().ok())
        };
        let host = get(header::HOST).or_else(|| parts.uri.authority().map(|a| a.as_str()));
        // Browsers always send `Origin` on a WebSocket handshake; a client that is not a
        // browser (a test, a bot) has no ambient cookie to abuse.
        let allowed = get(header::ORIGIN)
            .is_none_or(|o| origin_allowed(&state.config.allowed_origins, o, host));
        if allowed {
            Ok(SameOrigin)
        } else {
            Err(ApiError::problem(
                types::CROSS_ORIGIN,
                StatusCode::FORBIDDEN,
                "Cross-origin request refused",
                "Chat streams open only from the portal's own origin.",
            ))
        }
    }
}

/// Refuses cross-origin state changes and adds the security headers to every response.
pub async fn guard(State(security): State<Arc<Security>>, req: Request, next: Next) -> Response {
    let changes_state = matches!(
        *req.method(),
        Method::POST | Method::PUT | Method::PATCH | Method::DELETE
    );
    let is_api = req.uri().path() == "/api" || req.uri().path().starts_with("/api/");
    let vouched = req.headers().contains_key(CLIENT_HEADER)
        || req.headers().contains_key(header::AUTHORIZATION);
    let mut res = if changes_state
        && !security.may_change_state(header_str(&req, header::ORIGIN), host(&req), vouched)
    {
        ApiError::cross_origin().into_response()
    } else {
        next.run(req).await
    };
    let headers = res.headers_mut();
    if let Some(csp) = &security.csp {
        headers.insert(header::CONTENT_SECURITY_POLICY, csp.clone());
    }
    if let Some(report) = &security.report_only {
        headers.insert(header::CONTENT_SECURITY_POLICY_REPORT_ONLY, report.clone());
    }
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    // A window of another origin that opens the portal gets no handle on it. Popups the
    // portal itself opens keep theirs (`-allow-popups`): its own links to other sites already
    // open with `noopener`, and a console that opens a window keeps talking to it. Frames are
    // unaffected: embedding hosts still talk with the portal in their iframe through
    // `postMessage`, whose allow-list is what guards it.
    headers.insert(
        HeaderName::from_static("cross-origin-opener-policy"),
        HeaderValue::from_static("same-origin-allow-popups"),
    );
    headers.insert(
        HeaderName::from_static("permissions-policy"),
        HeaderValue::from_static(PERMISSIONS_POLICY),
    );
    if security.hsts {
        headers.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static(HSTS),
        );
    }
    if is_api {
        // Sessions and personal data: no shared or private cache may keep an API answer.
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    res
}

fn header_str(req: &Request, name: header::HeaderName) -> Option<&str> {
    req.headers().get(name).and_then(|v| v.to_str().ok())
}

/// The host the client addressed: `Host`, or the URI authority (HTTP/2).
fn host(req: &Request) -> Option<&str> {
    header_str(req, header::HOST).or_else(|| req.uri().authority().map(|a| a.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn own_and_allowed_origins_pass_others_do_not() {
        let config = Config {
            allowed_origins: vec!["https://console.example".into()],
            ..Config::default()
        };
        let s = Security::new(&config);
        let host = Some("localhost:8080");
        assert!(s.may_change_state(Some("http://localhost:8080"), host, false));
        assert!(s.may_change_state(Some("https://Console.example"), host, false));
        assert!(!s.may_change_state(Some("https://evil.example"), host, false));
        assert!(!s.may_change_state(Some("https://evil.example"), host, true));
        assert!(!s.may_change_state(Some("null"), host, false));
        assert!(!s.may_change_state(Some("http://localhost:8080"), None, false));
        // Without `Origin`, only a custom header or a bearer token vouches for the request.
        assert!(!s.may_change_state(None, host, false));
        assert!(s.may_change_state(None, host, true));
    }

    #[test]
    fn extra_connect_sources_are_appended() {
        let config = Config {
            connect_src: vec!["wss://chat.example".into()],
            ..Config::default()
        };
        let csp = Security::new(&config).csp.unwrap();
        assert!(csp
            .to_str()
            .unwrap()
            .contains("connect-src 'self' wss://chat.example;"));
    }

    #[test]
    fn only_the_portal_frames_itself_unless_embed_origins_are_configured() {
        let csp = Security::new(&Config::default()).csp.unwrap();
        assert!(csp.to_str().unwrap().ends_with("; frame-ancestors 'self'"));
        let config = Config {
            embed_origins: vec![
                "https://console.example".into(),
                "http://localhost:3000".into(),
            ],
            ..Config::default()
        };
        let csp = Security::new(&config).csp.unwrap();
        assert!(csp
            .to_str()
            .unwrap()
            .ends_with("; frame-ancestors 'self' https://console.example http://localhost:3000"));
    }

    #[test]
    fn the_test_policies_report_trusted_types_and_off_drops_the_policy() {
        let normal = Security::new(&Config::default());
        assert!(normal.csp.is_some() && normal.report_only.is_none());
        for (mode, enforced) in [(CspTest::Report, true), (CspTest::Off, false)] {
            let s = Security::new(&Config {
                test_csp: Some(mode),
                ..Config::default()
            });
            assert_eq!(s.csp.is_some(), enforced);
            assert_eq!(s.report_only.unwrap(), TRUSTED_TYPES_REPORT);
        }
        assert_eq!(CspTest::parse("off"), Ok(CspTest::Off));
        assert!(CspTest::parse("none").is_err());
    }
}
