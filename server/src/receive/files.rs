//! Binding uploaded files to the answers that name them. Every file answer (`{"id", "name",
//! "type", "size"}` in a file field, also inside repeatable groups) names exactly one entry of
//! the payload's `attachments`, each entry is named by exactly one answer and sent as exactly
//! one part, and each part's bytes have the listed size and SHA-256 and begin as their type
//! says (PDF, PNG, JPEG). The engine has already held the answers to the field's `accept` and
//! `maxSize`; since answer, entry and bytes must agree, that holds for the bytes too.

use std::collections::HashMap;

use formlotse_core::catalog::Catalog;
use formlotse_core::{Definition, FieldKind};
use serde_json::{Value, json};

use crate::storage::{AttachmentMeta, NewAttachment};

/// A part of a multipart submission: its name (the attachment id) and its bytes.
#[derive(Debug)]
pub struct Part {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// Why the files do not fit the payload.
#[derive(Debug, PartialEq)]
pub enum FileProblem {
    /// The request does not hang together (400): a part or entry missing, twice, or with other
    /// bytes than its checksum says.
    Malformed(String),
    /// Field errors (422): `{field, code, detail}`.
    Fields(Vec<Value>),
}

/// The file answers of `payload`: (answer path, file object), in order.
fn file_answers<'a>(
    definition: &Definition,
    answers: &'a serde_json::Map<String, Value>,
) -> Vec<(String, &'a Value)> {
    let mut found = Vec::new();
    let mut push = |path: String, value: Option<&'a Value>| {
        if let Some(Value::Array(files)) = value {
            found.extend(files.iter().map(|file| (path.clone(), file)));
        }
    };
    for field in definition.fields().filter(|f| matches!(f.kind, FieldKind::File(_))) {
        push(field.id.clone(), answers.get(&field.id));
    }
    for repeat in definition.repeats() {
        let Some(Value::Array(items)) = answers.get(&repeat.id) else { continue };
        for (index, item) in items.iter().enumerate() {
            for field in repeat.fields().filter(|f| matches!(f.kind, FieldKind::File(_))) {
                push(formlotse_core::path::item(&repeat.id, index, &field.id), item.get(&field.id));
            }
        }
    }
    found
}

/// Checks the files against `payload` and returns them ready to store; a file's error is worded
/// by `words`, the catalog of the payload's language.
pub fn bind(
    definition: &Definition,
    payload: &Value,
    parts: Vec<Part>,
    words: &Catalog,
) -> Result<Vec<NewAttachment>, FileProblem> {
    let malformed = |text: String| FileProblem::Malformed(text);
    let empty = serde_json::Map::new();
    let answers = payload.get("answers").and_then(Value::as_object).unwrap_or(&empty);
    let listed = match payload.get("attachments") {
        None | Some(Value::Null) => &[][..],
        Some(Value::Array(list)) => list.as_slice(),
        Some(_) => return Err(malformed("\"attachments\" is not a list".into())),
    };
    let mut entries: HashMap<&str, &Value> = HashMap::with_capacity(listed.len());
    for entry in listed {
        let id = entry.get("id").and_then(Value::as_str).unwrap_or_default();
        if entries.insert(id, entry).is_some() {
            return Err(malformed(format!("attachment {id:?} is listed twice")));
        }
    }
    let mut parts: HashMap<String, Vec<u8>> = parts.into_iter().map(|p| (p.name, p.bytes)).collect();
    let mut named: HashMap<&str, ()> = HashMap::new();
    let mut errors = Vec::new();
    let mut files = Vec::new();
    for (path, answer) in file_answers(definition, answers) {
        let id = answer.get("id").and_then(Value::as_str).unwrap_or_default();
        if named.insert(id, ()).is_some() {
            return Err(malformed(format!("file {id:?} is answered twice")));
        }
        let Some(entry) = entries.get(id) else {
            return Err(malformed(format!(
                "the file answer at {path:?} names no listed attachment ({id:?})"
            )));
        };
        let text =
            |value: &Value, key: &str| value.get(key).and_then(Value::as_str).unwrap_or_default().to_owned();
        let (mime, name) = (text(entry, "type"), text(entry, "name"));
        let size = entry.get("size").and_then(Value::as_u64);
        if text(entry, "field") != path
            || text(answer, "type") != mime
            || text(answer, "name") != name
            || answer.get("size").and_then(Value::as_u64) != size
        {
            return Err(malformed(format!(
                "attachment {id:?} is listed otherwise than its answer at {path:?}"
            )));
        }
        let bytes =
            parts.remove(id).ok_or_else(|| malformed(format!("attachment {id:?} is listed but not sent")))?;
        if size != Some(bytes.len() as u64) {
            return Err(malformed(format!(
                "attachment {id:?} has {} bytes, the payload says {size:?}",
                bytes.len()
            )));
        }
        let sha256 = formlotse_core::sha256::hex(&bytes);
        if text(entry, "sha256") != sha256 {
            return Err(malformed(format!("attachment {id:?} does not match its SHA-256")));
        }
        if bytes.is_empty() {
            errors.push(field_error(&path, "fileEmpty", words, &name));
            continue;
        }
        if !content_fits(&mime, &bytes) {
            errors.push(field_error(&path, "fileContent", words, &name));
            continue;
        }
        let size = i64::try_from(bytes.len()).unwrap_or(i64::MAX);
        files.push(NewAttachment {
            meta: AttachmentMeta { id: id.to_owned(), field: path, name, mime, size, sha256 },
            bytes,
        });
    }
    if let Some(id) = entries.keys().find(|id| !named.contains_key(*id)) {
        return Err(malformed(format!("attachment {id:?} is listed but no answer names it")));
    }
    if let Some(name) = parts.keys().next() {
        return Err(malformed(format!("the part {name:?} is no listed attachment")));
    }
    if errors.is_empty() { Ok(files) } else { Err(FileProblem::Fields(errors)) }
}

