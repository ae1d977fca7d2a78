//! `formlotse-server`: the receiver a town runs in production. It checks each application with
//! the engine's rules, stores it (SQLite or PostgreSQL) and hands it to back-office software
//! through the pull API. See docs/operating.md; the demo server receives through this crate.

pub mod catalogs;
pub mod clock;
pub mod config;
mod cors;
pub mod deliver;
pub mod forms;
pub mod log;
pub mod metrics;
mod ops;
pub mod problem;
mod pull;
pub mod receipt;
pub mod receive;
pub mod reference;
pub mod retention;
pub mod serve;
pub mod storage;

use std::sync::Arc;
use std::time::Instant;

use axum::Router;
use axum::extract::{DefaultBodyLimit, Request, State};
use axum::http::HeaderValue;
use axum::http::header::X_CONTENT_TYPE_OPTIONS;
use axum::middleware::{self, Next};
use axum::response::Response;
use axum::routing::{get, post};

pub use pull::OPENAPI;
pub use receive::Receiver;

use config::{Client, Config};
use storage::Storage;

/// Everything the routes share.
#[derive(Debug)]
pub struct App {
    pub receiver: Arc<Receiver>,
    pub clients: Vec<Client>,
}

impl App {
    /// The application of a checked configuration, on an opened storage.
    pub fn new(config: &Config, storage: Arc<dyn Storage>) -> App {
        let metrics = Arc::new(metrics::Metrics::default());
        let forms = forms::Forms::Configured(config.forms.clone());
        let receiver = Receiver::new(storage, forms, config.limits.clone(), metrics)
            .with_catalogs(config.catalogs.clone());
        let receiver = Arc::new(receiver);
        App { receiver, clients: config.clients.clone() }
    }
}

/// The receiving route alone (`POST /api/submissions`, the form named in the payload), for
/// the demo server, which adds its own CORS, static files and listing around it.
pub fn receiving_router(receiver: Arc<Receiver>) -> Router {
    Router::new()
        .route("/api/submissions", post(receive::submit))
        .route("/api/v1/receipts/{reference}", get(receipt::pdf))
        .layer(DefaultBodyLimit::max(receiver.limits.multipart_bytes))
        .with_state(receiver)
}

/// The production server's routes.
pub fn router(app: Arc<App>) -> Router {
    let receiver = app.receiver.clone();
    let receiving = Router::new()
        .route("/api/v1/forms/{form}/submissions", post(receive::submit_form).options(|| async {}))
        .route_layer(middleware::from_fn_with_state(receiver.clone(), cors::per_form))
        .layer(DefaultBodyLimit::max(receiver.limits.multipart_bytes))
        .with_state(receiver.clone());
    // The citizen's PDF: a plain link from the receipt page, no CORS needed.
    let receipts =
        Router::new().route("/api/v1/receipts/{reference}", get(receipt::pdf)).with_state(receiver);
    let api = Router::new()
        .route("/api/v1/applications", get(pull::list))
        .route("/api/v1/applications/{reference}", get(pull::show))
        .route("/api/v1/applications/{reference}/attachments/{id}", get(pull::attachment))
        .route("/api/v1/applications/{reference}/ack", post(pull::acknowledge))
        .route("/api/v1/openapi.json", get(pull::openapi))
        .route("/healthz", get(ops::healthz))
        .route("/readyz", get(ops::readyz))
        .route("/metrics", get(ops::metrics))
        .with_state(app.clone());
    receiving.merge(receipts).merge(api).layer(middleware::from_fn_with_state(app, measured))
}

/// Times every request for the metrics and marks every response `nosniff`.
async fn measured(State(app): State<Arc<App>>, request: Request, next: Next) -> Response {
    let start = Instant::now();
    let mut response = next.run(request).await;
    response.headers_mut().insert(X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    app.receiver.metrics.request(start.elapsed());
    response
}
