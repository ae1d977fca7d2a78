//! The JSON that is sent to the endpoint, written with core's own JSON writer: numbers are
//! the exact decimal text (never through a binary float), and no generic serialiser reaches
//! the citizen's wasm.

use crate::definition::{Definition, FimRef};
use crate::json::{Json, Object};
use crate::lang::Lang;
use crate::logic::Resolved;
use crate::value::Value;

/// The version of the payload layout (`"formlotse": 1` in every submission).
pub const PAYLOAD_VERSION: u64 = 1;

/// Builds the submission: form id and version, language, and each field's typed value keyed
/// by field id (numbers as numbers, dates as `YYYY-MM-DD`, yes/no and checkboxes as booleans,
/// several options as arrays). Empty answers, answers that are not valid, and anything that is
/// not a field of this definition are left out; text is trimmed. Hidden fields are left out,
/// calculated ones are in.
///
/// A repeatable group is an array with one object per item: `"hunde": [{"name": "Bello"}, …]`.
pub fn build(definition: &Definition, resolved: &Resolved, lang: Lang) -> Json {
    let values = resolved.values();
    let json_at = |key: &str| match values.get(key) {
        Some(Ok(Some(value))) => Some(to_json(value)),
        _ => None,
    };
    let mut answers: Object =
        definition.fields().filter_map(|field| Some((field.id.clone(), json_at(&field.id)?))).collect();
    for repeat in definition.repeats() {
        if json_at(&repeat.id).is_none() {
            continue; // hidden
        }
        let items = (0..resolved.items(&repeat.id)).map(|index| {
            let item: Object = repeat
                .fields()
                .filter_map(|field| {
                    Some((field.id.clone(), json_at(&crate::path::item(&repeat.id, index, &field.id))?))
                })
                .collect();
            Json::Object(item)
        });
        answers.insert(repeat.id.clone(), items.collect());
    }
    let fim = fim_ids(definition, &answers);
    let mut payload = Object::new();
    payload.insert("formlotse".into(), Json::int(PAYLOAD_VERSION));
    payload.insert("form".into(), definition.id.as_str().into());
    payload.insert("version".into(), definition.version.clone().into());
    payload.insert("lang".into(), lang.tag().into());
    payload.insert("answers".into(), Json::Object(answers));
    if let Some(fim) = fim {
        payload.insert("fim".into(), fim);
    }
    Json::Object(payload)
}

/// For a form imported from FIM: the schema's id and version and, by answer key, the FIM id
/// and version of each answered field (and repeatable group), so a receiver maps the answers
/// back to the schema without the definition. `None` for a form without FIM ids.
fn fim_ids(definition: &Definition, answers: &Object) -> Option<Json> {
    fn note(fields: &mut Object, key: &str, fim: Option<&FimRef>) {
        if let Some(fim) = fim {
            fields.insert(key.to_owned(), fim_json(fim));
        }
    }
    let mut fields = Object::new();
    for field in definition.fields().filter(|field| answers.contains_key(&field.id)) {
        note(&mut fields, &field.id, field.fim.as_ref());
    }
    for repeat in definition.repeats() {
        let Some(Json::Array(items)) = answers.get(&repeat.id) else { continue };
        note(&mut fields, &repeat.id, repeat.fim.as_ref());
        for field in repeat.fields().filter(|field| items.iter().any(|item| item.get(&field.id).is_some())) {
            note(&mut fields, &field.id, field.fim.as_ref());
        }
    }
    if definition.fim.is_none() && fields.is_empty() {
        return None;
    }
    let mut fim = match definition.fim.as_ref().map(fim_json) {
        Some(Json::Object(fim)) => fim,
        _ => Object::new(),
    };
    fim.insert("fields".into(), Json::Object(fields));
    Some(Json::Object(fim))
}

fn fim_json(fim: &FimRef) -> Json {
    match &fim.version {
        Some(version) => Json::object([("id", fim.id.as_str().into()), ("version", version.as_str().into())]),
        None => Json::object([("id", fim.id.as_str().into())]),
    }
}

