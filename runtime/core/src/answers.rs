//! What the citizen typed, keyed by field id.

use std::collections::BTreeMap;

/// The answers of one application. Values are kept exactly as typed: never trimmed or
/// normalised here, so nothing the citizen wrote is lost on the way back to an input.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Answers {
    values: BTreeMap<String, String>,
}

impl Answers {
    /// The value of a field, or `""` when nothing was typed.
    pub fn get(&self, field: &str) -> &str {
        self.values.get(field).map(String::as_str).unwrap_or_default()
    }

    /// Stores what the citizen typed into a field.
    pub fn set(&mut self, field: &str, value: String) {
        self.values.insert(field.to_owned(), value);
    }

    /// Every answer, ordered by field id.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.values.iter().map(|(k, v)| (k.as_str(), v.as_str()))
    }
}
