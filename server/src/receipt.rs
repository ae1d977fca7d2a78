//! The citizen's copy: `GET /api/v1/receipts/{reference}?token=…` answers the application as a
//! tagged PDF in the language the citizen filled it in (`formlotse-pdf`). The token came with
//! the `201` (as the `pdf` link); only its SHA-256 is stored. Its first use opens a window of
//! [`WINDOW`]: a second click, a screen reader activating the link twice, a download manager's
//! `HEAD` before its `GET` all get the PDF, and after the window the link shows nothing, so one
//! that leaks later (browser history, a shared screen) is dead. Any mismatch is the same 404,
//! so the route says nothing about which references exist.

use std::collections::HashMap;
use std::sync::{Arc, OnceLock};
use std::time::Duration;

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::http::header::{CACHE_CONTROL, CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::response::{IntoResponse, Response};
use formlotse_core::Lang;

use crate::Receiver;
use crate::problem::Problem;

/// The fonts, read on the first download (a server without downloads never needs them).
static FONTS: OnceLock<Result<formlotse_pdf::Fonts, String>> = OnceLock::new();

/// How long the link works after its first use.
pub const WINDOW: Duration = Duration::from_secs(15 * 60);

fn not_found() -> Response {
    let detail = "No such receipt, or its link has expired.";
    Problem::new(StatusCode::NOT_FOUND, "notFound", Lang::En, detail, detail).into_response()
}

/// The download's `Content-Disposition`: the file name in the citizen's language
/// (`pdf.file_name`, "заява-FL-….pdf") as RFC 6266's UTF-8 `filename*`, every byte outside
/// RFC 3986's unreserved characters percent-encoded (a town's catalog cannot break the header);
/// for software that reads only `filename`, the name itself if it is that plain, else German's.
fn disposition(file_name: &str, reference: &str) -> String {
    let german = format!("attachment; filename=\"antrag-{reference}.pdf\"");
    if file_name.is_empty() {
        return german;
    }
    let unreserved = |b: u8| b.is_ascii_alphanumeric() || b"-._~".contains(&b);
    let encoded: String = file_name
        .bytes()
        .map(|b| if unreserved(b) { char::from(b).to_string() } else { format!("%{b:02X}") })
        .collect();
    if file_name.bytes().all(unreserved) {
        format!("attachment; filename=\"{file_name}\"; filename*=UTF-8''{encoded}")
    } else {
        format!("{german}; filename*=UTF-8''{encoded}")
    }
}

/// `GET /api/v1/receipts/{reference}?token=TOKEN`.
pub async fn pdf(
    State(receiver): State<Arc<Receiver>>,
    Path(reference): Path<String>,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let Some(token) = query.get("token").filter(|t| t.len() == 32) else { return not_found() };
    if !crate::reference::is_valid(&reference) {
        return not_found();
    }
    let reference = crate::reference::canonical(&reference);
    let hash = formlotse_core::sha256::hex(token.as_bytes());
    let storage = receiver.storage.clone();
    let forms = receiver.forms.clone();
    let catalogs = receiver.catalogs.clone();
    let logged = reference.clone();
    let work = move || -> Result<Option<(Vec<u8>, String)>, String> {
        let now = crate::clock::now_millis();
        let until = now + i64::try_from(WINDOW.as_millis()).unwrap_or(i64::MAX / 2);
        if !storage.open_receipt(&reference, &hash, now, until).map_err(|e| e.to_string())? {
            return Ok(None);
        }
        let Some(application) = storage.get(&reference).map_err(|e| e.to_string())? else { return Ok(None) };
        let definition =
            forms.find(&application.summary.form_id).ok_or("the form is no longer configured")?;
        let payload: serde_json::Value =
            serde_json::from_str(&application.payload).map_err(|e| e.to_string())?;
        let attachments: Vec<formlotse_core::payload::Attachment> =
            application.attachments.iter().map(crate::storage::AttachmentMeta::to_core).collect();
        let fonts = FONTS.get_or_init(|| formlotse_pdf::Fonts::system_default().map_err(|e| e.to_string()));
        let fonts = fonts.as_ref().map_err(Clone::clone)?;
        let pdf_application = formlotse_pdf::Application {
            definition: &definition,
            payload: &payload,
            reference: &reference,
            received_at: &application.summary.received_at,
            attachments: &attachments,
        };
        let lang = formlotse_pdf::application_lang(&payload);
        let catalog = catalogs.get(lang);
        let pdf = formlotse_pdf::render(&pdf_application, lang, catalog, fonts).map_err(|e| e.to_string())?;
        let file_name = catalog.document_text("pdf.file_name", &[("reference", &reference)]);
        Ok(Some((pdf, disposition(&file_name, &reference))))
    };
    match tokio::task::spawn_blocking(work).await {
        Ok(Ok(Some((pdf, disposition)))) => {
            crate::log::info("receipt downloaded", &[("reference", &logged)]);
            (
                [
                    (CONTENT_TYPE, "application/pdf".to_owned()),
                    (CONTENT_DISPOSITION, disposition),
                    (CACHE_CONTROL, "no-store".to_owned()),
                ],
                pdf,
            )
                .into_response()
        }
        Ok(Ok(None)) => not_found(),
        Ok(Err(what)) => Problem::internal(Lang::En, what).into_response(),
        Err(error) => Problem::internal(Lang::En, error).into_response(),
    }
}

#[cfg(test)]
mod tests {
    use super::disposition;

    #[test]
    fn the_file_name_is_the_catalogs_and_cannot_break_the_header() {
        let reference = "FL-2026-7K3M-Q9XD";
        let cases = [
            (
                "application-FL-2026-7K3M-Q9XD.pdf",
                "filename=\"application-FL-2026-7K3M-Q9XD.pdf\"; filename*=UTF-8''application-FL-2026-7K3M-Q9XD.pdf",
            ),
            (
                "заява-FL-2026-7K3M-Q9XD.pdf",
                "filename=\"antrag-FL-2026-7K3M-Q9XD.pdf\"; filename*=UTF-8''%D0%B7%D0%B0%D1%8F%D0%B2%D0%B0-FL-2026-7K3M-Q9XD.pdf",
            ),
            (
                "a\"b\r\nX: y/../c.pdf",
                "filename=\"antrag-FL-2026-7K3M-Q9XD.pdf\"; filename*=UTF-8''a%22b%0D%0AX%3A%20y%2F..%2Fc.pdf",
            ),
            ("", "filename=\"antrag-FL-2026-7K3M-Q9XD.pdf\""),
        ];
        for (name, expected) in cases {
            assert_eq!(disposition(name, reference), format!("attachment; {expected}"), "{name}");
        }
    }
}
