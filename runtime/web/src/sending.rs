//! Delivering the application: one `Idempotency-Key` per submission, retries by
//! `formlotse_core::delivery::Policy` (network errors, 5xx, 408, 429 with `Retry-After`), then
//! either the receipt, a refusal shown at its fields, or "Erneut versuchen". The answers stay
//! in the page and in the draft until the receiver has the application.

use crate::fetch::{Body, Reply, post_submission};
use crate::state::{Action, AssistantState, Failure, Sending};
use crate::texts::texts;
use formlotse_core::delivery::{Decision, Policy, Response, idempotency_key, refusal};
use formlotse_core::draft::Pending;
use formlotse_core::json::{self, Json};
use formlotse_core::payload::Attachment;
use formlotse_core::{Lang, payload, sha256};
use gloo_timers::future::TimeoutFuture;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

use crate::assistant::{AssistantProps, Stores};

/// Starts send attempt `attempt`: builds the payload and posts it, with retries.
pub(crate) fn send(
    state: &UseReducerHandle<AssistantState>,
    stores: &Stores,
    props: &AssistantProps,
    attempt: u32,
) {
    let (state, saver, endpoint, events) =
        (state.clone(), stores.saver.clone(), props.endpoint.clone(), props.events.clone());
    let timeout_ms = props.timeout.saturating_mul(1000);
    let lang = state.context.lang;
    let form = state.definition.0.id.clone();
    let unsealed = payload::build(&state.definition.0, &stores.logic.0.borrow().resolved, lang);
    let chosen: Vec<(String, Vec<web_sys::File>)> =
        stores.files.0.borrow().iter().map(|(field, files)| (field.clone(), files.clone())).collect();
    events.emit("submit", &[("form", form.as_str().into())]);
    wasm_bindgen_futures::spawn_local(async move {
        let (attachments, parts) = attachments(&unsealed, chosen).await;
        // The same submission keeps its key and its time, whether retried automatically, by
        // "Erneut versuchen", or after a reload while sending; changed answers make a new one.
        let pending = saver.pending();
        let earlier = pending.as_ref().and_then(|p| submitted_at_of(&p.payload));
        let now = String::from(js_sys::Date::new_0().to_iso_string());
        let same = |at: &str| payload::seal(unsealed.clone(), at, &attachments).to_string();
        let (key, json) = match (pending, earlier) {
            (Some(pending), Some(at)) if same(&at) == pending.payload => (pending.key, pending.payload),
            _ => (idempotency_key(random_bytes()), same(&now)),
        };
        saver.sending(Pending { key: key.clone(), payload: json.clone() });
        let body = if parts.is_empty() { Body::Json(json) } else { Body::Multipart { json, files: parts } };
        let policy = Policy::default();
        let started = js_sys::Date::now();
        let mut tries = 0;
        let action = loop {
            tries += 1;
            let reply = post_submission(&endpoint, &body, &key, timeout_ms).await;
            let response = match &reply {
                Ok(reply) => {
                    Response::Status { status: reply.status, retry_after: reply.retry_after.as_deref() }
                }
                Err(_) => Response::Network,
            };
            let elapsed = (js_sys::Date::now() - started).max(0.0) as u64;
            match policy.decide(&response, tries, elapsed, js_sys::Math::random()) {
                Decision::Done => {
                    let (reference, pdf) =
                        reply.map_or((None, None), |reply| receipt_of(&reply.body, &endpoint));
                    let shown = reference.as_deref().map_or(JsValue::NULL, JsValue::from_str);
                    events.emit("submitted", &[("form", form.as_str().into()), ("reference", shown)]);
                    // Delivered: the draft has done its job, and a shared device keeps nothing.
                    saver.finish();
                    break Action::Sent { attempt, reference, pdf };
                }
                Decision::RetryIn(delay) => {
                    let seconds = u32::try_from(delay.div_ceil(1000)).unwrap_or(u32::MAX);
                    state.dispatch(Action::Retrying { attempt, seconds });
                    TimeoutFuture::new(u32::try_from(delay).unwrap_or(u32::MAX)).await;
                }
                Decision::GiveUp => {
                    let status = reply.as_ref().ok().map(|reply| reply.status);
                    emit_error(&events, &form, status);
                    break Action::SendFailed {
                        attempt,
                        failure: Failure::Unreachable { status },
                        fields: Vec::new(),
                    };
                }
                Decision::Refused => {
                    let Reply { status, body, .. } =
                        reply.unwrap_or(Reply { status: 0, retry_after: None, body: String::new() });
                    emit_error(&events, &form, Some(status));
                    let problem = refusal(&body).unwrap_or_default();
                    let message = problem.detail.or(problem.title);
                    break Action::SendFailed {
                        attempt,
                        failure: Failure::Refused { status, message },
                        fields: problem.fields,
                    };
                }
            }
        };
        state.dispatch(action);
    });
}

