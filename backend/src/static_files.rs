//! Serves the built app; unknown paths get `index.html` (under `/embed/`: `embed.html`, the
//! portal in an iframe) so that deep links work, and
//! `/config.json` carries the embedding origins of the configuration.

use std::path::{Path, PathBuf};

use axum::extract::State;
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use serde_json::{json, Map, Value};

use crate::problem::ApiError;
use crate::state::AppState;

/// The fallback of the whole router: API misses, app files, and the app shell for deep links.
pub async fn serve(
    State(state): State<AppState>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
) -> Response {
    let dir = &state.config.static_dir;
    let path = uri.path();
    if path == "/api"
        || path.starts_with("/api/")
        || path == "/agent"
        || path.starts_with("/agent/")
    {
        return ApiError::not_found().into_response();
    }
    if method != Method::GET && method != Method::HEAD {
        return (
            StatusCode::METHOD_NOT_ALLOWED,
            [(header::ALLOW, "GET, HEAD")],
            "Method not allowed\n",
        )
            .into_response();
    }
    if path == "/config.json" {
        return runtime_config(dir, &state.config.embed_origins).await;
    }
    if let Some(file) = file_path(dir, path) {
        if file
            .file_name()
            .is_some_and(|n| n != "index.html" && n != "embed.html")
        {
            if let Some(response) = asset(&file, &headers).await {
                return response;
            }
        }
    }
    // The portal in an iframe has a page of its own (its bridge to the host), for every path
    // below `/embed` as the standalone page is for every other.
    let page = match path == "/embed" || path.starts_with("/embed/") {
        true => "embed.html",
        false => "index.html",
    };
    match tokio::fs::read(dir.join(page)).await {
        // The shell names the current asset hashes, so it must be revalidated on every load.
        Ok(bytes) => (
            [
                (
                    header::CONTENT_TYPE,
                    HeaderValue::from_static("text/html; charset=utf-8"),
                ),
                (header::CACHE_CONTROL, HeaderValue::from_static("no-cache")),
            ],
            bytes,
        )
            .into_response(),
        Err(_) => (
            StatusCode::NOT_FOUND,
            [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
            format!(
                "The app is not built: {} has no index.html. Build it with `make app` (or point \
                 --static-dir at a build); the API under /api/v1 works without it.\n",
                dir.display()
            ),
        )
            .into_response(),
    }
}

/// The app's runtime configuration: the built `config.json` with `embedOrigins` set from
/// `--embed-origins` (the portal accepts messages only from these origins), revalidated on every
/// load so that a changed flag reaches the next one.
async fn runtime_config(dir: &Path, embed_origins: &[String]) -> Response {
    let file = dir.join("config.json");
    let built = tokio::fs::read(&file).await.ok();
    let config = runtime_config_json(built.as_deref(), embed_origins).unwrap_or_else(|config| {
        crate::log_line!(
            "warning: {} is not a JSON object; serving the default configuration",
            file.display()
        );
        config
    });
    let mut body = serde_json::to_vec_pretty(&config).expect("JSON values serialise");
    body.push(b'\n');
    (
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/json"),
            ),
            (header::CACHE_CONTROL, HeaderValue::from_static("no-cache")),
        ],
        body,
    )
        .into_response()
}

/// The built configuration (the defaults when there is none) with `embedOrigins` set; `Err`
/// with the defaults so set when the built file is not a JSON object.
fn runtime_config_json(built: Option<&[u8]>, embed_origins: &[String]) -> Result<Value, Value> {
    let defaults = || {
        let mut map = Map::new();
        map.insert("apiBase".into(), json!("/api/v1"));
        map.insert("basePath".into(), json!(""));
        map
    };
    let (mut config, readable) = match built.map(serde_json::from_slice::<Value>) {
        None => (defaults(), true),
        Some(Ok(Value::Object(map))) => (map, true),
        Some(_) => (defaults(), false),
    };
    config.insert("embedOrigins".into(), json!(embed_origins));
    if readable {
        Ok(Value::Object(config))
    } else {
        Err(Value::Object(config))
    }
}

/// A built file, as its precompressed `.br` or `.gz` copy when the browser accepts one.
async fn asset(file: &Path, headers: &HeaderMap) -> Option<Response> {
    let accepted = headers
        .get(header::ACCEPT_ENCODING)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let mut body = None;
    for (encoding, suffix) in [("br", "br"), ("gzip", "gz")] {
        if accepts(accepted, encoding) {
            let mut name = file.as_os_str().to_owned();
            name.push(format!(".{suffix}"));
            if let Ok(bytes) = tokio::fs::read(PathBuf::from(name)).await {
                body = Some((Some(encoding), bytes));
                break;
            }
        }
    }
    let (encoding, bytes) = match body {
        Some(found) => found,
        None => (None, tokio::fs::read(file).await.ok()?),
    };
    let mut response = ([(header::CONTENT_TYPE, content_type(file))], bytes).into_response();
    let h = response.headers_mut();
    h.insert(header::VARY, HeaderValue::from_static("Accept-Encoding"));
    if let Some(encoding) = encoding {
        h.insert(header::CONTENT_ENCODING, HeaderValue::from_static(encoding));
    }
    // Both builds name assets after their content, so such a file never changes.
    let cache = if is_content_hashed(file) {
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    };
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    Some(response)
}

