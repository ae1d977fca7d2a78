//! Reading one JSON object of a definition: known keys, typed values, and a diagnostic for
//! every key the format does not have, so a typo never passes silently.

use crate::definition::Text;
use crate::diagnostic::{Diagnostic, Problem, pointer_join};
use serde_json::{Map, Value};

/// Collects diagnostics; the loader reports all of them at once.
#[derive(Default)]
pub(crate) struct Sink {
    pub(crate) diagnostics: Vec<Diagnostic>,
}

impl Sink {
    pub(crate) fn push(&mut self, pointer: String, problem: Problem) {
        self.diagnostics.push(Diagnostic { problem, pointer, position: None });
    }
}

/// A JSON object whose keys were checked against the format.
pub(crate) struct Object<'a> {
    map: &'a Map<String, Value>,
    pub(crate) pointer: String,
}

impl<'a> Object<'a> {
    /// Reads `value` as an object with the `known` keys; reports anything else.
    pub(crate) fn read(
        value: &'a Value,
        pointer: String,
        known: &'static [&'static str],
        sink: &mut Sink,
    ) -> Option<Object<'a>> {
        let Some(map) = value.as_object() else {
            sink.push(pointer, Problem::WrongType { expected: "object" });
            return None;
        };
        for key in map.keys() {
            if !known.contains(&key.as_str()) {
                let suggestion = closest(key, known);
                sink.push(pointer_join(&pointer, key), Problem::UnknownKey { key: key.clone(), suggestion });
            }
        }
        Some(Object { map, pointer })
    }

    /// The pointer of `key` in this object.
    pub(crate) fn pointer_of(&self, key: &str) -> String {
        pointer_join(&self.pointer, key)
    }

    /// The value of `key`, reporting it as missing when `required`.
    pub(crate) fn value(&self, key: &'static str, required: bool, sink: &mut Sink) -> Option<&'a Value> {
        let value = self.map.get(key);
        if value.is_none() && required {
            sink.push(self.pointer.clone(), Problem::MissingKey { key });
        }
        value
    }

    /// A non-empty string.
    pub(crate) fn string(&self, key: &'static str, required: bool, sink: &mut Sink) -> Option<&'a str> {
        match self.value(key, required, sink)? {
            Value::String(s) if s.trim().is_empty() => {
                sink.push(self.pointer_of(key), Problem::Empty);
                None
            }
            Value::String(s) => Some(s),
            _ => {
                sink.push(self.pointer_of(key), Problem::WrongType { expected: "string" });
                None
            }
        }
    }

    /// A text a citizen sees: a string or an object of strings by language.
    pub(crate) fn text(&self, key: &'static str, required: bool, sink: &mut Sink) -> Option<Text> {
        let pointer = self.pointer_of(key);
        match self.value(key, required, sink)? {
            Value::String(s) if s.trim().is_empty() => {
                sink.push(pointer, Problem::Empty);
                None
            }
            Value::String(s) => Some(Text::Plain(s.clone())),
            Value::Object(map) if map.is_empty() => {
                sink.push(pointer, Problem::Empty);
                None
            }
            Value::Object(map) => {
                let mut texts = std::collections::BTreeMap::new();
                for (lang, text) in map {
                    match text {
                        Value::String(s) => {
                            texts.insert(lang.clone(), s.clone());
                        }
                        _ => {
                            sink.push(pointer_join(&pointer, lang), Problem::WrongType { expected: "string" })
                        }
                    }
                }
                (texts.len() == map.len()).then_some(Text::Localized(texts))
            }
            _ => {
                sink.push(pointer, Problem::WrongType { expected: "text" });
                None
            }
        }
    }

    /// A boolean, `false` when absent.
    pub(crate) fn flag(&self, key: &'static str, sink: &mut Sink) -> bool {
        match self.value(key, false, sink) {
            None => false,
            Some(Value::Bool(b)) => *b,
            Some(_) => {
                sink.push(self.pointer_of(key), Problem::WrongType { expected: "boolean" });
                false
            }
        }
    }

    /// A whole number in `min..=max`.
    pub(crate) fn count(&self, key: &'static str, min: u64, max: u64, sink: &mut Sink) -> Option<u64> {
        let value = self.value(key, false, sink)?;
        match value.as_u64() {
            Some(n) if (min..=max).contains(&n) => Some(n),
            Some(_) => {
                sink.push(self.pointer_of(key), Problem::OutOfRange { min, max });
                None
            }
            None if value.is_number() => {
                sink.push(self.pointer_of(key), Problem::OutOfRange { min, max });
                None
            }
            None => {
                sink.push(self.pointer_of(key), Problem::WrongType { expected: "integer" });
                None
            }
        }
    }

    /// A non-empty array.
    pub(crate) fn list(&self, key: &'static str, sink: &mut Sink) -> Option<&'a [Value]> {
        match self.value(key, true, sink)? {
            Value::Array(items) if items.is_empty() => {
                sink.push(self.pointer_of(key), Problem::Empty);
                None
            }
            Value::Array(items) => Some(items),
            _ => {
                sink.push(self.pointer_of(key), Problem::WrongType { expected: "array" });
                None
            }
        }
    }
}

/// The known key a typo most likely meant: same letters ignoring case, or at most two edits.
fn closest(key: &str, known: &'static [&'static str]) -> Option<&'static str> {
    let lower = key.to_lowercase();
    known
        .iter()
        .map(|candidate| (edit_distance(&lower, &candidate.to_lowercase()), *candidate))
        .filter(|(distance, _)| *distance <= 2)
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, candidate)| candidate)
}

/// Levenshtein distance in characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1).min(row[j] + 1).min(diagonal + usize::from(ca != *cb));
            diagonal = above;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggestions() {
        const KNOWN: &[&str] = &["label", "maxLength", "required"];
        assert_eq!(closest("lable", KNOWN), Some("label"));
        assert_eq!(closest("maxlength", KNOWN), Some("maxLength"));
        assert_eq!(closest("requird", KNOWN), Some("required"));
        assert_eq!(closest("colour", KNOWN), None);
    }

    #[test]
    fn distances() {
        for (a, b, d) in [("", "", 0), ("abc", "", 3), ("kitten", "sitting", 3), ("ä", "a", 1)] {
            assert_eq!(edit_distance(a, b), d, "{a} {b}");
        }
    }
}
