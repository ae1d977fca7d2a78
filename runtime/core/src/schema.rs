//! The JSON Schema of the definition format, generated from the same tables the loader reads
//! (`format.rs`), so it cannot drift. `cargo xtask dist` writes it as
//! `dist/formlotse.schema.json`; definitions point at it with `$schema` so editors
//! autocomplete and check as the author types.

// The schema is built from literal `json!` objects in this module: indexing them by key
// cannot fail (serde_json panics only when indexing a non-object mutably).
#![allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)]

use crate::format::{self, Key, Ty};
use crate::validation::VIOLATION_CODES;
use serde_json::{Map, Value, json};

/// The schema's `$id`.
pub const SCHEMA_ID: &str = "https://formlotse.de/schema/v1/formlotse.schema.json";

/// The JSON Schema (draft 2020-12) of format version 1.
pub fn json_schema() -> Value {
    let kinds: Vec<Value> = format::KINDS
        .iter()
        .map(|kind| {
            let keys: Vec<Key> = format::FIELD.iter().chain(kind.keys).copied().collect();
            let mut schema = object(&keys);
            schema["description"] = kind.doc.into();
            schema["properties"]["type"] = json!({"const": kind.name, "description": kind.doc});
            schema["title"] = format!("{} field", kind.name).into();
            schema
        })
        .collect();
    let mut group = object(format::GROUP);
    group["properties"]["type"] = json!({"const": "group"});
    let mut repeat = object(format::REPEAT);
    repeat["properties"]["type"] = json!({"const": "repeat"});
    let mut content = object(format::CONTENT);
    content["properties"]["type"] = json!({"enum": format::CONTENT_TYPES});

    let mut schema = object(format::FORM);
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema".into();
    schema["$id"] = SCHEMA_ID.into();
    schema["title"] = "Formlotse form definition".into();
    schema["$defs"] = json!({
        "text": {
            "description": "A text a citizen sees: one string, or one per language.",
            "anyOf": [
                {"type": "string", "minLength": 1},
                {"type": "object", "minProperties": 1, "additionalProperties": {"type": "string"}}
            ]
        },
        "id": {"type": "string", "pattern": "^[A-Za-z][A-Za-z0-9_-]*$"},
        "choice": object(format::CHOICE),
        "step": object(format::STEP),
        "item": {
            "type": "object",
            "required": ["type"],
            "properties": {"type": {"enum": all_types()}},
            "oneOf": kinds.into_iter().chain([group, repeat, content]).collect::<Vec<_>>()
        }
    });
    schema
}

fn all_types() -> Vec<&'static str> {
    format::KINDS
        .iter()
        .map(|k| k.name)
        .chain(["group", "repeat"])
        .chain(format::CONTENT_TYPES.iter().copied())
        .collect()
}

/// A closed object schema of `keys`.
fn object(keys: &[Key]) -> Value {
    let properties: Map<String, Value> = keys
        .iter()
        .map(|key| {
            let mut schema = type_schema(key.ty);
            schema["description"] = key.doc.into();
            (key.name.to_owned(), schema)
        })
        .collect();
    let required: Vec<&str> = keys.iter().filter(|k| k.required).map(|k| k.name).collect();
    json!({"type": "object", "properties": properties, "required": required, "additionalProperties": false})
}

fn type_schema(ty: Ty) -> Value {
    match ty {
        Ty::FormatVersion => json!({"const": 1}),
        Ty::String => json!({"type": "string"}),
        Ty::Id | Ty::FieldRef => json!({"$ref": "#/$defs/id"}),
        Ty::Text => json!({"$ref": "#/$defs/text"}),
        Ty::Bool => json!({"type": "boolean"}),
        Ty::Count { min, max } => json!({"type": "integer", "minimum": min, "maximum": max}),
        Ty::Number => json!({"type": "number"}),
        Ty::DateBound => {
            json!({"type": "string", "pattern": "^(\\d{4}-\\d{2}-\\d{2}|today([+-]\\d{1,5}[dmy])?)$"})
        }
        Ty::Pattern => json!({"type": "string", "minLength": 1}),
        Ty::Strings => json!({"type": "array", "items": {"type": "string", "minLength": 1}, "minItems": 1}),
        Ty::Languages => {
            json!({"type": "array", "items": {"type": "string"}, "minItems": 1, "prefixItems": [{"const": "de"}]})
        }
        Ty::Options => json!({"anyOf": [
            {"type": "string", "description": "Name of a code list."},
            {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/choice"}}
        ]}),
        Ty::Messages => {
            let properties: Map<String, Value> =
                VIOLATION_CODES.iter().map(|c| ((*c).to_owned(), json!({"$ref": "#/$defs/text"}))).collect();
            json!({"type": "object", "properties": properties, "additionalProperties": false})
        }
        Ty::CodeLists => {
            json!({"type": "object", "additionalProperties": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/choice"}}})
        }
        Ty::Steps => json!({"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/step"}}),
        Ty::Items => json!({"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/item"}}),
        Ty::Condition | Ty::Expression => json!({"type": "string", "minLength": 1}),
        Ty::OneOf(words) => json!({"enum": words}),
        Ty::Fim => object(format::FIM_REF),
    }
}

#[cfg(test)]
mod tests {
    use super::json_schema;

    #[test]
    fn every_field_type_and_key_is_in_the_schema() {
        let schema = json_schema();
        let kinds = schema["$defs"]["item"]["oneOf"].as_array().expect("oneOf"); // ok: test
        assert_eq!(kinds.len(), crate::definition::FIELD_TYPES.len() + 3, "fields, group, repeat, content");
        let date = kinds.iter().find(|k| k["properties"]["type"]["const"] == "date").expect("date kind"); // ok: test
        for key in ["id", "label", "minDate", "maxDate", "after", "messages"] {
            assert!(date["properties"].get(key).is_some(), "date has {key}");
        }
        assert_eq!(schema["properties"]["formlotse"]["const"], 1);
    }
}
