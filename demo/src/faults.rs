//! Fault switches for trying out (and testing) the runtime's delivery: `POST
//! /api/faults/{fault}/{n}/submissions` misbehaves for the first `n` requests of each
//! submission (counted by `Idempotency-Key`), then receives as `/api/submissions` does.
//!
//! | fault | the first `n` requests |
//! | --- | --- |
//! | `500`, `503`, `408` | get that status (503 with `Retry-After: 1`), nothing stored |
//! | `429` | get 429 with `Retry-After: 2`, nothing stored |
//! | `lost` | are stored, but the answer is replaced by a 503 |
//! | `drop` | are stored, then the connection is closed without an answer |
//! | `slow` | wait 5 seconds, then are stored and answered |

use std::sync::Arc;
use std::time::Duration;

use axum::extract::{Path, Request, State};
use axum::http::header::RETRY_AFTER;
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};

use formlotse_core::Lang;
use formlotse_server::problem::Problem;

use crate::api::{Demo, submit};

/// The handler of the fault route.
pub async fn fault(
    State(demo): State<Arc<Demo>>,
    Path((fault, failures)): Path<(String, u32)>,
    request: Request,
) -> Response {
    let count = {
        let key = request.headers().get("idempotency-key").and_then(|v| v.to_str().ok()).unwrap_or_default();
        let key = format!("{fault}/{failures} {key}");
        let mut faults = demo.faults.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        let count = faults.entry(key).or_insert(0);
        *count += 1;
        *count
    };
    if count > failures {
        return submit(State(demo), request).await;
    }
    match fault.as_str() {
        "500" => status(StatusCode::INTERNAL_SERVER_ERROR, None),
        "503" => status(StatusCode::SERVICE_UNAVAILABLE, Some("1")),
        "408" => status(StatusCode::REQUEST_TIMEOUT, None),
        "429" => status(StatusCode::TOO_MANY_REQUESTS, Some("2")),
        "lost" => {
            let _stored = submit(State(demo), request).await;
            status(StatusCode::SERVICE_UNAVAILABLE, Some("1"))
        }
        "slow" => {
            tokio::time::sleep(Duration::from_secs(5)).await;
            submit(State(demo), request).await
        }
        "drop" => {
            let _stored = submit(State(demo), request).await;
            drop_connection()
        }
        other => {
            let detail = format!("no fault {other:?}; known: 500, 503, 408, 429, lost, drop, slow");
            Problem::new(StatusCode::NOT_FOUND, "unknownFault", Lang::En, &detail, &detail)
        }
        .into_response(),
    }
}

fn status(status: StatusCode, retry_after: Option<&'static str>) -> Response {
    let detail = "a fault switched on for testing";
    let mut response = Problem::new(status, "fault", Lang::En, detail, detail).into_response();
    if let Some(seconds) = retry_after {
        response.headers_mut().insert(RETRY_AFTER, HeaderValue::from_static(seconds));
    }
    response
}

/// Ends the connection without an answer: unwinding out of the handler makes hyper drop the
/// socket, and `resume_unwind` skips the panic hook, so nothing is printed. Where panics abort
/// (a release build), a 503 stands in.
fn drop_connection() -> Response {
    #[cfg(panic = "unwind")]
    std::panic::resume_unwind(Box::new("fault: drop the connection"));
    #[cfg(not(panic = "unwind"))]
    status(StatusCode::SERVICE_UNAVAILABLE, Some("1"))
}