/// `{field, code, detail}` for the file `name`: `problem.fileEmpty`, `problem.fileContent`.
fn field_error(path: &str, code: &str, words: &Catalog, name: &str) -> Value {
    let detail = words.document_text(&format!("problem.{code}"), &[("name", name)]);
    json!({"field": path, "code": code, "detail": detail})
}

/// Whether `bytes` begin as files of type `mime` do. Types without a known signature pass;
/// the form's `accept` list decides about them. Markup is never taken for a document.
pub fn content_fits(mime: &str, bytes: &[u8]) -> bool {
    let mime = mime.to_ascii_lowercase();
    match mime.as_str() {
        "application/pdf" => bytes.starts_with(b"%PDF-"),
        "image/png" => bytes.starts_with(b"\x89PNG\r\n\x1a\n"),
        "image/jpeg" | "image/jpg" => bytes.starts_with(&[0xff, 0xd8, 0xff]),
        "text/html" | "application/xhtml+xml" | "image/svg+xml" => true,
        _ => !looks_like_markup(bytes),
    }
}

/// HTML or SVG, which a browser would run if it ever showed the file inline.
fn looks_like_markup(bytes: &[u8]) -> bool {
    let start: Vec<u8> =
        bytes.iter().skip_while(|b| b.is_ascii_whitespace()).take(64).map(u8::to_ascii_lowercase).collect();
    [&b"<!doctype"[..], b"<html", b"<script", b"<svg", b"<?xml", b"<body", b"<head", b"<iframe"]
        .iter()
        .any(|tag| start.starts_with(tag))
}

#[cfg(test)]
mod tests {
    use super::content_fits;

    #[test]
    fn contents_must_begin_as_their_type_says() {
        let cases: &[(&str, &[u8], bool)] = &[
            ("application/pdf", b"%PDF-1.7 ...", true),
            ("application/pdf", b"<html><script>alert(1)</script>", false),
            ("image/png", b"\x89PNG\r\n\x1a\n....", true),
            ("image/png", b"GIF89a", false),
            ("image/jpeg", &[0xff, 0xd8, 0xff, 0xe0], true),
            ("IMAGE/JPEG", b"%PDF-", false),
            ("application/vnd.oasis.opendocument.text", b"PK\x03\x04", true),
            ("application/octet-stream", b"  <!DOCTYPE html><p>", false),
            ("text/plain", b"<svg onload=alert(1)>", false),
        ];
        for (mime, bytes, fits) in cases {
            assert_eq!(content_fits(mime, bytes), *fits, "{mime} {bytes:?}");
        }
    }
}
