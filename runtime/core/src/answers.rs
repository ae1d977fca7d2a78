//! What the citizen entered, keyed by field id.

use crate::value::Answer;
use std::collections::BTreeMap;

/// The answers of one application, exactly as entered: never trimmed or normalised here, so
/// nothing the citizen wrote is lost on the way back to an input.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Answers {
    values: BTreeMap<String, Answer>,
}

impl Answers {
    /// The answer of a field, if any was entered.
    pub fn get(&self, field: &str) -> Option<&Answer> {
        self.values.get(field)
    }

    /// The text of a text-like answer, or `""`.
    pub fn text(&self, field: &str) -> &str {
        match self.values.get(field) {
            Some(Answer::Text(text)) => text,
            _ => "",
        }
    }

    /// Stores what the citizen entered into a field.
    pub fn set(&mut self, field: &str, answer: Answer) {
        self.values.insert(field.to_owned(), answer);
    }

    /// Every answer, ordered by field id.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &Answer)> {
        self.values.iter().map(|(k, v)| (k.as_str(), v))
    }
}
