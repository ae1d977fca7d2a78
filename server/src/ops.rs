//! Operations routes: `/healthz` (the process answers), `/readyz` (and its storage does),
//! `/metrics` (Prometheus text).

use std::sync::Arc;

use axum::extract::State;
use axum::http::StatusCode;
use axum::http::header::CONTENT_TYPE;
use axum::response::{IntoResponse, Response};

use crate::App;

/// `GET /healthz`: 200 while the process serves requests.
pub async fn healthz() -> &'static str {
    "ok\n"
}

/// `GET /readyz`: 200 when the storage answers, else 503 (a load balancer sends elsewhere).
pub async fn readyz(State(app): State<Arc<App>>) -> Response {
    let storage = app.receiver.storage.clone();
    match tokio::task::spawn_blocking(move || storage.ping()).await {
        Ok(Ok(())) => (StatusCode::OK, "ready\n").into_response(),
        _ => (StatusCode::SERVICE_UNAVAILABLE, "storage unreachable\n").into_response(),
    }
}

/// `GET /metrics`.
pub async fn metrics(State(app): State<Arc<App>>) -> Response {
    ([(CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8")], app.receiver.metrics.render())
        .into_response()
}
