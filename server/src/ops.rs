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

/// `GET /metrics`: this process's counters, and the outbox as the database holds it (the same
/// on every instance).
pub async fn metrics(State(app): State<Arc<App>>) -> Response {
    let mut text = app.receiver.metrics.render();
    let storage = app.receiver.storage.clone();
    if let Ok(Ok(counts)) = tokio::task::spawn_blocking(move || storage.delivery_counts()).await {
        let name = "formlotse_deliveries";
        text.push_str(&format!(
            "# HELP {name} Deliveries in the outbox by state (pending, done, failed).\n# TYPE {name} gauge\n"
        ));
        for state in ["pending", "done", "failed"] {
            let n = counts.iter().find(|(s, _)| s == state).map_or(0, |(_, n)| *n);
            text.push_str(&format!("{name}{{state=\"{state}\"}} {n}\n"));
        }
    }
    ([(CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8")], text).into_response()
}
