//! Receiving an application (the runtime's contract: payload v1 as JSON or multipart,
//! `Idempotency-Key`, problem+json): read within limits, check with the engine's rules, bind
//! the files, store once, answer with a receipt. Nothing is stored on any refusal.

mod body;
mod check;
pub mod files;
mod idempotency;
mod json;
mod lang;

use std::sync::Arc;

use axum::Json;
use axum::extract::{Path, Request, State};
use axum::http::header::{ACCEPT_LANGUAGE, ORIGIN};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use formlotse_core::catalog::{Catalog, Catalogs};
use formlotse_core::{Definition, Lang};
use serde_json::{Value, json};
use tokio::sync::Semaphore;

use crate::config::Limits;
use crate::forms::Forms;
use crate::metrics::Metrics;
use crate::problem::Problem;
use crate::storage::{Inserted, NewApplication, Receipt, Storage, StorageError};

pub use body::too_large;

/// What the receiving handlers share.
#[derive(Debug)]
pub struct Receiver {
    pub storage: Arc<dyn Storage>,
    pub forms: Forms,
    pub limits: Limits,
    /// Bounds the checks and stores running at once (each on a blocking thread), so a flood
    /// of heavy submissions queues here instead of starving everything else.
    pub heavy: Semaphore,
    pub metrics: Arc<Metrics>,
    /// Wakes the delivery worker when an application was stored.
    pub wake: Arc<tokio::sync::Notify>,
    /// The words of the refusals, by the payload's language.
    pub catalogs: Arc<Catalogs>,
}

impl Receiver {
    /// A receiver with `limits.concurrency` permits.
    pub fn new(storage: Arc<dyn Storage>, forms: Forms, limits: Limits, metrics: Arc<Metrics>) -> Receiver {
        let heavy = Semaphore::new(limits.concurrency.max(1));
        Receiver { storage, forms, limits, heavy, metrics, wake: Arc::default(), catalogs: Arc::default() }
    }

    /// The same receiver answering in the languages of `catalogs` (else German).
    pub fn with_catalogs(self, catalogs: Arc<Catalogs>) -> Receiver {
        Receiver { catalogs, ..self }
    }
}

/// `POST /api/v1/forms/{form}/submissions`: the production route; the form is in the path, so
/// CORS and the limits are the form's before a byte of the body is read.
pub async fn submit_form(
    State(receiver): State<Arc<Receiver>>,
    Path(form): Path<String>,
    request: Request,
) -> Response {
    respond(&receiver, receive(&receiver, Some(&form), request).await)
}

/// `POST /api/submissions` (the demo): the form is named by the payload.
pub async fn submit(State(receiver): State<Arc<Receiver>>, request: Request) -> Response {
    respond(&receiver, receive(&receiver, None, request).await)
}

/// A stored application's answer: its status, receipt, and (when stored now) the citizen's
/// token for the PDF (`GET /api/v1/receipts/{reference}?token=…`).
type Stored = (StatusCode, Receipt, Option<String>);

fn respond(receiver: &Receiver, result: Result<Stored, Problem>) -> Response {
    match result {
        Ok((status, receipt, token)) => {
            let mut body = json!({"reference": receipt.reference, "receivedAt": receipt.received_at});
            if let Some(token) = token {
                body["pdf"] = format!("/api/v1/receipts/{}?token={token}", receipt.reference).into();
            }
            (status, Json(body)).into_response()
        }
        Err(problem) => {
            receiver.metrics.refused(problem.code);
            problem.into_response()
        }
    }
}

/// The language of the request before its payload is read: the first of `Accept-Language`.
fn header_lang(headers: &HeaderMap) -> Lang {
    let accept = headers.get(ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok()).unwrap_or("");
    let first = accept.split([',', ';']).next().unwrap_or_default();
    Lang::parse(first).unwrap_or(Lang::De)
}

fn unknown_form(words: &Catalog, id: &str) -> Problem {
    Problem::worded(StatusCode::NOT_FOUND, "unknownForm", words, "unknownForm", &[("form", id)])
}

