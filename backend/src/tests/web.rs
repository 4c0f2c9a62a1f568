//! The portal configuration, the built app, deep links and security headers.

use axum::http::{header, StatusCode};
use support_contract::{Channel, Phase, PortalConfig, Product, ROLES};

use super::*;

const CSP: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; \
    font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

fn assert_security_headers(r: &Reply) {
    assert_eq!(r.header(header::CONTENT_SECURITY_POLICY), CSP);
    assert_eq!(r.header(header::X_CONTENT_TYPE_OPTIONS), "nosniff");
    assert_eq!(r.header(header::REFERRER_POLICY), "no-referrer");
    assert_eq!(
        r.headers["cross-origin-opener-policy"], "same-origin-allow-popups",
        "no other page keeps a handle on a portal window"
    );
    let permissions = r.headers["permissions-policy"].to_str().unwrap();
    for off in [
        "camera=()",
        "microphone=()",
        "geolocation=()",
        "payment=()",
        "usb=()",
    ] {
        assert!(
            permissions.contains(off),
            "{off} missing from {permissions}"
        );
    }
    assert!(
        !r.headers.contains_key("cross-origin-embedder-policy"),
        "host pages must still be able to frame the portal"
    );
    assert!(
        !r.headers.contains_key(header::STRICT_TRANSPORT_SECURITY),
        "HSTS only behind HTTPS (--secure-cookies)"
    );
}

#[tokio::test]
async fn the_portal_configuration_is_public() {
    let app = TestApp::with_config(Config {
        phase: Phase::Setup,
        ..Config::default()
    });
    let r = app.get("/api/v1/portal", None).await;
    assert_eq!(r.status, StatusCode::OK);
    let portal: PortalConfig = serde_json::from_slice(&r.body).unwrap();
    assert_eq!(portal.phase, Phase::Setup);
    let chat: Vec<Product> = portal
        .products
        .iter()
        .filter(|p| p.channels.contains(&Channel::Chat))
        .map(|p| p.product)
        .collect();
    assert_eq!(chat, [Product::Analytics]);
    assert_eq!(portal.products.len(), 3);
    assert_eq!(portal.roles.len(), ROLES.len());
    assert_eq!(portal.business_hours.len(), 4);
    assert!(portal.phone_numbers.iter().any(|p| p.around_the_clock));
}

#[tokio::test]
async fn every_response_carries_the_security_headers() {
    let dir = StaticDir::new();
    let app = TestApp::with_config(Config {
        static_dir: dir.0.clone(),
        ..Config::default()
    });
    for path in [
        "/",
        "/cases/42",
        "/app.js",
        "/api/v1/portal",
        "/api/v1/session",
        "/api/nope",
    ] {
        assert_security_headers(&app.get(path, None).await);
    }
}

#[tokio::test]
async fn behind_https_browsers_are_told_to_keep_to_https() {
    let dir = StaticDir::new();
    let app = TestApp::with_config(Config {
        static_dir: dir.0.clone(),
        secure_cookies: true,
        ..Config::default()
    });
    for path in ["/", "/app.js", "/api/v1/portal", "/api/v1/session"] {
        let r = app.get(path, None).await;
        assert_eq!(
            r.header(header::STRICT_TRANSPORT_SECURITY),
            "max-age=31536000",
            "{path}"
        );
        assert_eq!(
            r.headers["cross-origin-opener-policy"],
            "same-origin-allow-popups"
        );
    }
}

#[tokio::test]
async fn extra_connect_sources_reach_the_policy() {
    let app = TestApp::with_config(Config {
        connect_src: vec!["wss://chat.example".into()],
        ..Config::default()
    });
    let r = app.get("/api/v1/portal", None).await;
    assert!(r
        .header(header::CONTENT_SECURITY_POLICY)
        .contains("connect-src 'self' wss://chat.example;"));
}

