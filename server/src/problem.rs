//! RFC 9457 problem details: the one shape every error of this server has, so a client (and the
//! browser runtime) needs exactly one error parser. Each problem has a stable `code` (metrics
//! count refusals by it) and a `detail`. A refusal of a citizen's application is worded in the
//! payload's language from the language catalogs (`problem.*` keys, German built in), which the
//! runtime shows the citizen; the routes for software (the pull API) answer in English.

use axum::http::StatusCode;
use axum::http::header::CONTENT_TYPE;
use axum::response::{IntoResponse, Response};
use formlotse_core::Lang;
use formlotse_core::catalog::Catalog;
use serde_json::{Value, json};

/// The media type of a problem body.
pub const PROBLEM_JSON: &str = "application/problem+json";

/// The most field errors one problem lists: a payload with 80,000 unknown answers gets the first
/// hundred, not a response larger than itself.
pub const MAX_ERRORS: usize = 100;

/// An API error: a status, a stable code, a sentence, and field errors.
#[derive(Debug, Clone)]
pub struct Problem {
    /// The HTTP status.
    pub status: StatusCode,
    /// Stable, camelCase (`tooLarge`, `idempotencyConflict`, …).
    pub code: &'static str,
    /// For the person reading it, in the request's language.
    pub detail: String,
    /// `[{field, code, detail}]`, so a client can show each at its field.
    pub errors: Vec<Value>,
}

impl Problem {
    /// A refusal worded by `words`, the catalog of the application's language: the template
    /// `problem.KEY` with its `{name}` parameters.
    pub fn worded(
        status: StatusCode,
        code: &'static str,
        words: &Catalog,
        key: &str,
        params: &[(&str, &str)],
    ) -> Problem {
        let detail = words.document_text(&format!("problem.{key}"), params);
        Problem { status, code, detail, errors: Vec::new() }
    }

    /// A problem whose detail is `german` or `english` by `lang`: for the routes software calls
    /// (the pull API, the receipt link), not for a refused application.
    pub fn new(status: StatusCode, code: &'static str, lang: Lang, german: &str, english: &str) -> Problem {
        let detail = if lang.is_english() { english } else { german };
        Problem { status, code, detail: detail.to_owned(), errors: Vec::new() }
    }

    /// The same problem with field errors (at most [`MAX_ERRORS`]).
    pub fn with_errors(mut self, mut errors: Vec<Value>) -> Problem {
        errors.truncate(MAX_ERRORS);
        self.errors = errors;
        self
    }

    /// The same problem with `detail` extended by a technical remark (never personal data).
    pub fn because(mut self, remark: impl std::fmt::Display) -> Problem {
        self.detail = format!("{} ({remark})", self.detail);
        self
    }

    /// A fault of this server or its storage: 500, logged without the request.
    pub fn internal(lang: Lang, what: impl std::fmt::Display) -> Problem {
        crate::log::error("internal", &[("what", &what.to_string())]);
        Problem::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal",
            lang,
            "Der Antrag konnte wegen eines Fehlers des Servers nicht gespeichert werden. Bitte versuchen Sie es später erneut.",
            "The application could not be stored because of a server fault. Please try again later.",
        )
    }

    /// [`Problem::internal`] for a citizen's application, in its language.
    pub fn internal_in(words: &Catalog, what: impl std::fmt::Display) -> Problem {
        crate::log::error("internal", &[("what", &what.to_string())]);
        Problem::worded(StatusCode::INTERNAL_SERVER_ERROR, "internal", words, "internal", &[])
    }

    /// [`Problem::unavailable`] for a citizen's application, in its language.
    pub fn unavailable_in(words: &Catalog) -> Problem {
        Problem::worded(StatusCode::SERVICE_UNAVAILABLE, "unavailable", words, "unavailable", &[])
    }

    /// The storage is unreachable or busy: 503, so the runtime retries.
    pub fn unavailable(lang: Lang) -> Problem {
        Problem::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "unavailable",
            lang,
            "Der Server ist gerade nicht erreichbar. Ihr Antrag wird erneut gesendet.",
            "The server is unavailable at the moment. Your application will be sent again.",
        )
    }

    /// The JSON body.
    pub fn body(&self) -> Value {
        // With `"type": "about:blank"` RFC 9457 asks for the status's reason phrase as title.
        let mut body = json!({
            "type": "about:blank",
            "title": self.status.canonical_reason().unwrap_or("Error"),
            "status": self.status.as_u16(),
            "code": self.code,
            "detail": self.detail,
        });
        if !self.errors.is_empty() {
            body["errors"] = Value::Array(self.errors.clone());
        }
        body
    }
}

impl IntoResponse for Problem {
    fn into_response(self) -> Response {
        let mut response =
            (self.status, [(CONTENT_TYPE, PROBLEM_JSON)], self.body().to_string()).into_response();
        if self.status == StatusCode::SERVICE_UNAVAILABLE {
            response
                .headers_mut()
                .insert(axum::http::header::RETRY_AFTER, axum::http::HeaderValue::from_static("1"));
        }
        // The metrics middleware counts refusals by this code.
        response.extensions_mut().insert(RefusalCode(self.code));
        response
    }
}

/// The code of a problem response, for the metrics.
#[derive(Debug, Clone, Copy)]
pub struct RefusalCode(pub &'static str);
