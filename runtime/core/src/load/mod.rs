//! Loading a definition: JSON text in, a checked [`Definition`] or every diagnostic out.

mod locate;
mod object;

use crate::definition::{Definition, FORMAT_VERSION, Field, FieldKind, Step};
use crate::diagnostic::{Diagnostic, Position, Problem};
use object::{Object, Sink};
use serde_json::Value;
use std::collections::HashMap;

const FORM_KEYS: &[&str] = &["$schema", "formlotse", "id", "version", "title", "description", "steps"];
const STEP_KEYS: &[&str] = &["id", "title", "fields"];
const FIELD_KEYS: &[&str] = &["id", "type", "label", "hint", "required", "maxLength", "autocomplete"];

/// The largest `maxLength` a field may declare; beyond it a limit protects nothing.
const MAX_LENGTH_LIMIT: u64 = 1_000_000;

/// Parses and checks a definition. Returns the definition, or all diagnostics at once, each with
/// its JSON Pointer and source position. Never panics, whatever the input.
pub fn load(source: &str) -> Result<Definition, Vec<Diagnostic>> {
    let value: Value = serde_json::from_str(source).map_err(|error| vec![syntax_diagnostic(&error)])?;
    let mut sink = Sink::default();
    let definition = read_form(&value, &mut sink);
    match definition {
        Some(definition) if sink.diagnostics.is_empty() => Ok(definition),
        _ => {
            let mut diagnostics = sink.diagnostics;
            for diagnostic in &mut diagnostics {
                let key = matches!(diagnostic.problem, Problem::UnknownKey { .. });
                diagnostic.position = locate::locate(source, &diagnostic.pointer, key);
            }
            Err(diagnostics)
        }
    }
}

fn syntax_diagnostic(error: &serde_json::Error) -> Diagnostic {
    // serde_json appends " at line L column C"; the position is reported separately.
    let text = error.to_string();
    let detail = match text.rfind(" at line ") {
        Some(i) => text[..i].to_owned(),
        None => text,
    };
    Diagnostic {
        problem: Problem::JsonSyntax { detail },
        pointer: String::new(),
        position: Some(Position { line: error.line(), column: error.column().max(1) }),
    }
}

/// Ids used so far, by kind, to report duplicates with the place of the first use.
#[derive(Default)]
struct Ids {
    steps: HashMap<String, String>,
    fields: HashMap<String, String>,
}

fn read_form(value: &Value, sink: &mut Sink) -> Option<Definition> {
    let form = Object::read(value, String::new(), FORM_KEYS, sink)?;
    check_format_version(&form, sink);
    let id = read_id(&form, None, sink);
    let version = form.string("version", false, sink).map(str::to_owned);
    let title = form.text("title", true, sink);
    let description = form.text("description", false, sink);
    let mut ids = Ids::default();
    let steps: Vec<Option<Step>> = form
        .list("steps", sink)
        .unwrap_or_default()
        .iter()
        .enumerate()
        .map(|(i, step)| read_step(step, format!("/steps/{i}"), &mut ids, sink))
        .collect();
    let steps: Option<Vec<Step>> = steps.into_iter().collect();
    Some(Definition { id: id?, version, title: title?, description, steps: steps? })
}

fn check_format_version(form: &Object, sink: &mut Sink) {
    match form.value("formlotse", true, sink) {
        Some(Value::Number(n)) if n.as_u64() == Some(FORMAT_VERSION) => {}
        Some(found) => {
            sink.push(form.pointer_of("formlotse"), Problem::UnsupportedFormat { found: found.to_string() })
        }
        None => {}
    }
}

fn read_step(value: &Value, pointer: String, ids: &mut Ids, sink: &mut Sink) -> Option<Step> {
    let step = Object::read(value, pointer, STEP_KEYS, sink)?;
    let id = read_id(&step, Some(&mut ids.steps), sink);
    let title = step.text("title", true, sink);
    let fields: Vec<Option<Field>> = step
        .list("fields", sink)
        .unwrap_or_default()
        .iter()
        .enumerate()
        .map(|(i, field)| read_field(field, format!("{}/fields/{i}", step.pointer), ids, sink))
        .collect();
    let fields: Option<Vec<Field>> = fields.into_iter().collect();
    Some(Step { id: id?, title: title?, fields: fields? })
}

fn read_field(value: &Value, pointer: String, ids: &mut Ids, sink: &mut Sink) -> Option<Field> {
    let field = Object::read(value, pointer, FIELD_KEYS, sink)?;
    let id = read_id(&field, Some(&mut ids.fields), sink);
    let kind = field.string("type", true, sink).and_then(|name| {
        let kind = FieldKind::from_name(name);
        if kind.is_none() {
            sink.push(field.pointer_of("type"), Problem::UnknownFieldType { found: name.to_owned() });
        }
        kind
    });
    let label = field.text("label", true, sink);
    let hint = field.text("hint", false, sink);
    let required = field.flag("required", sink);
    let max_length = field.count("maxLength", 1, MAX_LENGTH_LIMIT, sink).map(|n| n as u32);
    let autocomplete = field.string("autocomplete", false, sink).map(str::to_owned);
    Some(Field { id: id?, kind: kind?, label: label?, hint, required, max_length, autocomplete })
}

/// Reads the `id` of an object: letters, digits, `_` and `-`, starting with a letter, so that
/// it is safe as a payload key, in a JSON Pointer and as part of an HTML id. With `seen`,
/// reports a second use of the same id.
fn read_id(object: &Object, seen: Option<&mut HashMap<String, String>>, sink: &mut Sink) -> Option<String> {
    let id = object.string("id", true, sink)?;
    let pointer = object.pointer_of("id");
    let valid = id.starts_with(|c: char| c.is_ascii_alphabetic())
        && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    if !valid {
        sink.push(pointer, Problem::InvalidId { id: id.to_owned() });
        return None;
    }
    if let Some(seen) = seen {
        if let Some(first) = seen.get(id) {
            sink.push(pointer, Problem::DuplicateId { id: id.to_owned(), first: first.clone() });
            return None;
        }
        seen.insert(id.to_owned(), pointer);
    }
    Some(id.to_owned())
}

#[cfg(test)]
mod tests;