#[tokio::test]
async fn embed_origins_may_frame_the_portal_and_reach_its_configuration() {
    let dir = StaticDir::new();
    std::fs::write(
        dir.0.join("config.json"),
        r#"{ "apiBase": "/portal/api/v1", "basePath": "/portal" }"#,
    )
    .unwrap();
    let app = TestApp::with_config(Config {
        static_dir: dir.0.clone(),
        embed_origins: vec!["https://console.example".into()],
        ..Config::default()
    });
    let r = app.get("/config.json", None).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.header(header::CONTENT_TYPE), "application/json");
    assert_eq!(r.header(header::CACHE_CONTROL), "no-cache");
    assert!(r
        .header(header::CONTENT_SECURITY_POLICY)
        .ends_with("; frame-ancestors 'self' https://console.example"));
    assert_eq!(
        r.json(),
        serde_json::json!({
            "apiBase": "/portal/api/v1",
            "basePath": "/portal",
            "embedOrigins": ["https://console.example"],
        })
    );
}

#[tokio::test]
async fn without_a_built_configuration_the_defaults_are_served() {
    let app = TestApp::new();
    let r = app.get("/config.json", None).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(
        r.json(),
        serde_json::json!({ "apiBase": "/api/v1", "basePath": "", "embedOrigins": [] })
    );
    assert_security_headers(&r);
}

#[tokio::test]
async fn deep_links_get_the_app_shell_and_files_are_served() {
    let dir = StaticDir::new();
    let app = TestApp::with_config(Config {
        static_dir: dir.0.clone(),
        ..Config::default()
    });
    for path in ["/", "/cases/42", "/admin/users?tab=review", "/index.html"] {
        let r = app.get(path, None).await;
        assert_eq!(r.status, StatusCode::OK, "{path}");
        assert_eq!(r.header(header::CONTENT_TYPE), "text/html; charset=utf-8");
        assert_eq!(r.header(header::CACHE_CONTROL), "no-cache");
        assert!(r.text().contains("<title>Support Portal</title>"));
    }
    let js = app.get("/app.js", None).await;
    assert_eq!(
        js.header(header::CONTENT_TYPE),
        "text/javascript; charset=utf-8"
    );
    assert_eq!(js.text(), "console.log('app')");
    assert!(
        app.get("/../Cargo.toml", None)
            .await
            .text()
            .contains("<title>"),
        "no escape from the directory"
    );
}

#[tokio::test]
async fn without_a_built_app_the_api_still_works() {
    let app = TestApp::new();
    let r = app.get("/cases/42", None).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert!(r.text().contains("not built"));
    assert_eq!(app.get("/api/v1/portal", None).await.status, StatusCode::OK);
}

#[tokio::test]
async fn browsers_that_accept_brotli_get_the_precompressed_asset_cached_for_a_year() {
    let dir = StaticDir::new();
    let name = "support-portal-0123456789abcdef_bg.wasm";
    std::fs::write(dir.0.join(name), b"raw wasm").unwrap();
    std::fs::write(dir.0.join(format!("{name}.br")), b"brotli wasm").unwrap();
    let app = TestApp::with_config(Config {
        static_dir: dir.0.clone(),
        ..Config::default()
    });
    let request = |encoding: &'static str| {
        axum::http::Request::get(format!("/{name}"))
            .header(header::ACCEPT_ENCODING, encoding)
            .body(axum::body::Body::empty())
            .unwrap()
    };

    let br = app.send(request("gzip, deflate, br")).await;
    assert_eq!(br.status, StatusCode::OK);
    assert_eq!(br.header(header::CONTENT_ENCODING), "br");
    assert_eq!(br.header(header::CONTENT_TYPE), "application/wasm");
    assert_eq!(br.header(header::VARY), "Accept-Encoding");
    assert_eq!(
        br.header(header::CACHE_CONTROL),
        "public, max-age=31536000, immutable"
    );
    assert_eq!(br.body, b"brotli wasm");

    // No gzip copy exists and brotli is not accepted: the file as built.
    let plain = app.send(request("gzip")).await;
    assert!(plain.headers.get(header::CONTENT_ENCODING).is_none());
    assert_eq!(plain.body, b"raw wasm");

    // Files without a content hash must be revalidated.
    let js = app.get("/app.js", None).await;
    assert_eq!(js.header(header::CACHE_CONTROL), "no-cache");
}
