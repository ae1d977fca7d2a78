//! One FIM field: `feldart` and `datentyp` choose the field type, `praezisierung` its rules,
//! `anzahl` whether it is required (minimum 1) and whether it is asked several times.

use super::structure::{Place, multiplicity, place_name, repeat_json};
use super::{Mapper, fim_of, markup_text};
use crate::json::Json;
use crate::model::{Child, Field};
use crate::report::NoteKind;

/// Text fields longer than this are a textarea.
const TEXTAREA_ABOVE: u64 = 200;

impl Mapper<'_> {
    /// The items for one field: its rules as info blocks, then the field (or text block).
    pub(super) fn field_items(&mut self, child: &Child, field: &Field, place: Place) -> Vec<Json> {
        let mut items = self.rule_blocks(&field.rules, &place_name("field", &field.ident.id, &field.label));
        match field.feldart.as_str() {
            "label" => {
                let mut text = field.content.clone().unwrap_or_else(|| field.label.clone());
                if let Some(hint) = &field.hint {
                    text = format!("{text}\n\n{hint}");
                }
                self.report.stats.texts += 1;
                items.push(
                    Json::obj()
                        .with("type", Json::str("paragraph"))
                        .with("text", Json::str(markup_text(&text)))
                        .with("fim", fim_of(&field.ident)),
                );
            }
            "hidden" => self.report.note(
                field.ident.line,
                NoteKind::Dropped,
                format!(
                    "hidden field {} ({}) has no counterpart in the format: left out",
                    field.ident.id, field.label
                ),
            ),
            _ => items.extend(self.asked(child, field, place)),
        }
        items
    }

    /// An input field; one asked several times is checkboxes, a file field with several files,
    /// or a repeatable group of one field.
    fn asked(&mut self, child: &Child, field: &Field, place: Place) -> Option<Json> {
        let required = child.min >= 1 && !place.optional;
        let many = child.repeats().then_some((child.min, child.max));
        let json = self.input(field, required, many);
        let kind = json.get("type").cloned();
        let several = matches!(kind, Some(Json::Str(ref k)) if k == "checkboxes" || k == "file");
        if kind == Some(Json::str("file")) && place.in_repeat {
            let per_item = many.map_or(1, |(_, max)| max.unwrap_or(100));
            self.hoist(field, json, per_item);
            return None;
        }
        if many.is_none() || several {
            return Some(json);
        }
        if place.in_repeat {
            self.report.note(
                field.ident.line,
                NoteKind::Flattened,
                format!(
                    "field {} ({}) repeats ({}) inside a repeatable group: asked once per item",
                    field.ident.id,
                    field.label,
                    multiplicity(child)
                ),
            );
            return Some(json);
        }
        let range = self.items_range(child, &field.ident.id, field.ident.line);
        self.report.stats.repeats += 1;
        Some(repeat_json(&format!("{}_liste", field.ident.key), &field.label, None, range, None, vec![json]))
    }

    /// The field itself.
    fn input(&mut self, field: &Field, required: bool, many: Option<(u32, Option<u32>)>) -> Json {
        let line = field.ident.line;
        match field.feldart.as_str() {
            "input" | "select" => {}
            "locked" => self.report.note(line, NoteKind::DataType, format!("field {} is locked (read-only); the format has no read-only fields: imported as an input", field.ident.id)),
            other => self.report.note(line, NoteKind::DataType, format!("feldart {other:?} of {} is unknown: imported as an input", field.ident.id)),
        }
        let mut extra: Vec<(&str, Json)> = Vec::new();
        let mut messages = None;
        let choices = if field.feldart == "select" || field.codes != crate::model::Codes::None {
            self.options(field)
        } else {
            None
        };
        let kind = if let Some((options, count)) = choices {
            extra.push(("options", options));
            match many {
                Some((min, max)) => {
                    if min >= 1 {
                        extra.push(("minSelected", Json::int(u64::from(min))));
                    }
                    if let Some(max) = max.filter(|max| (*max as usize) < count) {
                        extra.push(("maxSelected", Json::int(u64::from(max))));
                    }
                    "checkboxes"
                }
                None if count <= 7 => "radio",
                None => "select",
            }
        } else {
            let kind = self.kind(field, required);
            self.precision(field, kind, &mut extra, &mut messages);
            if kind == "file" {
                self.file(field, many, &mut extra);
            }
            // A pattern needs one line.
            match kind {
                "text" if extra.iter().any(|(key, value)| *key == "maxLength" && matches!(value, Json::Num(n) if n.parse::<u64>().is_ok_and(|n| n > TEXTAREA_ABOVE)))
                    && !extra.iter().any(|(key, _)| *key == "pattern") => "textarea",
                kind => kind,
            }
        };
        self.report.stats.fields += 1;
        let mut json = Json::obj()
            .with("id", Json::str(&field.ident.key))
            .with("type", Json::str(kind))
            .with("label", Json::str(&field.label))
            .with_opt("hint", field.hint.as_deref().map(|hint| Json::str(markup_text(hint))));
        if required {
            json.set("required", Json::Bool(true));
        }
        for (key, value) in extra {
            json.set(key, value);
        }
        json.with_opt("messages", messages).with("fim", fim_of(&field.ident))
    }

    /// The field type for `datentyp` (choices aside).
    fn kind(&mut self, field: &Field, required: bool) -> &'static str {
        let line = field.ident.line;
        match field.datentyp.as_str() {
            "text" | "string" => "text",
            "text_latin" => {
                self.report.note(
                    line,
                    NoteKind::DataType,
                    format!(
                        "field {} is text_latin: the characters of DIN SPEC 91379 are not checked",
                        field.ident.id
                    ),
                );
                "text"
            }
            "date" => "date",
            "time" | "datetime" => {
                self.report.note(
                    line,
                    NoteKind::DataType,
                    format!(
                        "field {} is a {}, which the format has no type for: imported as text",
                        field.ident.id, field.datentyp
                    ),
                );
                "text"
            }
            // A required yes/no question must be answered either way; an optional one is a box.
            "bool" if required => "yesno",
            "bool" => "checkbox",
            "num" | "num_int" => "number",
            "num_currency" => "money",
            "file" => "file",
            "obj" => {
                self.report.note(
                    line,
                    NoteKind::DataType,
                    format!("field {} is an obj (a blob): imported as a file upload", field.ident.id),
                );
                "file"
            }
            other => {
                self.report.note(
                    line,
                    NoteKind::DataType,
                    format!("datentyp {other:?} of {} is unknown: imported as text", field.ident.id),
                );
                "text"
            }
        }
    }

    /// XDF3 files: `mediaType` → `accept`, `maxSize` → `maxSize`; several files → `maxFiles`.
    fn file(
        &mut self,
        field: &Field,
        many: Option<(u32, Option<u32>)>,
        extra: &mut Vec<(&'static str, Json)>,
    ) {
        let accept: Vec<Json> = field
            .media_types
            .iter()
            .filter(|t| (t.contains('/') || t.starts_with('.')) && !t.contains(char::is_whitespace))
            .map(Json::str)
            .collect();
        if !accept.is_empty() {
            extra.push(("accept", Json::Arr(accept)));
        }
        if let Some(size) = field.max_size.filter(|size| *size >= 1) {
            extra.push(("maxSize", Json::int(size)));
        }
        if let Some((_, max)) = many {
            extra.push(("maxFiles", Json::int(u64::from(max.unwrap_or(100).min(100)))));
        }
    }
}
