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

use crate::config::Config;
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

/// What the security middleware needs, computed once at startup.
pub struct Security {
    csp: HeaderValue,
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
        Security {
            csp: HeaderValue::from_str(&csp)
                .expect("origins were checked when parsing the configuration"),
            allowed_origins: config
                .allowed_origins
                .iter()
                .map(|o| o.to_ascii_lowercase())
                .collect(),
            hsts: config.secure_cookies,
        }
    }

    fn origin_allowed(&self, origin: Option<&str>, host: Option<&str>) -> bool {
        origin_allowed(&self.allowed_origins, origin, host)
    }
}

/// Whether a request with this `Origin` may change state (or open a chat stream): its own
/// origin or an allowed one. Without `Origin` (same-origin GET-style navigation, curl,
/// server-to-server), there is no browser to forge the request, and SameSite=Lax already keeps
/// the cookie off cross-site POSTs. Browsers always send `Origin` on WebSocket handshakes.
fn origin_allowed(allowed: &[String], origin: Option<&str>, host: Option<&str>) -> bool {
    let Some(origin) = origin else { return true };
    let origin = origin.trim_end_matches('/').to_ascii_lowercase();
    let own = host.is_some_and(|h| {
        let h = h.to_ascii_lowercase();
        origin == format!("http://{h}") || origin == format!("https://{h}")
    });
    own || allowed.iter().any(|a| a.eq_ignore_ascii_case(&origin))
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
        if origin_allowed(&state.config.allowed_origins, get(header::ORIGIN), host) {
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
    let mut res = if changes_state
        && !security.origin_allowed(header_str(&req, header::ORIGIN), host(&req))
    {
        ApiError::cross_origin().into_response()
    } else {
        next.run(req).await
    };
    let headers = res.headers_mut();
    headers.insert(header::CONTENT_SECURITY_POLICY, security.csp.clone());
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
        assert!(s.origin_allowed(None, Some("localhost:8080")));
        assert!(s.origin_allowed(Some("http://localhost:8080"), Some("localhost:8080")));
        assert!(s.origin_allowed(Some("https://Console.example"), Some("localhost:8080")));
        assert!(!s.origin_allowed(Some("https://evil.example"), Some("localhost:8080")));
        assert!(!s.origin_allowed(Some("null"), Some("localhost:8080")));
        assert!(!s.origin_allowed(Some("http://localhost:8080"), None));
    }

    #[test]
    fn extra_connect_sources_are_appended() {
        let config = Config {
            connect_src: vec!["wss://chat.example".into()],
            ..Config::default()
        };
        let csp = Security::new(&config).csp;
        assert!(csp
            .to_str()
            .unwrap()
            .contains("connect-src 'self' wss://chat.example;"));
    }

    #[test]
    fn only_the_portal_frames_itself_unless_embed_origins_are_configured() {
        let csp = Security::new(&Config::default()).csp;
        assert!(csp.to_str().unwrap().ends_with("; frame-ancestors 'self'"));
        let config = Config {
            embed_origins: vec![
                "https://console.example".into(),
                "http://localhost:3000".into(),
            ],
            ..Config::default()
        };
        let csp = Security::new(&config).csp;
        assert!(csp
            .to_str()
            .unwrap()
            .ends_with("; frame-ancestors 'self' https://console.example http://localhost:3000"));
    }
}