/// Reads a stored payload back into the form's resolved answers, for what is made of a received
/// application after the server accepted it (the PDF, the receipt's summary). `today` is the
/// day it was received. Keys the definition does not have are passed over; a value of the wrong
/// type reads as not given. A payload read by serde_json is read again by core's exact reader
/// (numbers as text), so it means what `check_received` checked; one that is not JSON at all
/// resolves to no answers.
pub fn resolve(definition: &Definition, payload: &serde_json::Value, today: crate::Date) -> Resolved {
    match crate::json::parse(&payload.to_string()) {
        Ok(exact) => resolve_exact(definition, &exact, today),
        Err(_) => resolve_exact(definition, &Json::Null, today),
    }
}

/// [`resolve`] for a payload read with core's own JSON reader (the stored text, read exactly).
pub fn resolve_exact(definition: &Definition, payload: &Json, today: crate::Date) -> Resolved {
    let empty = Object::new();
    let answers = payload.get("answers").and_then(Json::as_object).unwrap_or(&empty);
    let read = |field, json: Option<&Json>| crate::value::from_json(field, json);
    // Gathered, then sorted once (see `validation::read_answers`).
    let mut values = Vec::new();
    for field in definition.fields() {
        values.push((field.id.clone(), read(field, answers.get(&field.id))));
    }
    for repeat in definition.repeats() {
        let items = answers.get(&repeat.id).and_then(Json::as_array).map_or(&[][..], Vec::as_slice);
        let count = crate::value::Decimal::from_int(i64::try_from(items.len()).unwrap_or(i64::MAX));
        values.push((repeat.id.clone(), Ok(Some(Value::Number(count)))));
        for (index, item) in items.iter().enumerate() {
            for field in repeat.fields() {
                values.push((
                    crate::path::item(&repeat.id, index, &field.id),
                    read(field, item.get(&field.id)),
                ));
            }
        }
    }
    Resolved::new(definition, crate::validation::Values::from_unsorted(values), today)
}

/// A chosen file as the payload describes it (its bytes travel beside the JSON).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attachment {
    /// Unique in the payload; names the file's part of a multipart submission.
    pub id: String,
    /// The file field it belongs to.
    pub field: String,
    /// File name.
    pub name: String,
    /// MIME type.
    pub mime: String,
    /// Size in bytes.
    pub size: u64,
    /// SHA-256 of the bytes, 64 hex digits.
    pub sha256: String,
}

/// Completes a payload for delivery: the time of submission (RFC 3339, from the host's clock)
/// and the attachments, each also named by `id` in its field's answer. Files the answers no
/// longer hold are left out.
pub fn seal(mut payload: Json, submitted_at: &str, attachments: &[Attachment]) -> Json {
    let mut listed = Vec::new();
    if let Some(answers) =
        payload.as_object_mut().and_then(|p| p.get_mut("answers")).and_then(Json::as_object_mut)
    {
        for (field, files) in answers.iter_mut() {
            let Some(files) = files.as_array_mut() else { continue };
            let mut mine = attachments.iter().filter(|a| &a.field == field);
            for file in
                files.iter_mut().filter_map(Json::as_object_mut).filter(|file| !file.contains_key("sha256"))
            {
                let name = file.get("name").and_then(Json::as_str).unwrap_or_default().to_owned();
                if let Some(attachment) = mine.find(|a| a.name == name) {
                    file.insert("id".into(), attachment.id.as_str().into());
                    listed.push(Json::object([
                        ("id", attachment.id.as_str().into()),
                        ("field", attachment.field.as_str().into()),
                        ("name", attachment.name.as_str().into()),
                        ("type", attachment.mime.as_str().into()),
                        ("size", Json::int(attachment.size)),
                        ("sha256", attachment.sha256.as_str().into()),
                    ]));
                }
            }
        }
    }
    if let Some(object) = payload.as_object_mut() {
        object.insert("submittedAt".into(), submitted_at.into());
        object.insert("attachments".into(), Json::Array(listed));
    }
    payload
}

