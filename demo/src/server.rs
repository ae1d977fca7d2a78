//! The router: static directories, the receiver, and the headers every response carries.

use std::sync::Arc;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::extract::Request;
use axum::http::header::{CACHE_CONTROL, CONTENT_SECURITY_POLICY, VARY, X_CONTENT_TYPE_OPTIONS};
use axum::http::header::{CONTENT_TYPE, LOCATION, RETRY_AFTER};
use axum::http::{HeaderName, HeaderValue, Method};
use axum::middleware::{self, Next};
use axum::response::Response;
use axum::routing::{get, post};
use tower_http::cors::{Any, CorsLayer};
use tower_http::services::ServeDir;

use crate::api::{self, Demo};
use crate::caching;
use crate::cli::ServeOptions;
use crate::faults;
use crate::samples;

/// The policy every page of the demo runs under: the strictest a town is asked to set (see
/// docs/embedding.md), so the demo proves the runtime works with it.
pub const CSP: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

/// The whole application.
pub fn router(options: &ServeOptions, demo: Arc<Demo>) -> Router {
    let limit = demo.receiver.limits.multipart_bytes;
    let mut router = Router::new()
        .route("/api/forms", get(samples::list))
        .route("/api/submissions", get(api::list).post(api::submit))
        .route("/api/submissions/{reference}", get(api::show))
        .route("/api/submissions/{reference}/attachments/{id}", get(api::attachment))
        .route("/api/v1/receipts/{reference}", get(api::receipt))
        .route("/api/faults/{fault}/{failures}/submissions", post(faults::fault))
        // Multipart submissions carry files; the receiver holds JSON to its own, lower limit.
        .layer(DefaultBodyLimit::max(limit))
        .with_state(demo)
        // dist/ holds a `.br` and a `.gz` copy of each runtime file (`cargo xtask dist`), sent
        // as they are to a browser that accepts them, as a town's server is asked to.
        .nest_service("/formlotse", ServeDir::new(&options.dist).precompressed_br().precompressed_gzip())
        .nest_service("/formulare", ServeDir::new(&options.forms));
    if let Some(fixtures) = &options.fixtures {
        router = router.nest_service("/fixtures", ServeDir::new(fixtures));
    }
    router
        .fallback_service(ServeDir::new(&options.site))
        .layer(middleware::from_fn(common_headers))
        .layer(cors())
}

/// Any origin may embed the demo's runtime, read its forms and post to its receiver, as a town
/// serving Formlotse from a CDN or a shared municipal server would allow (docs/embedding.md).
/// The module script and the wasm are fetched in CORS mode, so without this nothing loads
/// across origins.
fn cors() -> CorsLayer {
    CorsLayer::new()
        .allow_origin(Any)
        .allow_methods([Method::GET, Method::POST])
        .allow_headers([CONTENT_TYPE, HeaderName::from_static("idempotency-key")])
        .expose_headers([LOCATION, RETRY_AFTER])
}

/// Adds the CSP, the caching of docs/embedding.md (hashed runtime files for a year, everything
/// else `no-cache`: a developer edits files and reloads) and `nosniff`.
async fn common_headers(request: Request, next: Next) -> Response {
    let path = request.uri().path().to_owned();
    let mut response = next.run(request).await;
    let cache =
        if response.status().is_success() { caching::cache_control(&path) } else { caching::REVALIDATE };
    let headers = response.headers_mut();
    headers.insert(CONTENT_SECURITY_POLICY, HeaderValue::from_static(CSP));
    // A response that set its own (the receipt PDF's `no-store`) keeps it.
    if !headers.contains_key(CACHE_CONTROL) {
        headers.insert(CACHE_CONTROL, HeaderValue::from_static(cache));
    }
    headers.insert(X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    // The same runtime path is sent in three encodings: a shared cache must keep them apart.
    if path.starts_with("/formlotse/") {
        headers.append(VARY, HeaderValue::from_static("accept-encoding"));
    }
    response
}
