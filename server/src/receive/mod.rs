//! Receiving an application (the runtime's contract: payload v1 as JSON or multipart,
//! `Idempotency-Key`, problem+json): read within limits, check with the engine's rules, bind
//! the files, store once, answer with a receipt. Nothing is stored on any refusal.

mod body;
mod check;
pub mod files;
mod idempotency;
mod json;

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
    /// The words of the field errors' details, by the payload's language.
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

fn unknown_form(lang: Lang, id: &str) -> Problem {
    Problem::new(
        StatusCode::NOT_FOUND,
        "unknownForm",
        lang,
        "Dieses Formular nimmt der Server nicht an.",
        "This server does not accept this form.",
    )
    .because(format!("form {id:?}"))
}

async fn receive(receiver: &Receiver, path_form: Option<&str>, request: Request) -> Result<Stored, Problem> {
    receiver.metrics.received();
    let headers = request.headers().clone();
    let lang = header_lang(&headers);
    let key = idempotency::key(&headers).map_err(|why| {
        Problem::new(
            StatusCode::BAD_REQUEST,
            "idempotencyKey",
            lang,
            "Der Antrag trägt einen ungültigen Idempotency-Key.",
            "The application carries an invalid Idempotency-Key.",
        )
        .because(why)
    })?;
    let mut definition = None;
    if let Some(id) = path_form {
        definition = Some(receiver.forms.find(id).ok_or_else(|| unknown_form(lang, id))?);
        allow_origin(receiver, id, &headers, lang)?;
    }
    let (bytes, parts) = body::read(request, &receiver.limits, lang).await?;
    // Parsing, checking, hashing and storing run on a blocking thread, at most `concurrency`
    // at a time.
    let _permit = receiver.heavy.acquire().await.map_err(|_| Problem::unavailable(lang))?;
    let storage = receiver.storage.clone();
    let forms = receiver.forms.clone();
    let origin = headers.get(ORIGIN).and_then(|v| v.to_str().ok()).map(str::to_owned);
    let catalogs = receiver.catalogs.clone();
    let work = move || {
        let payload = json::parse(&bytes).map_err(|what| body::malformed(lang, &what))?;
        let lang = payload_lang(&payload, lang);
        let definition = match definition {
            Some(definition) => definition,
            None => {
                let id = payload.get("form").and_then(Value::as_str).unwrap_or_default();
                let definition = forms.find(id).ok_or_else(|| unknown_form(lang, id))?;
                if !forms.origins(id).allow(origin.as_deref()) {
                    return Err(forbidden_origin(lang));
                }
                definition
            }
        };
        let channels = forms.channels(&definition.id, &payload);
        let words = catalogs.get(lang);
        check_and_store(&*storage, &definition, &payload, &bytes, parts, key, (lang, words), channels)
    };
    let (status, receipt, token) =
        tokio::task::spawn_blocking(work).await.map_err(|e| Problem::internal(lang, e))??;
    if status == StatusCode::CREATED {
        receiver.wake.notify_one();
        receiver.metrics.stored();
        crate::log::info("stored", &[("reference", &receipt.reference), ("form", path_form.unwrap_or(""))]);
    }
    Ok((status, receipt, token))
}

fn allow_origin(receiver: &Receiver, form: &str, headers: &HeaderMap, lang: Lang) -> Result<(), Problem> {
    let origin = headers.get(ORIGIN).and_then(|v| v.to_str().ok());
    if receiver.forms.origins(form).allow(origin) { Ok(()) } else { Err(forbidden_origin(lang)) }
}

fn forbidden_origin(lang: Lang) -> Problem {
    Problem::new(
        StatusCode::FORBIDDEN,
        "origin",
        lang,
        "Dieses Formular darf von dieser Seite aus nicht gesendet werden.",
        "This form may not be sent from this page.",
    )
}

/// The payload's language (`"lang": "uk"`; German for what is no language tag), else the
/// request's.
fn payload_lang(payload: &Value, fallback: Lang) -> Lang {
    match payload.get("lang").and_then(Value::as_str) {
        Some(tag) => Lang::from_tag(tag),
        None => fallback,
    }
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
        return Err(Problem::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid",
            lang,
            "Einige Angaben erfüllen die Regeln des Formulars nicht. Es wurde nichts gespeichert.",
            "Some answers do not meet the form's rules. Nothing was stored.",
        )
        .with_errors(errors));
    }
    let attachments = files::bind(definition, payload, parts, lang).map_err(|problem| match problem {
        files::FileProblem::Malformed(what) => body::malformed(lang, &what),
        files::FileProblem::Fields(errors) => Problem::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid",
            lang,
            "Eine Datei passt nicht zu ihrer Angabe. Es wurde nichts gespeichert.",
            "A file does not fit its answer. Nothing was stored.",
        )
        .with_errors(errors),
    })?;
    let mut application = NewApplication {
        reference: String::new(),
        form_id: definition.id.clone(),
        form_version: definition.version.clone().unwrap_or_default(),
        lang: if lang.is_english() { "en" } else { "de" }.to_owned(),
        received_at: crate::clock::now_rfc3339(),
        idempotency_key: key,
        body_sha256: formlotse_core::sha256::hex(bytes),
        payload: String::from_utf8_lossy(bytes).into_owned(),
        attachments,
        channels,
        receipt_sha256: None,
    };
    let token = crate::reference::token().map_err(|e| Problem::internal(lang, e))?;
    application.receipt_sha256 = Some(formlotse_core::sha256::hex(token.as_bytes()));
    // A random reference that exists already (one in billions) is drawn again.
    for _ in 0..8 {
        application.reference =
            crate::reference::new(crate::clock::year()).map_err(|e| Problem::internal(lang, e))?;
        match storage.insert(&application) {
            Ok(Inserted::Created(receipt)) => return Ok((StatusCode::CREATED, receipt, Some(token))),
            // Only the token's hash is kept: a repeat gets no token (the first answer had it).
            Ok(Inserted::Repeated(receipt)) => return Ok((StatusCode::OK, receipt, None)),
            Ok(Inserted::Conflict) => {
                return Err(Problem::new(
                    StatusCode::CONFLICT,
                    "idempotencyConflict",
                    lang,
                    "Dieser Idempotency-Key gehört zu einem anderen Antrag. Es wurde nichts gespeichert.",
                    "This Idempotency-Key belongs to another application. Nothing was stored.",
                ));
            }
            Ok(Inserted::ReferenceTaken) => {}
            Err(StorageError::Unavailable(what)) => {
                crate::log::warn("storage unavailable", &[("what", &what)]);
                return Err(Problem::unavailable(lang));
            }
            Err(StorageError::Failed(what)) => return Err(Problem::internal(lang, what)),
        }
    }
    Err(Problem::internal(lang, "no free reference in 8 tries"))
}