/// The JSON Schema (draft 2020-12) of payload v1, written to `dist/formlotse.payload.schema.json`
/// for receivers. The values in `answers` depend on the form; their types are listed here.
pub fn json_schema() -> serde_json::Value {
    serde_json::json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://formlotse.de/schema/payload-v1.json",
        "title": "Formlotse submission (payload v1)",
        "type": "object",
        "required": ["formlotse", "form", "lang", "answers"],
        "properties": {
            "formlotse": { "const": PAYLOAD_VERSION, "description": "Payload layout version." },
            "form": { "type": "string", "description": "The form definition's id." },
            "version": { "type": ["string", "null"], "description": "The form definition's version." },
            "lang": { "type": "string", "maxLength": 7, "pattern": "^[a-z]{1,8}(-[a-z0-9]{1,8})*$", "description": "The language the citizen used: a BCP 47 tag of the definition's `languages`, in lower case (`de`, `uk`, `de-x-ls`)." },
            "submittedAt": { "type": "string", "format": "date-time", "description": "When the citizen sent it (the browser's clock, UTC)." },
            "answers": {
                "type": "object",
                "description": "By field id; empty and hidden fields are left out.",
                "additionalProperties": {
                    "anyOf": [
                        { "type": "string", "description": "text, textarea, email, phone, iban, postalCode, select, radio; date as YYYY-MM-DD" },
                        { "type": "number", "description": "number, money" },
                        { "type": "boolean", "description": "checkbox, yesno" },
                        { "type": "array", "items": { "type": "string" }, "description": "checkboxes: the chosen option values" },
                        { "type": "array", "items": { "$ref": "#/$defs/fileRef" }, "description": "file" }
                    ]
                }
            },
            "attachments": { "type": "array", "items": { "$ref": "#/$defs/attachment" } },
            "fim": {
                "type": "object",
                "description": "Only for a form imported from FIM: the schema's id and version, and by answer key the FIM field (or group) each answer belongs to.",
                "properties": {
                    "id": { "type": "string" }, "version": { "type": "string" },
                    "fields": { "type": "object", "additionalProperties": { "$ref": "#/$defs/fimRef" } }
                }
            }
        },
        "$defs": {
            "fimRef": {
                "type": "object",
                "required": ["id"],
                "properties": { "id": { "type": "string" }, "version": { "type": "string" } }
            },
            "fileRef": {
                "type": "object",
                "required": ["name", "type", "size"],
                "properties": {
                    "id": { "type": "string" }, "name": { "type": "string" },
                    "type": { "type": "string" }, "size": { "type": "integer", "minimum": 0 }
                }
            },
            "attachment": {
                "type": "object",
                "required": ["id", "field", "name", "type", "size", "sha256"],
                "properties": {
                    "id": { "type": "string", "description": "Names the file's part in a multipart/form-data submission." },
                    "field": { "type": "string" },
                    "name": { "type": "string" },
                    "type": { "type": "string" },
                    "size": { "type": "integer", "minimum": 0 },
                    "sha256": { "type": "string", "pattern": "^[0-9a-f]{64}$" }
                }
            }
        }
    })
}

/// A value as the payload carries it.
pub fn to_json(value: &Value) -> Json {
    match value {
        Value::Text(text) => text.as_str().into(),
        Value::Number(number) => number.to_json(),
        Value::Date(date) => date.to_string().into(),
        Value::Bool(b) => Json::Bool(*b),
        Value::Choices(values) => values.iter().map(String::as_str).collect(),
        Value::Files(files) => files
            .iter()
            .map(|f| {
                Json::object([
                    ("name", f.name.as_str().into()),
                    ("type", f.mime.as_str().into()),
                    ("size", Json::int(f.size)),
                ])
            })
            .collect(),
    }
}

/// The written payload as a receiver reads it, for tests that change it the way an attacker would.
#[cfg(test)]
pub(crate) fn read_back(payload: &Json) -> serde_json::Value {
    serde_json::from_str(&payload.to_string()).unwrap_or_default()
}

#[cfg(test)]
mod tests;