/// The attachments of the payload's file answers: each chosen file read, hashed and named
/// `f1`, `f2`, … in field and file order, with the file itself for its multipart part.
async fn attachments(
    unsealed: &Json,
    chosen: Vec<(String, Vec<web_sys::File>)>,
) -> (Vec<Attachment>, Vec<(String, web_sys::File)>) {
    let mut attachments = Vec::new();
    let mut parts = Vec::new();
    for (field, files) in chosen {
        // Only files the payload still holds (a hidden or emptied field sends none).
        let Some(listed) =
            unsealed.get("answers").and_then(|answers| answers.get(&field)).and_then(Json::as_array)
        else {
            continue;
        };
        for file in files {
            let name = file.name();
            if !listed.iter().any(|item| item.get("name").and_then(Json::as_str) == Some(&name)) {
                continue;
            }
            let bytes = match JsFuture::from(file.array_buffer()).await {
                Ok(buffer) => js_sys::Uint8Array::new(&buffer).to_vec(),
                Err(_) => continue,
            };
            let id = format!("f{}", attachments.len() + 1);
            attachments.push(Attachment {
                id: id.clone(),
                field: field.clone(),
                name,
                mime: file.type_(),
                size: bytes.len() as u64,
                sha256: sha256::hex(&bytes),
            });
            parts.push((id, file));
        }
    }
    (attachments, parts)
}

/// The `submittedAt` of a payload sent before.
fn submitted_at_of(payload: &str) -> Option<String> {
    json::parse(payload).ok()?.get("submittedAt")?.as_str().map(str::to_owned)
}

fn emit_error(events: &crate::events::Events, form: &str, status: Option<u16>) {
    let (reason, status) = match status {
        Some(status) => ("http", JsValue::from(status)),
        None => ("network", JsValue::NULL),
    };
    let detail = [
        ("form", form.into()),
        ("code", "send_failed".into()),
        ("reason", reason.into()),
        ("status", status),
    ];
    events.emit("error", &detail);
}

/// The sending state for the citizen: progress and retries announced politely, a failure as an
/// alert with what to do.
pub(crate) fn status(sending: &Sending, lang: Lang) -> Html {
    let t = texts(lang);
    let progress = match sending {
        Sending::InFlight { retry_in: None, .. } => Some(t.sending().to_owned()),
        Sending::InFlight { retry_in: Some(seconds), .. } => Some(t.retrying(*seconds)),
        _ => None,
    };
    html! {
        <>
            <div class="fl-status" role="status" aria-live="polite">
                if let Some(progress) = progress { {progress} }
            </div>
            if let Sending::Failed(failure) = sending {
                <div class="fl-notice fl-notice--error" role="alert">
                    { match failure {
                        Failure::Unreachable { status } => html! {
                            <>
                                <p class="fl-notice__title">{t.send_failed()}</p>
                                <p class="fl-notice__detail">
                                    { status.map_or_else(|| t.no_connection().to_owned(), |status| t.refused_status(status)) }
                                </p>
                                // Submits the form: the same submission, with the same key.
                                <button type="submit" class="fl-button">{t.try_again()}</button>
                            </>
                        },
                        Failure::Refused { status, message } => html! {
                            <>
                                <p class="fl-notice__title">{t.refused()}</p>
                                if let Some(message) = message {
                                    <p>{message.clone()}</p>
                                }
                                <p class="fl-notice__detail">{t.refused_status(*status)}</p>
                            </>
                        },
                    } }
                </div>
            }
        </>
    }
}

/// The receiver may answer `{"reference": "…", "pdf": "…"}`: the reference, and the link to
/// the citizen's PDF resolved against `endpoint`; anything else means neither.
fn receipt_of(body: &str, endpoint: &str) -> (Option<String>, Option<String>) {
    let Ok(reply) = json::parse(body) else { return (None, None) };
    let text = |key| reply.get(key).and_then(Json::as_str);
    (text("reference").map(str::to_owned), text("pdf").and_then(|pdf| crate::receipt::link(pdf, endpoint)))
}

/// 16 random bytes for the idempotency key: the browser's CSPRNG, else `Math.random`.
fn random_bytes() -> [u8; 16] {
    let mut bytes = [0u8; 16];
    let filled = web_sys::window()
        .and_then(|window| window.crypto().ok())
        .is_some_and(|crypto| crypto.get_random_values_with_u8_array(&mut bytes).is_ok());
    if !filled {
        for byte in &mut bytes {
            *byte = (js_sys::Math::random() * 256.0) as u8;
        }
    }
    bytes
}