/// Whether `Accept-Encoding` lists `encoding` with a non-zero weight.
fn accepts(accept_encoding: &str, encoding: &str) -> bool {
    accept_encoding.split(',').any(|item| {
        let mut parts = item.split(';').map(str::trim);
        parts
            .next()
            .is_some_and(|e| e.eq_ignore_ascii_case(encoding))
            && !parts.any(|p| {
                matches!(
                    p.replace(' ', "").as_str(),
                    "q=0" | "q=0.0" | "q=0.00" | "q=0.000"
                )
            })
    })
}

/// `name-0123456789abcdef.ext` or `name-0123456789abcdef_bg.wasm`: a build content hash.
fn is_content_hashed(file: &Path) -> bool {
    let Some(stem) = file
        .file_name()
        .and_then(|n| n.to_str())
        .and_then(|n| n.split('.').next())
    else {
        return false;
    };
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    stem.rsplit_once('-')
        .is_some_and(|(_, hash)| hash.len() == 16 && hash.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// The file a URL path names inside `root`, refusing anything that could step outside it.
fn file_path(root: &Path, url_path: &str) -> Option<PathBuf> {
    let mut file = root.to_path_buf();
    for segment in url_path.split('/').filter(|s| !s.is_empty()) {
        let safe = segment != "."
            && segment != ".."
            && !segment.starts_with('.')
            && !segment.contains(['\\', '\0', ':', '%']);
        if !safe {
            return None;
        }
        file.push(segment);
    }
    Some(file).filter(|f| f != root)
}

fn content_type(file: &Path) -> HeaderValue {
    let ext = file
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    HeaderValue::from_static(match ext.as_str() {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "json" | "map" => "application/json",
        "webmanifest" => "application/manifest+json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        "ttf" => "font/ttf",
        "txt" => "text/plain; charset=utf-8",
        "xml" => "application/xml",
        _ => "application/octet-stream",
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_cannot_escape_the_static_dir() {
        let root = Path::new("/srv/dist");
        assert_eq!(
            file_path(root, "/app.js"),
            Some(PathBuf::from("/srv/dist/app.js"))
        );
        assert_eq!(
            file_path(root, "/a/b.css"),
            Some(PathBuf::from("/srv/dist/a/b.css"))
        );
        assert_eq!(file_path(root, "/../etc/passwd"), None);
        assert_eq!(file_path(root, "/.git/config"), None);
        assert_eq!(file_path(root, "/a%2f..%2fb"), None);
        assert_eq!(file_path(root, "/"), None);
    }

    #[test]
    fn only_content_hashed_build_files_are_cached_for_long() {
        assert!(is_content_hashed(Path::new(
            "support-portal-b0ebffce2da76285_bg.wasm"
        )));
        assert!(is_content_hashed(Path::new("main-5057f0eeed82c8ef.css")));
        assert!(!is_content_hashed(Path::new("config.json")));
        assert!(!is_content_hashed(Path::new("favicon.svg")));
    }

    #[test]
    fn encodings_are_accepted_unless_refused_with_zero_weight() {
        assert!(accepts("gzip, deflate, br, zstd", "br"));
        assert!(accepts("gzip;q=1.0, br;q=0.5", "br"));
        assert!(!accepts("gzip, br;q=0", "br"));
        assert!(!accepts("gzip", "br"));
        assert!(!accepts("", "gzip"));
    }

    #[test]
    fn the_runtime_configuration_gets_the_embed_origins() {
        let origins = ["https://console.example".to_string()];
        let built = br#"{"apiBase":"https://api.example/api/v1","basePath":"/support","extra":1}"#;
        assert_eq!(
            runtime_config_json(Some(built), &origins),
            Ok(json!({
                "apiBase": "https://api.example/api/v1",
                "basePath": "/support",
                "extra": 1,
                "embedOrigins": ["https://console.example"],
            }))
        );
        let built = br#"{"apiBase":"/api/v1","embedOrigins":["https://stale.example"]}"#;
        assert_eq!(
            runtime_config_json(Some(built), &[]).unwrap()["embedOrigins"],
            json!([]),
            "the flag decides, not the built file"
        );
        let defaults = json!({ "apiBase": "/api/v1", "basePath": "", "embedOrigins": [] });
        assert_eq!(runtime_config_json(None, &[]), Ok(defaults.clone()));
        assert_eq!(runtime_config_json(Some(b"[1, 2"), &[]), Err(defaults));
    }

    #[test]
    fn wasm_and_scripts_get_their_media_types() {
        assert_eq!(content_type(Path::new("app_bg.wasm")), "application/wasm");
        assert_eq!(
            content_type(Path::new("app.JS")),
            "text/javascript; charset=utf-8"
        );
    }
}
