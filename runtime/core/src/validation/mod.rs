//! Validation: answers in, a flat list of field errors out. One module per rule.

mod max_length;
mod required;

use crate::answers::Answers;
use crate::definition::{Definition, Field, Step};

/// One rule an answer broke, with the parameters a message needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Violation {
    /// A required field is empty.
    Required,
    /// The answer is longer than `max` characters.
    MaxLength {
        /// The most characters allowed.
        max: u32,
        /// How many were typed.
        actual: usize,
    },
}

impl Violation {
    /// The stable code of this violation, e.g. `required`.
    pub fn code(&self) -> &'static str {
        match self {
            Violation::Required => "required",
            Violation::MaxLength { .. } => "max_length",
        }
    }
}

/// A violation at a field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    /// Path of the field: its id (repeatable groups will add `[i].child`).
    pub path: String,
    /// What is wrong.
    pub violation: Violation,
}

/// Checks one field's answer; the first broken rule wins, as one message per field is what a
/// citizen can act on.
pub fn validate_field(field: &Field, value: &str) -> Option<Violation> {
    required::check(field, value).or_else(|| max_length::check(field, value))
}

/// Checks every field of a step.
pub fn validate_step(step: &Step, answers: &Answers) -> Vec<FieldError> {
    step.fields
        .iter()
        .filter_map(|field| {
            validate_field(field, answers.get(&field.id))
                .map(|violation| FieldError { path: field.id.clone(), violation })
        })
        .collect()
}

/// Checks the whole form: the verdict a server gives on a submission.
pub fn validate_form(definition: &Definition, answers: &Answers) -> Vec<FieldError> {
    definition.steps.iter().flat_map(|step| validate_step(step, answers)).collect()
}

#[cfg(test)]
pub(crate) fn text_field(required: bool, max_length: Option<u32>) -> Field {
    Field {
        id: "f".into(),
        kind: crate::FieldKind::Text,
        label: crate::Text::Plain("F".into()),
        hint: None,
        required,
        max_length,
        autocomplete: None,
    }
}
