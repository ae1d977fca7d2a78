//! Reading a submission's body within its route's limits: `application/json` up to
//! `json_bytes`; `multipart/form-data` up to `multipart_bytes` in at most `parts` parts (the
//! payload as part `submission`, each file as a part named by its attachment id). A declared
//! length over the limit is refused before a byte is read; the body must arrive within
//! `body_timeout`.

use axum::body::Body;
use axum::extract::{FromRequest, Multipart, Request};
use axum::http::StatusCode;
use axum::http::header::{CONTENT_LENGTH, CONTENT_TYPE};
use formlotse_core::Lang;
use http_body_util::BodyExt;

use super::files::Part;
use crate::config::Limits;
use crate::problem::Problem;

/// The payload bytes and the file parts.
pub type Read = (Vec<u8>, Vec<Part>);

/// Reads the body of `request`.
pub async fn read(request: Request, limits: &Limits, lang: Lang) -> Result<Read, Problem> {
    let media_type = request.headers().get(CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or("");
    let essence = media_type.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
    let limit = match essence.as_str() {
        "application/json" => limits.json_bytes,
        "multipart/form-data" => limits.multipart_bytes,
        _ => {
            return Err(Problem::new(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "mediaType",
                lang,
                "Der Antrag muss als application/json oder multipart/form-data gesendet werden.",
                "Send the application as application/json or multipart/form-data.",
            ));
        }
    };
    let declared = request.headers().get(CONTENT_LENGTH).and_then(|v| v.to_str().ok()?.parse::<u64>().ok());
    if declared.is_some_and(|length| length > limit as u64) {
        return Err(too_large(lang, limit));
    }
    let reading = async {
        if essence == "application/json" {
            let limited = http_body_util::Limited::new(request.into_body(), limit);
            match limited.collect().await {
                Ok(collected) => Ok((collected.to_bytes().to_vec(), Vec::new())),
                Err(error) if error.is::<http_body_util::LengthLimitError>() => Err(too_large(lang, limit)),
                Err(_) => Err(unreadable(lang)),
            }
        } else {
            multipart(request, limits, lang).await
        }
    };
    match tokio::time::timeout(limits.body_timeout, reading).await {
        Ok(result) => result,
        Err(_) => Err(Problem::new(
            StatusCode::REQUEST_TIMEOUT,
            "timeout",
            lang,
            "Der Antrag kam nicht rechtzeitig vollständig an.",
            "The application did not arrive completely in time.",
        )),
    }
}

async fn multipart(request: Request, limits: &Limits, lang: Lang) -> Result<Read, Problem> {
    let (parts, body) = request.into_parts();
    let limited = Body::new(http_body_util::Limited::new(body, limits.multipart_bytes));
    let request = Request::from_parts(parts, limited);
    let mut multipart =
        Multipart::from_request(request, &()).await.map_err(|_| malformed(lang, "no multipart body"))?;
    let mut submission = None;
    let mut files: Vec<Part> = Vec::new();
    let mut count = 0;
    loop {
        let field = match multipart.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => break,
            Err(error) => return Err(multipart_error(&error, lang, limits)),
        };
        count += 1;
        if count > limits.parts {
            return Err(Problem::new(
                StatusCode::PAYLOAD_TOO_LARGE,
                "tooManyParts",
                lang,
                "Der Antrag hat zu viele Dateien.",
                "The application has too many files.",
            )
            .because(format!("at most {} parts", limits.parts)));
        }
        let name = field.name().unwrap_or_default().to_owned();
        let bytes = field.bytes().await.map_err(|error| multipart_error(&error, lang, limits))?.to_vec();
        if name == "submission" {
            if submission.replace(bytes).is_some() {
                return Err(malformed(lang, "the part \"submission\" appears twice"));
            }
        } else if files.iter().any(|file| file.name == name) {
            return Err(malformed(lang, &format!("the part {name:?} appears twice")));
        } else {
            files.push(Part { name, bytes });
        }
    }
    let submission = submission.ok_or_else(|| malformed(lang, "there is no part named \"submission\""))?;
    Ok((submission, files))
}

fn multipart_error(error: &axum::extract::multipart::MultipartError, lang: Lang, limits: &Limits) -> Problem {
    if error.status() == StatusCode::PAYLOAD_TOO_LARGE {
        too_large(lang, limits.multipart_bytes)
    } else {
        malformed(lang, &error.body_text())
    }
}

/// 413 with the limit.
pub fn too_large(lang: Lang, limit: usize) -> Problem {
    Problem::new(
        StatusCode::PAYLOAD_TOO_LARGE,
        "tooLarge",
        lang,
        "Der Antrag ist zu groß.",
        "The application is too large.",
    )
    .because(format!("at most {limit} bytes"))
}

/// 400 for a body that is not what it says.
pub fn malformed(lang: Lang, what: &str) -> Problem {
    Problem::new(
        StatusCode::BAD_REQUEST,
        "malformed",
        lang,
        "Der Antrag ist beschädigt angekommen.",
        "The application arrived damaged.",
    )
    .because(what)
}

fn unreadable(lang: Lang) -> Problem {
    malformed(lang, "the body could not be read")
}
