//! `/api/submissions`: the receiving endpoint. Documented in docs/demo-server.md.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use axum::Json;
use axum::body::to_bytes;
use axum::extract::Request;
use axum::extract::State;
use axum::http::header::{CONTENT_TYPE, LOCATION};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};

use crate::forms::{FormDirs, Verdict, today_utc};
use crate::multipart;
use crate::problem::Problem;
use crate::store::Store;

/// The largest `application/json` body the receiver reads: answers alone never come near a
/// megabyte, so more is a mistake or an attack (files come as multipart, with their own limit).
pub const MAX_BODY: usize = 1024 * 1024;

/// What the handlers share.
#[derive(Debug)]
pub struct Receiver {
    /// Where submissions go.
    pub store: Store,
    /// Where their forms are looked up.
    pub forms: FormDirs,
    /// The directory of the sample definitions the playground lists (`--forms`).
    pub samples: std::path::PathBuf,
    /// Requests seen per fault route and idempotency key (see `faults.rs`).
    pub faults: Mutex<HashMap<String, u32>>,
}

/// The `Idempotency-Key` header, if it is a sensible one (printable ASCII, at most 200 bytes).
pub fn idempotency_key(headers: &HeaderMap) -> Option<&str> {
    let key = headers.get("idempotency-key")?.to_str().ok()?.trim();
    (!key.is_empty() && key.len() <= 200).then_some(key)
}

/// `POST /api/submissions`: check, store, answer 201 with the reference.
pub async fn submit(State(receiver): State<Arc<Receiver>>, request: Request) -> Response {
    match receive(&receiver, request).await {
        Ok(response) => response,
        Err(problem) => problem.into_response(),
    }
}

async fn receive(receiver: &Receiver, request: Request) -> Result<Response, Problem> {
    let headers = request.headers().clone();
    let headers = &headers;
    let media_type = headers.get(CONTENT_TYPE).and_then(|value| value.to_str().ok()).unwrap_or("");
    let essence = media_type.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
    let (bytes, files) = match essence.as_str() {
        "application/json" => {
            let bytes = to_bytes(request.into_body(), MAX_BODY).await.map_err(|_| {
                Problem::new(
                    StatusCode::PAYLOAD_TOO_LARGE,
                    format!("a submission may have at most {MAX_BODY} bytes"),
                )
            })?;
            (bytes.to_vec(), Vec::new())
        }
        "multipart/form-data" => multipart::read(request).await?,
        _ => {
            return Err(Problem::new(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                format!("send the submission as application/json or multipart/form-data, not {media_type:?}"),
            ));
        }
    };
    let payload: Value = serde_json::from_slice(&bytes)
        .map_err(|error| Problem::new(StatusCode::BAD_REQUEST, format!("the body is not JSON: {error}")))?;
    if !payload.is_object() {
        return Err(Problem::new(StatusCode::BAD_REQUEST, "the body must be a JSON object"));
    }
    multipart::verify(&payload, &files)?;
    let forms = receiver.forms.clone();
    let (text, parsed) = (String::from_utf8_lossy(&bytes).into_owned(), payload.clone());
    // Reading and loading definitions touches the disk; keep it off the async workers.
    let verdict = tokio::task::spawn_blocking(move || forms.check(&text, &parsed, today_utc()))
        .await
        .map_err(|error| Problem::internal(format!("the check failed: {error}")))?;
    if let Verdict::Invalid(errors) = verdict {
        // The runtime shows `detail` to the citizen: say it in the payload's language.
        let detail = match payload.get("lang").and_then(Value::as_str) {
            Some("en") => "Some answers do not meet the form's rules. Nothing was stored.",
            _ => "Einige Angaben erfüllen die Regeln des Formulars nicht. Es wurde nichts gespeichert.",
        };
        return Err(Problem::new(StatusCode::UNPROCESSABLE_ENTITY, detail).with_errors(errors));
    }
    let form_id = payload.get("form").and_then(Value::as_str);
    let text = String::from_utf8_lossy(&bytes);
    let (receipt, created) = receiver
        .store
        .insert(form_id, verdict.as_str(), &text, idempotency_key(headers))
        .map_err(|error| Problem::internal(error.to_string()))?;
    let body = json!({
        "id": receipt.id,
        "reference": receipt.reference,
        "receivedAt": receipt.received_at,
        "verdict": verdict.as_str(),
    });
    if created {
        receiver
            .store
            .insert_attachments(receipt.id, &files)
            .map_err(|error| Problem::internal(error.to_string()))?;
    }
    let location = format!("/api/submissions/{}", receipt.reference);
    // A repeated submission (same Idempotency-Key) gets the first one's receipt, with 200.
    let status = if created { StatusCode::CREATED } else { StatusCode::OK };
    Ok((status, [(LOCATION, location)], Json(body)).into_response())
}

/// `GET /api/submissions`: every stored submission, oldest first, with its exact payload.
pub async fn list(State(receiver): State<Arc<Receiver>>) -> Response {
    match receiver.store.list() {
        Ok(submissions) => {
            let list: Vec<Value> = submissions.into_iter().map(to_json).collect();
            Json(Value::Array(list)).into_response()
        }
        Err(error) => Problem::internal(error.to_string()).into_response(),
    }
}

/// `GET /api/submissions/{reference}`: one submission.
pub async fn show(
    State(receiver): State<Arc<Receiver>>,
    axum::extract::Path(reference): axum::extract::Path<String>,
) -> Response {
    match receiver.store.find(&reference) {
        Ok(Some(submission)) => Json(to_json(submission)).into_response(),
        Ok(None) => Problem::new(StatusCode::NOT_FOUND, format!("no submission has reference {reference:?}"))
            .into_response(),
        Err(error) => Problem::internal(error.to_string()).into_response(),
    }
}

/// `GET /api/submissions/{reference}/attachments/{id}`: the bytes of one attached file.
pub async fn attachment(
    State(receiver): State<Arc<Receiver>>,
    axum::extract::Path((reference, id)): axum::extract::Path<(String, String)>,
) -> Response {
    match receiver.store.attachment(&reference, &id) {
        Ok(Some((mime, bytes))) => ([(CONTENT_TYPE, mime)], bytes).into_response(),
        Ok(None) => Problem::new(StatusCode::NOT_FOUND, format!("no attachment {id:?} in {reference:?}"))
            .into_response(),
        Err(error) => Problem::internal(error.to_string()).into_response(),
    }
}

fn to_json(submission: crate::store::Submission) -> Value {
    // The payload was a JSON object when stored; should the file have been edited by hand,
    // show the text rather than fail the whole list.
    let payload = serde_json::from_str(&submission.payload).unwrap_or(Value::String(submission.payload));
    json!({
        "id": submission.id,
        "reference": submission.reference,
        "formId": submission.form_id,
        "receivedAt": submission.received_at,
        "verdict": submission.verdict,
        "payload": payload,
    })
}
