//! The pull API for back-office software (`/api/v1/applications`), as FIT-Connect subscribers
//! and XTA mailboxes work: the office fetches new applications, then acknowledges each.
//! Every client authenticates with its bearer token and sees only its own forms; an
//! application of another form is "not found", so a client learns nothing of it. Described
//! by `openapi.json` (served at `/api/v1/openapi.json`).

// The handlers' helpers fail with the finished response (one per request, returned at once).
#![allow(clippy::result_large_err)]

use std::collections::HashMap;
use std::sync::Arc;

use axum::Json;
use axum::extract::{FromRequestParts, Path, Query, State};
use axum::http::header::{
    AUTHORIZATION, CONTENT_DISPOSITION, CONTENT_SECURITY_POLICY, CONTENT_TYPE, WWW_AUTHENTICATE,
};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use formlotse_core::Lang;
use serde_json::{Value, json};

use crate::App;
use crate::config::{Client, secret};
use crate::problem::Problem;
use crate::storage::{Application, ListQuery, State as AppState, StorageError, Summary};

/// The OpenAPI 3.1 document of this API.
pub const OPENAPI: &str = include_str!("../openapi.json");

/// The largest page.
const MAX_LIMIT: u32 = 500;

/// `GET /api/v1/openapi.json`.
pub async fn openapi() -> Response {
    ([(CONTENT_TYPE, "application/json")], OPENAPI).into_response()
}

fn problem(status: StatusCode, code: &'static str, detail: &str) -> Problem {
    Problem::new(status, code, Lang::En, detail, detail)
}

fn storage_problem(error: &StorageError) -> Problem {
    match error {
        StorageError::Unavailable(_) => Problem::unavailable(Lang::En),
        StorageError::Failed(what) => Problem::internal(Lang::En, what),
    }
}

/// The client whose token the request carries.
fn client<'a>(app: &'a App, headers: &HeaderMap) -> Result<&'a Client, Response> {
    let token =
        headers.get(AUTHORIZATION).and_then(|v| v.to_str().ok()).and_then(|v| v.strip_prefix("Bearer "));
    let hash = token.map(|token| formlotse_core::sha256::hex(token.trim().as_bytes()));
    // Compare with every client, so the time taken does not say which one nearly matched.
    let mut found = None;
    for client in &app.clients {
        if hash.as_deref().is_some_and(|hash| secret::same(hash, &client.token_sha256)) {
            found = Some(client);
        }
    }
    found.ok_or_else(|| {
        let mut response =
            problem(StatusCode::UNAUTHORIZED, "unauthorized", "A valid bearer token is needed.")
                .into_response();
        response.headers_mut().insert(WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        response
    })
}

/// The client whose bearer token a request carries; a request without a valid one is answered
/// 401 before its handler runs.
pub struct Authorized(Client);

impl FromRequestParts<Arc<App>> for Authorized {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, app: &Arc<App>) -> Result<Self, Response> {
        client(app, &parts.headers).cloned().map(Authorized)
    }
}

/// The application the path's `{reference}` names, as the request's client may see it (else
/// 401 or 404 before the handler runs).
pub struct Visible {
    client: Client,
    application: Application,
}

impl FromRequestParts<Arc<App>> for Visible {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, app: &Arc<App>) -> Result<Self, Response> {
        let Authorized(client) = Authorized::from_request_parts(parts, app).await?;
        let Path(params) =
            Path::<HashMap<String, String>>::from_request_parts(parts, app).await.map_err(|_| not_found())?;
        let reference = params.get("reference").ok_or_else(not_found)?;
        let application = visible(app, &client, reference).await?;
        Ok(Visible { client, application })
    }
}

