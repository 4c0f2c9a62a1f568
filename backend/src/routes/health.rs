//! `GET /healthz` and `GET /readyz`: for operators and load balancers, so outside `/api/v1`, with
//! no session, and never cached (a cached "ready" would hide a server that stopped).

use std::time::Duration;

use axum::extract::State;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use support_contract::problem_types as types;
use support_contract::Problem;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::problem::ApiError;
use crate::state::AppState;

/// How long the database gets to answer readiness: a probe that hangs is worse than a "no".
pub const READY_WITHIN: Duration = Duration::from_secs(1);

/// The two probes, documented with the API.
pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(healthz))
        .routes(routes!(readyz))
}

/// Liveness: the process answers (`ok`). It never touches the database, so a busy or broken
/// database does not get a working process restarted.
#[utoipa::path(
    get,
    path = "/healthz",
    tag = "operations",
    responses(
        (status = 200, description = "The process answers", body = String, content_type = "text/plain",
            headers(("Cache-Control" = String, description = "`no-store`"))),
    )
)]
pub async fn healthz() -> Response {
    no_store("ok\n".into_response())
}

/// Readiness: the server takes traffic (`ready`). 503 (`urn:support-portal:problem:unavailable`)
/// once it has begun to stop (open requests still finish) or when the database does not answer
/// a trivial query within a second.
#[utoipa::path(
    get,
    path = "/readyz",
    tag = "operations",
    responses(
        (status = 200, description = "Ready for traffic", body = String, content_type = "text/plain",
            headers(("Cache-Control" = String, description = "`no-store`"))),
        (status = 503, description = "Stopping, or the database does not answer \
            (`urn:support-portal:problem:unavailable`)", body = Problem,
            content_type = "application/problem+json"),
    )
)]
pub async fn readyz(State(state): State<AppState>) -> Response {
    if state.is_stopping() {
        return unavailable("The server is stopping.");
    }
    // On the blocking pool: the database lock may be held by a long request, and the probe
    // must answer on time all the same.
    let db = state.clone();
    let check = tokio::task::spawn_blocking(move || crate::store::answers(&db.db.conn()));
    match tokio::time::timeout(READY_WITHIN, check).await {
        Ok(Ok(true)) => no_store("ready\n".into_response()),
        _ => unavailable("The database does not answer."),
    }
}

fn unavailable(detail: &str) -> Response {
    let problem = ApiError::problem(
        types::UNAVAILABLE,
        StatusCode::SERVICE_UNAVAILABLE,
        "Not ready",
        detail,
    );
    no_store(problem.into_response())
}

fn no_store(mut res: Response) -> Response {
    res.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    res
}