async fn receive(receiver: &Receiver, path_form: Option<&str>, request: Request) -> Result<Stored, Problem> {
    receiver.metrics.received();
    let headers = request.headers().clone();
    // Until the payload is read, the request's language.
    let lang = header_lang(&headers);
    let words = receiver.catalogs.get(lang);
    let key = idempotency::key(&headers).map_err(|_| {
        Problem::worded(StatusCode::BAD_REQUEST, "idempotencyKey", words, "idempotencyKey", &[])
    })?;
    let mut definition = None;
    if let Some(id) = path_form {
        definition = Some(receiver.forms.find(id).ok_or_else(|| unknown_form(words, id))?);
        allow_origin(receiver, id, &headers, words)?;
    }
    let (bytes, parts) = body::read(request, &receiver.limits, words).await?;
    // Parsing, checking, hashing and storing run on a blocking thread, at most `concurrency`
    // at a time.
    let _permit = receiver.heavy.acquire().await.map_err(|_| Problem::unavailable_in(words))?;
    let storage = receiver.storage.clone();
    let forms = receiver.forms.clone();
    let origin = headers.get(ORIGIN).and_then(|v| v.to_str().ok()).map(str::to_owned);
    let catalogs = receiver.catalogs.clone();
    let work = move || {
        let payload = json::parse(&bytes).map_err(|what| body::malformed(catalogs.get(lang), &what))?;
        // From here on, the payload's language.
        let lang = match lang::stated(&payload) {
            Ok(stated) => stated.unwrap_or(lang),
            Err(()) => {
                let words = catalogs.get(lang);
                return Err(Problem::worded(StatusCode::UNPROCESSABLE_ENTITY, "lang", words, "lang", &[]));
            }
        };
        let words = catalogs.get(lang);
        let definition = match definition {
            Some(definition) => definition,
            None => {
                let id = payload.get("form").and_then(Value::as_str).unwrap_or_default();
                let definition = forms.find(id).ok_or_else(|| unknown_form(words, id))?;
                if !forms.origins(id).allow(origin.as_deref()) {
                    return Err(forbidden_origin(words));
                }
                definition
            }
        };
        let channels = forms.channels(&definition.id, &payload);
        check_and_store(&*storage, &definition, &payload, &bytes, parts, key, (lang, words), channels)
    };
    let (status, receipt, token) =
        tokio::task::spawn_blocking(work).await.map_err(|e| Problem::internal_in(words, e))??;
    if status == StatusCode::CREATED {
        receiver.wake.notify_one();
        receiver.metrics.stored();
        crate::log::info("stored", &[("reference", &receipt.reference), ("form", path_form.unwrap_or(""))]);
    }
    Ok((status, receipt, token))
}

fn allow_origin(
    receiver: &Receiver,
    form: &str,
    headers: &HeaderMap,
    words: &Catalog,
) -> Result<(), Problem> {
    let origin = headers.get(ORIGIN).and_then(|v| v.to_str().ok());
    if receiver.forms.origins(form).allow(origin) { Ok(()) } else { Err(forbidden_origin(words)) }
}

fn forbidden_origin(words: &Catalog) -> Problem {
    Problem::worded(StatusCode::FORBIDDEN, "origin", words, "origin", &[])
}

/// The CPU-heavy and blocking part, on a blocking thread: hash, check, bind files, store.
#[allow(clippy::too_many_arguments)] // one call site; the request's parts, each named
fn check_and_store(
    storage: &dyn Storage,
    definition: &Definition,
    payload: &Value,
    bytes: &[u8],
    parts: Vec<files::Part>,
    key: Option<String>,
    (lang, words): (Lang, &Catalog),
    channels: Vec<String>,
) -> Result<Stored, Problem> {
    let payload_text = String::from_utf8_lossy(bytes);
    let errors = check::errors(definition, &payload_text, crate::clock::today(), lang, words);
    if !errors.is_empty() {
        let problem = Problem::worded(StatusCode::UNPROCESSABLE_ENTITY, "invalid", words, "invalid", &[]);
        return Err(problem.with_errors(errors));
    }
    let attachments = files::bind(definition, payload, parts, words).map_err(|problem| match problem {
        files::FileProblem::Malformed(what) => body::malformed(words, &what),
        files::FileProblem::Fields(errors) => {
            Problem::worded(StatusCode::UNPROCESSABLE_ENTITY, "invalid", words, "files", &[])
                .with_errors(errors)
        }
    })?;
    let mut application = NewApplication {
        reference: String::new(),
        form_id: definition.id.clone(),
        form_version: definition.version.clone().unwrap_or_default(),
        lang: lang.tag().to_owned(),
        received_at: crate::clock::now_rfc3339(),
        idempotency_key: key,
        body_sha256: formlotse_core::sha256::hex(bytes),
        payload: String::from_utf8_lossy(bytes).into_owned(),
        attachments,
        channels,
        receipt_sha256: None,
    };
    let token = crate::reference::token().map_err(|e| Problem::internal_in(words, e))?;
    application.receipt_sha256 = Some(formlotse_core::sha256::hex(token.as_bytes()));
    // A random reference that exists already (one in billions) is drawn again.
    for _ in 0..8 {
        application.reference =
            crate::reference::new(crate::clock::year()).map_err(|e| Problem::internal_in(words, e))?;
        match storage.insert(&application) {
            Ok(Inserted::Created(receipt)) => return Ok((StatusCode::CREATED, receipt, Some(token))),
            // Only the token's hash is kept: a repeat gets no token (the first answer had it).
            Ok(Inserted::Repeated(receipt)) => return Ok((StatusCode::OK, receipt, None)),
            Ok(Inserted::Conflict) => {
                let code = "idempotencyConflict";
                return Err(Problem::worded(StatusCode::CONFLICT, code, words, code, &[]));
            }
            Ok(Inserted::ReferenceTaken) => {}
            Err(StorageError::Unavailable(what)) => {
                crate::log::warn("storage unavailable", &[("what", &what)]);
                return Err(Problem::unavailable_in(words));
            }
            Err(StorageError::Failed(what)) => return Err(Problem::internal_in(words, what)),
        }
    }
    Err(Problem::internal_in(words, "no free reference in 8 tries"))
}