/// Runs a storage call on a blocking thread.
async fn blocking<T: Send + 'static>(
    app: &App,
    work: impl FnOnce(&dyn crate::storage::Storage) -> Result<T, StorageError> + Send + 'static,
) -> Result<T, Response> {
    let storage = app.receiver.storage.clone();
    match tokio::task::spawn_blocking(move || work(&*storage)).await {
        Ok(Ok(value)) => Ok(value),
        Ok(Err(error)) => Err(storage_problem(&error).into_response()),
        Err(error) => Err(Problem::internal(Lang::En, error).into_response()),
    }
}

/// An application in a list; links below `base` (empty: paths).
fn summary_json(summary: &Summary, base: &str) -> Value {
    json!({
        "reference": summary.reference,
        "form": summary.form_id,
        "formVersion": summary.form_version,
        "lang": summary.lang,
        "receivedAt": summary.received_at,
        "state": summary.state.as_str(),
        "acknowledgedAt": summary.acknowledged_at,
        "href": format!("{base}/api/v1/applications/{}", summary.reference),
    })
}

/// An application with its payload and files (also the document the channels deliver); links
/// below `base` (empty: paths).
pub(crate) fn application_json(application: &Application, base: &str) -> Value {
    let mut body = summary_json(&application.summary, base);
    // Stored only after it parsed as a JSON object.
    body["payload"] = serde_json::from_str(&application.payload).unwrap_or(Value::Null);
    body["attachments"] = application
        .attachments
        .iter()
        .map(|a| {
            json!({"id": a.id, "field": a.field, "name": a.name, "type": a.mime, "size": a.size, "sha256": a.sha256,
                "href": format!("{base}/api/v1/applications/{}/attachments/{}", application.summary.reference, a.id)})
        })
        .collect();
    body
}

fn not_found() -> Response {
    problem(StatusCode::NOT_FOUND, "notFound", "No such application.").into_response()
}

/// `GET /api/v1/applications?state=new&form=ID&after=CURSOR&limit=N`.
pub async fn list(
    State(app): State<Arc<App>>,
    Authorized(client): Authorized,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let bad = |detail: &str| problem(StatusCode::BAD_REQUEST, "badQuery", detail).into_response();
    if let Some(unknown) = query.keys().find(|k| !["state", "form", "after", "limit"].contains(&k.as_str())) {
        return bad(&format!("unknown query parameter {unknown:?}"));
    }
    let state = match query.get("state").map(String::as_str) {
        None => None,
        Some(word) => match AppState::parse(word) {
            Some(state) => Some(state),
            None => return bad("state is \"new\" or \"acknowledged\""),
        },
    };
    let forms = match query.get("form") {
        Some(form) if client.forms.contains(form) => vec![form.clone()],
        Some(_) => return bad("form is not one of this client's forms"),
        None => client.forms.clone(),
    };
    let Ok(after) = query.get("after").map_or(Ok(0), |a| a.parse::<i64>()) else {
        return bad("after is the \"next\" value of the previous page");
    };
    let limit = match query.get("limit").map(|l| l.parse::<u32>()) {
        None => 100,
        Some(Ok(limit)) if (1..=MAX_LIMIT).contains(&limit) => limit,
        Some(_) => return bad("limit is a number from 1 to 500"),
    };
    let list = ListQuery { forms, state, after, limit };
    let items = match blocking(&app, move |storage| storage.list(&list)).await {
        Ok(items) => items,
        Err(response) => return response,
    };
    let next = (items.len() == limit as usize).then(|| items.last().map(|s| s.id.to_string())).flatten();
    let items: Vec<Value> = items.iter().map(|summary| summary_json(summary, "")).collect();
    Json(json!({"items": items, "next": next})).into_response()
}

/// The application `reference`, if this client may see it.
async fn visible(app: &App, client: &Client, reference: &str) -> Result<Application, Response> {
    if !crate::reference::is_valid(reference) {
        return Err(not_found());
    }
    let reference = crate::reference::canonical(reference);
    let found = blocking(app, move |storage| storage.get(&reference)).await?;
    found.filter(|a| client.forms.contains(&a.summary.form_id)).ok_or_else(not_found)
}

