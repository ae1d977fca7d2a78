//! Reading one JSON object of a definition: known keys, typed values, and a diagnostic for
//! every key the format does not have, so a typo never passes silently.

// The edit distance's row has b.len() + 1 entries and its loops stay within them; its
// numbers are at most the lengths of two keys.
#![allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)]

use crate::definition::{ByKey, FimRef, Text};
use crate::diagnostic::{Diagnostic, Problem, pointer_join};
use crate::format::Key;
use crate::json::{Json as Value, Object as Map};

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
    map: &'a Map,
    pub(crate) pointer: String,
}

impl<'a> Object<'a> {
    /// Reads `value` as an object with the keys of `specs`; reports every unknown key (with the
    /// closest known one) and every missing required key.
    pub(crate) fn read(
        value: &'a Value,
        pointer: String,
        specs: &[&'static [Key]],
        sink: &mut Sink,
    ) -> Option<Object<'a>> {
        let Some(map) = value.as_object() else {
            sink.push(pointer, Problem::WrongType { expected: "object" });
            return None;
        };
        let keys = || specs.iter().flat_map(|spec| spec.iter());
        for name in map.keys() {
            if !keys().any(|key| key.name == name) {
                let suggestion = closest(name, keys().map(|key| key.name));
                sink.push(
                    pointer_join(&pointer, name),
                    Problem::UnknownKey { key: name.clone(), suggestion },
                );
            }
        }
        for key in keys().filter(|key| key.required && !map.contains_key(key.name)) {
            sink.push(pointer.clone(), Problem::MissingKey { key: key.name });
        }
        Some(Object { map, pointer })
    }

    /// The pointer of `key` in this object.
    pub(crate) fn pointer_of(&self, key: &str) -> String {
        pointer_join(&self.pointer, key)
    }

    /// The raw value of `key`.
    pub(crate) fn value(&self, key: &str) -> Option<&'a Value> {
        self.map.get(key)
    }

    /// A non-empty string.
    pub(crate) fn string(&self, key: &str, sink: &mut Sink) -> Option<&'a str> {
        match self.value(key)? {
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
    pub(crate) fn text(&self, key: &str, sink: &mut Sink) -> Option<Text> {
        read_text(self.value(key)?, self.pointer_of(key), sink)
    }

    /// A boolean, `false` when absent.
    pub(crate) fn flag(&self, key: &str, sink: &mut Sink) -> bool {
        match self.value(key) {
            None => false,
            Some(Value::Bool(b)) => *b,
            Some(_) => {
                sink.push(self.pointer_of(key), Problem::WrongType { expected: "boolean" });
                false
            }
        }
    }

    /// A whole number in `min..=max`.
    pub(crate) fn count(&self, key: &str, min: u64, max: u64, sink: &mut Sink) -> Option<u64> {
        let value = self.value(key)?;
        match value.as_u64() {
            Some(n) if (min..=max).contains(&n) => Some(n),
            _ if value.is_number() => {
                sink.push(self.pointer_of(key), Problem::OutOfRange { min, max });
                None
            }
            _ => {
                sink.push(self.pointer_of(key), Problem::WrongType { expected: "integer" });
                None
            }
        }
    }

    /// `fim`: where this part came from in a FIM schema.
    pub(crate) fn fim(&self, sink: &mut Sink) -> Option<FimRef> {
        let value = self.value("fim")?;
        let fim = Object::read(value, self.pointer_of("fim"), &[crate::format::FIM_REF], sink)?;
        let id = fim.string("id", sink).map(str::to_owned);
        let version = fim.string("version", sink).map(str::to_owned);
        Some(FimRef { id: id?, version })
    }

    /// A non-empty array.
    pub(crate) fn list(&self, key: &str, sink: &mut Sink) -> Option<&'a [Value]> {
        match self.value(key)? {
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

/// A text a citizen sees, from any value.
pub(crate) fn read_text(value: &Value, pointer: String, sink: &mut Sink) -> Option<Text> {
    match value {
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
            let mut texts = ByKey::new();
            for (lang, text) in map {
                match text {
                    Value::String(s) => {
                        texts.insert(lang.clone(), s.clone());
                    }
                    _ => sink.push(pointer_join(&pointer, lang), Problem::WrongType { expected: "string" }),
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

/// The known key a typo most likely meant: same letters ignoring case, or at most two edits.
/// Only authors see it, so a citizen's wasm (without "authoring") suggests nothing.
#[cfg(not(feature = "authoring"))]
pub(crate) fn closest(_key: &str, _known: impl Iterator<Item = &'static str>) -> Option<&'static str> {
    None
}

/// The known key a typo most likely meant: same letters ignoring case, or at most two edits.
#[cfg(feature = "authoring")]
pub(crate) fn closest(key: &str, known: impl Iterator<Item = &'static str>) -> Option<&'static str> {
    let lower = key.to_ascii_lowercase();
    known
        .map(|candidate| (edit_distance(&lower, &candidate.to_ascii_lowercase()), candidate))
        .filter(|(distance, _)| *distance <= 2)
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, candidate)| candidate)
}

/// Levenshtein distance in characters.
#[cfg(feature = "authoring")]
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

#[cfg(all(test, feature = "authoring"))]
mod tests {
    use super::*;

    #[test]
    fn suggestions() {
        const KNOWN: &[&str] = &["label", "maxLength", "required"];
        let closest = |key| closest(key, KNOWN.iter().copied());
        assert_eq!(closest("lable"), Some("label"));
        assert_eq!(closest("maxlength"), Some("maxLength"));
        assert_eq!(closest("requird"), Some("required"));
        assert_eq!(closest("colour"), None);
    }

    #[test]
    fn distances() {
        for (a, b, d) in [("", "", 0), ("abc", "", 3), ("kitten", "sitting", 3), ("ä", "a", 1)] {
            assert_eq!(edit_distance(a, b), d, "{a} {b}");
        }
    }
}
