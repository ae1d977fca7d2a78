//! What the citizen entered, keyed by field id.

use crate::definition::ByKey;
use crate::definition::Repeat;
use crate::validation::items_of;
use crate::value::Answer;

/// The answers of one application, exactly as entered: never trimmed or normalised here, so
/// nothing the citizen wrote is lost on the way back to an input.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Answers {
    values: ByKey<Answer>,
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

    /// Forgets the answer at `path`.
    pub fn remove(&mut self, path: &str) {
        self.values.remove(path);
    }

    /// Adds an item to a repeatable group, unless it has `maxItems`; returns the new item's
    /// index.
    pub fn add_item(&mut self, repeat: &Repeat) -> Option<usize> {
        let count = items_of(repeat, self);
        (count < repeat.max_items).then(|| {
            self.set(&repeat.id, Answer::Text(count.saturating_add(1).to_string()));
            count
        })
    }

    /// Removes item `index` of a repeatable group, unless it has only `minItems`: the later
    /// items' answers move up one, so each stays with its item. Returns whether it removed.
    pub fn remove_item(&mut self, repeat: &Repeat, index: usize) -> bool {
        let count = items_of(repeat, self);
        if count <= repeat.min_items || index >= count {
            return false;
        }
        for at in index..count {
            for field in repeat.fields() {
                let here = crate::path::item(&repeat.id, at, &field.id);
                let next = at.saturating_add(1);
                match self.values.remove(&crate::path::item(&repeat.id, next, &field.id)) {
                    Some(answer) if next < count => {
                        self.values.insert(here, answer);
                    }
                    _ => {
                        self.values.remove(&here);
                    }
                }
            }
        }
        self.set(&repeat.id, Answer::Text(count.saturating_sub(1).to_string()));
        true
    }

    /// Every answer, ordered by field id.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &Answer)> {
        self.values.iter().map(|(k, v)| (k.as_str(), v))
    }

    /// Every answer by field path, to change it in place.
    pub fn iter_mut(&mut self) -> impl Iterator<Item = (&str, &mut Answer)> {
        self.values.iter_mut().map(|(k, v)| (k.as_str(), v))
    }
}