/// `GET /api/v1/applications/{reference}`.
pub async fn show(State(app): State<Arc<App>>, Visible { application, .. }: Visible) -> Response {
    let reference = application.summary.reference.clone();
    let deliveries = match blocking(&app, move |storage| storage.deliveries(&reference)).await {
        Ok(deliveries) => deliveries,
        Err(response) => return response,
    };
    let mut body = application_json(&application, "");
    body["deliveries"] = deliveries
        .iter()
        .map(|d| {
            json!({"id": d.id, "channel": d.channel, "state": d.state, "attempts": d.attempts,
                "lastError": d.last_error, "doneAt": d.done_at})
        })
        .collect();
    Json(body).into_response()
}

/// `GET /api/v1/applications/{reference}/attachments/{id}`: always a download, never shown
/// inline, never sniffed, and sandboxed should a browser render it anyway.
pub async fn attachment(
    State(app): State<Arc<App>>,
    Visible { application, .. }: Visible,
    Path((_, id)): Path<(String, String)>,
) -> Response {
    let reference = application.summary.reference;
    let Ok(Some((meta, bytes))) = blocking(&app, move |storage| storage.attachment(&reference, &id)).await
    else {
        return not_found();
    };
    let mut response = bytes.into_response();
    let headers = response.headers_mut();
    let mime =
        HeaderValue::from_str(&meta.mime).unwrap_or(HeaderValue::from_static("application/octet-stream"));
    headers.insert(CONTENT_TYPE, mime);
    if let Ok(value) = HeaderValue::from_str(&content_disposition(&meta.name)) {
        headers.insert(CONTENT_DISPOSITION, value);
    }
    headers.insert("x-content-type-options", HeaderValue::from_static("nosniff"));
    headers.insert(CONTENT_SECURITY_POLICY, HeaderValue::from_static("default-src 'none'; sandbox"));
    response
}

/// `attachment; filename="…"` (ASCII, quotes and controls replaced) and `filename*` (RFC 5987,
/// the name as given).
pub fn content_disposition(name: &str) -> String {
    let ascii: String = name
        .chars()
        .map(|c| if c.is_ascii_graphic() && c != '"' && c != '\\' || c == ' ' { c } else { '_' })
        .collect();
    let encoded: String = name
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                char::from(b).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect();
    format!("attachment; filename=\"{ascii}\"; filename*=UTF-8''{encoded}")
}

/// `POST /api/v1/applications/{reference}/ack`: the office has the application; from now its
/// retention runs. A repeat changes nothing and answers the same.
pub async fn acknowledge(State(app): State<Arc<App>>, Visible { client, application }: Visible) -> Response {
    let (reference, name, at) =
        (application.summary.reference, client.name.clone(), crate::clock::now_rfc3339());
    let first = application.summary.state == AppState::New;
    match blocking(&app, move |storage| storage.acknowledge(&reference, &name, &at)).await {
        Ok(Some(summary)) => {
            if first {
                app.receiver.metrics.acknowledged();
                crate::log::info(
                    "acknowledged",
                    &[("reference", &summary.reference), ("client", &client.name)],
                );
            }
            Json(summary_json(&summary, "")).into_response()
        }
        Ok(None) => not_found(),
        Err(response) => response,
    }
}

#[cfg(test)]
mod tests {
    use super::content_disposition;

    #[test]
    fn file_names_cannot_break_out_of_the_header() {
        assert_eq!(
            content_disposition("plan.pdf"),
            "attachment; filename=\"plan.pdf\"; filename*=UTF-8''plan.pdf"
        );
        assert_eq!(
            content_disposition("Straße \"1\".pdf\r\nX: y"),
            "attachment; filename=\"Stra_e _1_.pdf__X: y\"; filename*=UTF-8''Stra%C3%9Fe%20%221%22.pdf%0D%0AX%3A%20y"
        );
    }
}
