//! The demo's own routes around the server crate's receiver: what a developer (and the browser
//! tests) look at. `GET /api/submissions` lists every stored application with its payload;
//! a production server has no such route (its back office uses the pull API, docs/operating.md).
//! Receiving itself is `formlotse_server::receive` (one receiver in the codebase).

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use axum::Json;
use axum::extract::{Path, Query, Request, State};
use axum::http::StatusCode;
use axum::http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::response::{IntoResponse, Response};
use formlotse_core::Lang;
use formlotse_server::Receiver;
use formlotse_server::problem::Problem;
use formlotse_server::storage::{Application, ListQuery, StorageError};
use serde_json::{Value, json};

/// What the demo's handlers share.
#[derive(Debug)]
pub struct Demo {
    /// The server crate's receiver, on the demo's SQLite file and form directories.
    pub receiver: Arc<Receiver>,
    /// The directory of the sample definitions the playground lists (`--forms`).
    pub samples: PathBuf,
    /// Requests seen per fault route and idempotency key (see `faults.rs`).
    pub faults: Mutex<HashMap<String, u32>>,
}

/// `POST /api/submissions`: the server crate's receiver.
pub async fn submit(State(demo): State<Arc<Demo>>, request: Request) -> Response {
    formlotse_server::receive::submit(State(demo.receiver.clone()), request).await
}

/// `GET /api/v1/receipts/{reference}?token=…`: the citizen's PDF, as the server crate serves it
/// (the receiver's `201` links here).
pub async fn receipt(
    State(demo): State<Arc<Demo>>,
    reference: Path<String>,
    query: Query<HashMap<String, String>>,
) -> Response {
    formlotse_server::receipt::pdf(State(demo.receiver.clone()), reference, query).await
}

fn failed(error: &StorageError) -> Response {
    Problem::internal(Lang::En, error).into_response()
}

/// Every stored application, oldest first, read on a blocking thread.
fn all(demo: &Demo) -> Result<Vec<Application>, StorageError> {
    let storage = &demo.receiver.storage;
    let mut applications = Vec::new();
    let mut after = 0;
    loop {
        let page = storage.list(&ListQuery { after, limit: 500, ..ListQuery::default() })?;
        for summary in &page {
            applications.extend(storage.get(&summary.reference)?);
        }
        match page.last() {
            Some(last) if page.len() == 500 => after = last.id,
            _ => return Ok(applications),
        }
    }
}

/// `GET /api/submissions`: every stored application with its exact payload.
pub async fn list(State(demo): State<Arc<Demo>>) -> Response {
    match tokio::task::spawn_blocking(move || all(&demo)).await {
        Ok(Ok(applications)) => Json(applications.iter().map(to_json).collect::<Vec<_>>()).into_response(),
        Ok(Err(error)) => failed(&error),
        Err(error) => Problem::internal(Lang::En, error).into_response(),
    }
}

/// `GET /api/submissions/{reference}`: one application.
pub async fn show(State(demo): State<Arc<Demo>>, Path(reference): Path<String>) -> Response {
    let storage = demo.receiver.storage.clone();
    match tokio::task::spawn_blocking(move || storage.get(&reference)).await {
        Ok(Ok(Some(application))) => Json(to_json(&application)).into_response(),
        Ok(Ok(None)) => not_found(),
        Ok(Err(error)) => failed(&error),
        Err(error) => Problem::internal(Lang::En, error).into_response(),
    }
}

/// `GET /api/submissions/{reference}/attachments/{id}`: the bytes of one file, as a download.
pub async fn attachment(
    State(demo): State<Arc<Demo>>,
    Path((reference, id)): Path<(String, String)>,
) -> Response {
    let storage = demo.receiver.storage.clone();
    match tokio::task::spawn_blocking(move || storage.attachment(&reference, &id)).await {
        Ok(Ok(Some((meta, bytes)))) => {
            ([(CONTENT_TYPE, meta.mime), (CONTENT_DISPOSITION, "attachment".to_owned())], bytes)
                .into_response()
        }
        Ok(Ok(None)) => not_found(),
        Ok(Err(error)) => failed(&error),
        Err(error) => Problem::internal(Lang::En, error).into_response(),
    }
}

fn not_found() -> Response {
    Problem::new(StatusCode::NOT_FOUND, "notFound", Lang::En, "Nicht gefunden.", "Not found.").into_response()
}

fn to_json(application: &Application) -> Value {
    let summary = &application.summary;
    json!({
        "reference": summary.reference,
        "formId": summary.form_id,
        "receivedAt": summary.received_at,
        // Only applications that passed their form's rules are stored.
        "verdict": "valid",
        "payload": serde_json::from_str::<Value>(&application.payload).unwrap_or(Value::Null),
    })
}
