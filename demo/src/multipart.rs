//! `multipart/form-data` submissions: a `submission` part with the payload JSON and one part
//! per attached file, named by its attachment id. Every file must match the size and SHA-256
//! the payload lists for it, and every listed attachment must be there.

use axum::extract::{FromRequest, Multipart, Request};
use axum::http::StatusCode;
use serde_json::Value;

use crate::problem::Problem;

/// The largest multipart submission: a few scans and photos.
pub const MAX_MULTIPART: usize = 32 * 1024 * 1024;

/// An attached file as received.
#[derive(Debug)]
pub struct File {
    /// The part's name: the attachment id.
    pub id: String,
    /// The MIME type the payload lists (the part's own header is the browser's guess).
    pub mime: String,
    pub bytes: Vec<u8>,
}

/// The payload bytes and the files.
pub async fn read(request: Request) -> Result<(Vec<u8>, Vec<File>), Problem> {
    let bad = |detail: String| Problem::new(StatusCode::BAD_REQUEST, detail);
    let mut multipart =
        Multipart::from_request(request, &()).await.map_err(|e| bad(format!("not multipart: {e}")))?;
    let mut submission = None;
    let mut files = Vec::new();
    while let Some(field) = multipart.next_field().await.map_err(|e| too_large_or_bad(&e.to_string()))? {
        let name = field.name().unwrap_or_default().to_owned();
        let mime = field.content_type().unwrap_or("application/octet-stream").to_owned();
        let bytes = field.bytes().await.map_err(|e| too_large_or_bad(&e.to_string()))?.to_vec();
        if name == "submission" {
            submission = Some(bytes);
        } else if files.iter().any(|file: &File| file.id == name) {
            return Err(bad(format!("the part {name:?} appears twice")));
        } else {
            files.push(File { id: name, mime, bytes });
        }
    }
    let submission = submission.ok_or_else(|| bad("there is no part named \"submission\"".to_owned()))?;
    Ok((submission, files))
}

fn too_large_or_bad(message: &str) -> Problem {
    if message.contains("limit") {
        Problem::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            format!("a submission may have at most {MAX_MULTIPART} bytes"),
        )
    } else {
        Problem::new(StatusCode::BAD_REQUEST, format!("unreadable multipart body: {message}"))
    }
}

/// Checks the files against the payload's `attachments`: one part for each, with its size and
/// SHA-256, and no part that is not listed.
pub fn verify(payload: &Value, files: &[File]) -> Result<(), Problem> {
    let bad = |detail: String| Problem::new(StatusCode::BAD_REQUEST, detail);
    let listed = payload.get("attachments").and_then(Value::as_array).map_or(&[][..], Vec::as_slice);
    for attachment in listed {
        let id = attachment.get("id").and_then(Value::as_str).unwrap_or_default();
        let file = files
            .iter()
            .find(|file| file.id == id)
            .ok_or_else(|| bad(format!("attachment {id:?} is listed but not sent")))?;
        let size = attachment.get("size").and_then(Value::as_u64);
        if size != Some(file.bytes.len() as u64) {
            return Err(bad(format!(
                "attachment {id:?} has {} bytes, the payload says {size:?}",
                file.bytes.len()
            )));
        }
        let sha256 = attachment.get("sha256").and_then(Value::as_str).unwrap_or_default();
        if formlotse_core::sha256::hex(&file.bytes) != sha256 {
            return Err(bad(format!("attachment {id:?} does not match its SHA-256")));
        }
    }
    if let Some(extra) = files
        .iter()
        .find(|file| !listed.iter().any(|a| a.get("id").and_then(Value::as_str) == Some(&file.id)))
    {
        return Err(bad(format!("the part {:?} is no listed attachment", extra.id)));
    }
    Ok(())
}
