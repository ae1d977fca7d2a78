//! What XDatenfelder 2.0 and 3.0 write differently: precision (a JSON string vs attributes),
//! code lists (`genericodeIdentification` vs direct children, plus XDF3's inline `werte` and
//! column keys) and rules (`definition`/`script` vs `freitextRegel`/`skript`).

use super::Reader;
use crate::model::{Codes, Precision, Rule, Version};
use crate::report::NoteKind;
use crate::xml::{attribute, child, child_text, children};
use roxmltree::Node;

const PRECISION_KEYS: [&str; 5] = ["minLength", "maxLength", "minValue", "maxValue", "pattern"];

impl Reader<'_> {
    /// `praezisierung`.
    pub(super) fn precision(&mut self, field: Node) -> Precision {
        let Some(node) = child(field, "praezisierung") else { return Precision::default() };
        let values: Vec<Option<String>> = match self.version {
            Version::Xdf3 => PRECISION_KEYS.iter().map(|key| attribute(node, key)).collect(),
            Version::Xdf2 => self.precision_json(node),
        };
        let mut values = values.into_iter();
        let mut next = || values.next().flatten();
        Precision {
            min_length: next(),
            max_length: next(),
            min_value: next(),
            max_value: next(),
            pattern: next(),
        }
    }

    /// XDF2: `{"minLength":"1","maxLength":"80","pattern":"…"}` (string values; numbers read too).
    fn precision_json(&mut self, node: Node) -> Vec<Option<String>> {
        let Some(text) = crate::xml::text(node) else { return vec![None; PRECISION_KEYS.len()] };
        let object = match serde_json::from_str::<serde_json::Value>(&text) {
            Ok(serde_json::Value::Object(object)) => object,
            _ => {
                self.report.note(
                    self.lines.of(node),
                    NoteKind::Precision,
                    format!("praezisierung {text:?} is not a JSON object; ignored"),
                );
                return vec![None; PRECISION_KEYS.len()];
            }
        };
        for key in object.keys().filter(|key| !PRECISION_KEYS.contains(&key.as_str())) {
            self.report.note(
                self.lines.of(node),
                NoteKind::Precision,
                format!("praezisierung key {key:?} is unknown; ignored"),
            );
        }
        PRECISION_KEYS
            .iter()
            .map(|key| match object.get(*key) {
                Some(serde_json::Value::String(s)) if !s.trim().is_empty() => Some(s.trim().to_owned()),
                Some(serde_json::Value::Number(n)) => Some(n.to_string()),
                _ => None,
            })
            .collect()
    }

    /// `codelisteReferenz` (both) or `werte` (XDF3).
    pub(super) fn codes(&mut self, field: Node) -> Codes {
        if let Some(values) = child(field, "werte") {
            let values: Vec<(String, String, Option<String>)> = children(values, "wert")
                .filter_map(|value| {
                    let code = child_text(value, "code")?;
                    let name = child_text(value, "name").unwrap_or_else(|| code.clone());
                    Some((code, name, child_text(value, "hilfe")))
                })
                .collect();
            if !values.is_empty() {
                return Codes::Inline(values);
            }
        }
        let Some(reference) = child(field, "codelisteReferenz") else { return Codes::None };
        let identification = match self.version {
            Version::Xdf2 => child(reference, "genericodeIdentification"),
            Version::Xdf3 => Some(reference),
        };
        // Without a canonicalIdentification the mapping says the field names no code list.
        let Some(uri) = identification.and_then(|i| child_text(i, "canonicalIdentification")) else {
            return Codes::None;
        };
        Codes::Reference {
            uri,
            version: identification.and_then(|i| child_text(i, "version")),
            version_uri: identification.and_then(|i| child_text(i, "canonicalVersionUri")),
            code_key: child_text(field, "codeKey"),
            name_key: child_text(field, "nameKey"),
            help_key: child_text(field, "helpKey"),
        }
    }

    /// The `regel` children of a schema, group or field.
    pub(super) fn rules(&mut self, node: Node) -> Vec<Rule> {
        let (text, script) = match self.version {
            Version::Xdf2 => ("definition", "script"),
            Version::Xdf3 => ("freitextRegel", "skript"),
        };
        children(node, "regel")
            .map(|rule| {
                let identification = child(rule, "identifikation");
                let id = identification.and_then(|i| child_text(i, "id")).unwrap_or_else(|| "R?".to_owned());
                Rule {
                    version: identification.and_then(|i| child_text(i, "version")),
                    name: child_text(rule, "name").unwrap_or_else(|| id.clone()),
                    text: child_text(rule, text),
                    script: child_text(rule, script),
                    line: self.lines.of(rule),
                    id,
                }
            })
            .collect()
    }
}
