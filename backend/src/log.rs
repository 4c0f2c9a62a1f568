//! The server's log: every line it writes while serving goes through [`write`] (the
//! [`log_line!`](crate::log_line) macro), to stderr, so that tests can read what a run logged and
//! check that no password or token is in it. The startup banner of `main.rs` is not log: it goes
//! to stdout.
//!
//! With `--log-requests`, [`requests`] adds one line per request: `request method=GET
//! path=/api/v1/cases status=200 ms=3`. Only the method, the path, the status and the time: the
//! query string, the headers and the bodies are where tokens and passwords travel, so they never
//! reach the log. Successful `/healthz` and `/readyz` probes are left out.

use std::fmt;
use std::time::Instant;

use axum::extract::Request;
use axum::middleware::Next;
use axum::response::Response;

/// The longest path a request line shows: a client may send any path, the log stays readable.
const PATH_MAX: usize = 200;

/// Writes one line of log (a line feed is added).
pub fn write(args: fmt::Arguments<'_>) {
    let line = args.to_string();
    #[cfg(test)]
    captured::push(&line);
    eprintln!("{line}");
}

/// Writes one line of log, `format!`-style.
#[macro_export]
macro_rules! log_line {
    ($($arg:tt)*) => {
        $crate::log::write(format_args!($($arg)*))
    };
}

/// Middleware: one line per request once its response is ready (streamed bodies may go on).
pub async fn requests(req: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = req.method().clone();
    // `path()` has no query string; only a bounded, char-safe prefix of it is kept.
    let path: String = req.uri().path().chars().take(PATH_MAX).collect();
    let res = next.run(req).await;
    // A load balancer probes every few seconds: only the probes that fail are news.
    if res.status().is_success() && matches!(path.as_str(), "/healthz" | "/readyz") {
        return res;
    }
    log_line!(
        "request method={method} path={path} status={} ms={}",
        res.status().as_u16(),
        started.elapsed().as_millis()
    );
    res
}

/// Test builds keep every line too, so that a test can read what was logged while it ran (lines
/// of tests running at the same time included: each test looks for its own values).
#[cfg(test)]
pub mod captured {
    use std::sync::Mutex;

    static LINES: Mutex<Vec<String>> = Mutex::new(Vec::new());

    pub(super) fn push(line: &str) {
        LINES
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .push(line.to_string());
    }

    /// Where the log is now: pass it to [`since`] later.
    pub fn mark() -> usize {
        LINES.lock().unwrap_or_else(|p| p.into_inner()).len()
    }

    /// Every line written after `mark`, one per line.
    pub fn since(mark: usize) -> String {
        LINES.lock().unwrap_or_else(|p| p.into_inner())[mark..].join("\n")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::body::Body;
    use axum::routing::get;
    use tower::ServiceExt;

    #[tokio::test]
    async fn a_request_line_has_method_path_status_and_time_but_no_query() {
        let app = axum::Router::new()
            .route("/things/{id}", get(|| async { "ok" }))
            .layer(axum::middleware::from_fn(requests));
        let mark = captured::mark();
        let req = Request::builder()
            .uri("/things/42?token=query-secret-value")
            .header("cookie", "sp_session=cookie-secret-value")
            .body(Body::empty())
            .unwrap();
        assert_eq!(app.oneshot(req).await.unwrap().status(), 200);
        let log = captured::since(mark);
        let line = log
            .lines()
            .find(|l| l.contains("path=/things/42 "))
            .unwrap_or_else(|| panic!("no request line in {log}"));
        assert!(line.starts_with("request method=GET path=/things/42 status=200 ms="));
        assert!(!log.contains("secret-value"), "{log}");
    }
}
