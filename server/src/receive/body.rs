//! Reading a submission's body within its route's limits: `application/json` up to
//! `json_bytes`; `multipart/form-data` up to `multipart_bytes` in at most `parts` parts (the
//! payload as part `submission`, each file as a part named by its attachment id). A declared
//! length over the limit is refused before a byte is read; the body must arrive within
//! `body_timeout`.

use axum::body::Body;
use axum::extract::{FromRequest, Multipart, Request};
use axum::http::StatusCode;
use axum::http::header::{CONTENT_LENGTH, CONTENT_TYPE};
use formlotse_core::catalog::Catalog;
use http_body_util::BodyExt;

use super::files::Part;
use crate::config::Limits;
use crate::problem::Problem;

/// The payload bytes and the file parts.
pub type Read = (Vec<u8>, Vec<Part>);

/// Reads the body of `request`.
pub async fn read(request: Request, limits: &Limits, words: &Catalog) -> Result<Read, Problem> {
    let media_type = request.headers().get(CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or("");
    let essence = media_type.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
    let limit = match essence.as_str() {
        "application/json" => limits.json_bytes,
        "multipart/form-data" => limits.multipart_bytes,
        _ => {
            return Err(Problem::worded(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "mediaType",
                words,
                "mediaType",
                &[],
            ));
        }
    };
    let declared = request.headers().get(CONTENT_LENGTH).and_then(|v| v.to_str().ok()?.parse::<u64>().ok());
    if declared.is_some_and(|length| length > limit as u64) {
        return Err(too_large(words, limit));
    }
    let reading = async {
        if essence == "application/json" {
            let limited = http_body_util::Limited::new(request.into_body(), limit);
            match limited.collect().await {
                Ok(collected) => Ok((collected.to_bytes().to_vec(), Vec::new())),
                Err(error) if error.is::<http_body_util::LengthLimitError>() => Err(too_large(words, limit)),
                Err(_) => Err(unreadable(words)),
            }
        } else {
            multipart(request, limits, words).await
        }
    };
    match tokio::time::timeout(limits.body_timeout, reading).await {
        Ok(result) => result,
        Err(_) => Err(Problem::worded(StatusCode::REQUEST_TIMEOUT, "timeout", words, "timeout", &[])),
    }
}

async fn multipart(request: Request, limits: &Limits, words: &Catalog) -> Result<Read, Problem> {
    let (parts, body) = request.into_parts();
    let limited = Body::new(http_body_util::Limited::new(body, limits.multipart_bytes));
    let request = Request::from_parts(parts, limited);
    let mut multipart =
        Multipart::from_request(request, &()).await.map_err(|_| malformed(words, "no multipart body"))?;
    let mut submission = None;
    let mut files: Vec<Part> = Vec::new();
    let mut count = 0;
    loop {
        let field = match multipart.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => break,
            Err(error) => return Err(multipart_error(&error, words, limits)),
        };
        count += 1;
        if count > limits.parts {
            // One part is the payload, each other one a file.
            let files = limits.parts.saturating_sub(1).to_string();
            return Err(Problem::worded(
                StatusCode::PAYLOAD_TOO_LARGE,
                "tooManyParts",
                words,
                "tooManyParts",
                &[("files", &files)],
            ));
        }
        let name = field.name().unwrap_or_default().to_owned();
        let bytes = field.bytes().await.map_err(|error| multipart_error(&error, words, limits))?.to_vec();
        if name == "submission" {
            if submission.replace(bytes).is_some() {
                return Err(malformed(words, "the part \"submission\" appears twice"));
            }
        } else if files.iter().any(|file| file.name == name) {
            return Err(malformed(words, &format!("the part {name:?} appears twice")));
        } else {
            files.push(Part { name, bytes });
        }
    }
    let submission = submission.ok_or_else(|| malformed(words, "there is no part named \"submission\""))?;
    Ok((submission, files))
}

fn multipart_error(
    error: &axum::extract::multipart::MultipartError,
    words: &Catalog,
    limits: &Limits,
) -> Problem {
    if error.status() == StatusCode::PAYLOAD_TOO_LARGE {
        too_large(words, limits.multipart_bytes)
    } else {
        malformed(words, &error.body_text())
    }
}

/// 413 with the limit.
pub fn too_large(words: &Catalog, limit: usize) -> Problem {
    let bytes = limit.to_string();
    Problem::worded(StatusCode::PAYLOAD_TOO_LARGE, "tooLarge", words, "tooLarge", &[("bytes", &bytes)])
}

/// 400 for a body that is not what it says, with the technical remark `what` (a parser's own
/// message, for the integration's developers) after the words.
pub fn malformed(words: &Catalog, what: &str) -> Problem {
    Problem::worded(StatusCode::BAD_REQUEST, "malformed", words, "malformed", &[]).because(what)
}

fn unreadable(words: &Catalog) -> Problem {
    malformed(words, "the body could not be read")
}
