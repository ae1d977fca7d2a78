//! The two requests the host makes: fetch the definition, post the submission. The loader
//! (`js/formlotse.js`) may have started the definition's request before the wasm was there:
//! [`InFlight`] hands that request over, so it is never made twice.

use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Request, RequestInit, Response};

/// Why a request did not give a usable answer.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum FetchError {
    /// No answer at all (offline, DNS, CORS, refused).
    Network(String),
    /// The server answered with a status outside 200–299.
    Status(u16),
}

/// A successful answer: status and body text.
pub(crate) struct Answer {
    pub(crate) body: String,
}

/// GETs `url` and returns the body text.
pub(crate) async fn get_text(url: &str) -> Result<Answer, FetchError> {
    let init = RequestInit::new();
    init.set_method("GET");
    send(url, &init).await
}

/// A definition request the loader started for `src` (a `Promise<Response>`), taken at most once:
/// a body can be read only once, and a reset loads the definition afresh.
#[derive(Clone, Default)]
pub(crate) struct InFlight(Rc<RefCell<Option<(String, js_sys::Promise)>>>);

impl InFlight {
    /// Reads `{src, response}` as the loader passes it; nothing when it is not that shape.
    pub(crate) fn from_js(value: &JsValue) -> InFlight {
        let field = |key: &str| js_sys::Reflect::get(value, &JsValue::from_str(key)).ok();
        let src = field("src").and_then(|src| src.as_string());
        let response = field("response").and_then(|response| response.dyn_into::<js_sys::Promise>().ok());
        InFlight(Rc::new(RefCell::new(src.zip(response))))
    }

    /// The request for exactly `src`, if the loader started it and nobody took it yet.
    fn take(&self, src: &str) -> Option<js_sys::Promise> {
        let mut slot = self.0.borrow_mut();
        match slot.take() {
            Some((started, response)) if started == src => Some(response),
            other => {
                *slot = other;
                None
            }
        }
    }
}

impl PartialEq for InFlight {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// The definition at `src`: from the request already in flight for it, else fetched now.
pub(crate) async fn get_definition(src: &str, in_flight: &InFlight) -> Result<Answer, FetchError> {
    match in_flight.take(src) {
        Some(response) => read(JsFuture::from(response).await.map_err(network)?).await,
        None => get_text(src).await,
    }
}

/// What a receiver answered, whatever the status.
pub(crate) struct Reply {
    pub(crate) status: u16,
    /// The `Retry-After` header.
    pub(crate) retry_after: Option<String>,
    pub(crate) body: String,
}

/// What a submission request carries.
pub(crate) enum Body {
    /// `application/json`: the payload.
    Json(String),
    /// `multipart/form-data`: a `submission` part with the payload, and one part per file,
    /// named by its attachment id.
    Multipart { json: String, files: Vec<(String, web_sys::File)> },
}

/// POSTs the submission to `url` with an `Idempotency-Key`. `Err` only when no answer came at
/// all, or none within `timeout_ms` (the request is then aborted).
pub(crate) async fn post_submission(
    url: &str,
    body: &Body,
    idempotency_key: &str,
    timeout_ms: u32,
) -> Result<Reply, String> {
    let as_text = message;
    let init = RequestInit::new();
    init.set_method("POST");
    let headers = web_sys::Headers::new().map_err(as_text)?;
    match body {
        Body::Json(json) => {
            init.set_body(&JsValue::from_str(json));
            headers.set("Content-Type", "application/json").map_err(as_text)?;
        }
        Body::Multipart { json, files } => {
            // The browser writes the multipart Content-Type with its boundary.
            let form = web_sys::FormData::new().map_err(as_text)?;
            let options = web_sys::BlobPropertyBag::new();
            options.set_type("application/json");
            let parts = js_sys::Array::of1(&JsValue::from_str(json));
            let submission =
                web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(as_text)?;
            form.append_with_blob_and_filename("submission", &submission, "submission.json")
                .map_err(as_text)?;
            for (id, file) in files {
                form.append_with_blob_and_filename(id, file, &file.name()).map_err(as_text)?;
            }
            init.set_body(&form);
        }
    }
    headers.set("Accept", "application/json, application/problem+json").map_err(as_text)?;
    headers.set("Idempotency-Key", idempotency_key).map_err(as_text)?;
    init.set_headers(&headers);
    let controller = web_sys::AbortController::new().map_err(as_text)?;
    init.set_signal(Some(&controller.signal()));
    // Dropping the timer (when this function returns) cancels it.
    let _deadline = gloo_timers::callback::Timeout::new(timeout_ms, move || controller.abort());
    let response = fetch(url, &init).await?;
    let retry_after = response.headers().get("Retry-After").ok().flatten();
    // A body that cannot be read is an empty body: the status decides.
    let body = match response.text() {
        Ok(promise) => {
            JsFuture::from(promise).await.ok().and_then(|body| body.as_string()).unwrap_or_default()
        }
        Err(_) => String::new(),
    };
    Ok(Reply { status: response.status(), retry_after, body })
}

async fn send(url: &str, init: &RequestInit) -> Result<Answer, FetchError> {
    read(fetch(url, init).await.map_err(FetchError::Network)?.into()).await
}

/// The body text of a successful response.
async fn read(response: JsValue) -> Result<Answer, FetchError> {
    let response: Response = response.dyn_into().map_err(network)?;
    if !response.ok() {
        return Err(FetchError::Status(response.status()));
    }
    let body = JsFuture::from(response.text().map_err(network)?).await.map_err(network)?;
    Ok(Answer { body: body.as_string().unwrap_or_default() })
}

/// `fetch(url, init)`: the response, or why none came.
async fn fetch(url: &str, init: &RequestInit) -> Result<Response, String> {
    let request = Request::new_with_str_and_init(url, init).map_err(message)?;
    let window = web_sys::window().ok_or("no window")?;
    JsFuture::from(window.fetch_with_request(&request)).await.map_err(message)?.dyn_into().map_err(message)
}

fn network(error: JsValue) -> FetchError {
    FetchError::Network(message(error))
}

/// The message of a JS exception.
fn message(error: JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "unknown error".into())
}
