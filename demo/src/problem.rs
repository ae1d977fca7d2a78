//! RFC 9457 problem details: the one shape every API error of this server has, so a client
//! (and the browser runtime) needs exactly one error parser.

use axum::http::StatusCode;
use axum::http::header::CONTENT_TYPE;
use axum::response::{IntoResponse, Response};
use serde_json::json;

/// The media type of a problem body.
pub const PROBLEM_JSON: &str = "application/problem+json";

/// An API error: a status and a sentence for a developer. Converts into an
/// `application/problem+json` response.
#[derive(Debug)]
pub struct Problem {
    status: StatusCode,
    detail: String,
    /// Field errors, as the extension member `errors` (`[{field, code, detail}]`), so a client
    /// can show each at its field.
    errors: Vec<serde_json::Value>,
}

impl Problem {
    /// A problem with `status` and a human-readable `detail`.
    pub fn new(status: StatusCode, detail: impl Into<String>) -> Problem {
        Problem { status, detail: detail.into(), errors: Vec::new() }
    }

    /// The same problem with field errors attached.
    pub fn with_errors(mut self, errors: Vec<serde_json::Value>) -> Problem {
        self.errors = errors;
        self
    }

    /// A 500 problem. The detail is also written to stderr, because a server-side fault is
    /// something the person running the demo must see, not only the client.
    pub fn internal(detail: impl Into<String>) -> Problem {
        let detail = detail.into();
        eprintln!("formlotse-demo: internal error: {detail}");
        Problem::new(StatusCode::INTERNAL_SERVER_ERROR, detail)
    }
}

impl IntoResponse for Problem {
    fn into_response(self) -> Response {
        // With `"type": "about:blank"` RFC 9457 asks for the status's reason phrase as title.
        let title = self.status.canonical_reason().unwrap_or("Error");
        let mut body = json!({
            "type": "about:blank",
            "title": title,
            "status": self.status.as_u16(),
            "detail": self.detail,
        });
        if !self.errors.is_empty() {
            body["errors"] = serde_json::Value::Array(self.errors);
        }
        (self.status, [(CONTENT_TYPE, PROBLEM_JSON)], body.to_string()).into_response()
    }
}
