//! Serving until told to stop, then stopping gently. When the signal comes:
//! 1. readiness (`/readyz`) turns 503 and every chat stream closes with 1012 "service restart"
//!    (clients reconnect, to another instance or to this one once it is back);
//! 2. for `drain`, the server still accepts and answers requests, so that load balancers see
//!    the 503 and stop sending before it stops listening;
//! 3. it stops accepting, and the requests under way get `grace` to finish; whatever is still
//!    open then is dropped.

use std::future::{Future, IntoFuture};
use std::net::SocketAddr;
use std::time::Duration;

use tokio::net::TcpListener;

use crate::state::AppState;
use crate::{app, log_line};

/// Serves the app on `listener` until `signal` resolves, then stops as the module says.
pub async fn serve(
    listener: TcpListener,
    state: AppState,
    signal: impl Future<Output = ()>,
    grace: Duration,
) -> std::io::Result<()> {
    let drain = state.config.drain;
    let (stop_accepting, accepting_stopped) = tokio::sync::oneshot::channel::<()>();
    // The peer address of each connection, which sign-in throttling counts failures by.
    let service = app(state.clone()).into_make_service_with_connect_info::<SocketAddr>();
    let server = axum::serve(listener, service)
        .with_graceful_shutdown(async move {
            let _ = accepting_stopped.await;
        })
        .into_future();
    tokio::pin!(server);
    tokio::select! {
        served = &mut server => return served,
        () = signal => {}
    }
    log_line!("shutting down: not ready; accepting for {drain:?} more, then requests under way get {grace:?}");
    state.begin_shutdown();
    if !drain.is_zero() {
        tokio::select! {
            served = &mut server => return served,
            () = tokio::time::sleep(drain) => {}
        }
    }
    let _ = stop_accepting.send(());
    match tokio::time::timeout(grace, server).await {
        Ok(served) => served,
        Err(_) => {
            log_line!("connections still open after {grace:?}; stopping anyway");
            Ok(())
        }
    }
}
