//! Validation: answers in, a flat list of field errors out. One module per rule; every rule
//! sees the typed [`Value`], so the browser (reading inputs) and a server (reading a payload)
//! reach the same verdict.

mod after;
mod control;
mod date_range;
mod decimals;
mod email;
mod equals;
mod file;
mod iban;
mod length;
mod options;
mod pattern;
mod phone;
mod postal_code;
mod range;
mod required;
mod selected;
mod submission;
mod violation;

pub use submission::{
    MAX_ERRORS, PAYLOAD_PROBLEM_CODES, PayloadProblem, check_payload, check_received, check_submission,
};
pub use violation::{VIOLATION_CODES, Violation};

use crate::answers::Answers;
use crate::definition::{Choice, Definition, Field, FieldKind, Repeat, Step};
use crate::lang::Lang;
use crate::logic::Resolved;
use crate::value::{Date, Value, from_answer};

/// A violation at a field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    /// Path of the field: its id, `group[i].id` for a field of item `i` of a repeatable
    /// group, or the group's id for its number of items.
    pub path: String,
    /// What is wrong.
    pub violation: Violation,
}

/// What validation needs from outside: the citizen's language (to read numbers as typed) and
/// today's date (for relative date limits). The host provides both; the engine has no clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Context {
    /// The language the answers were typed in.
    pub lang: Lang,
    /// The day of filling in.
    pub today: Date,
}

/// Every field's value, read once, so cross-field rules see the other answers. Keyed by path:
/// a field's id, a repeatable group's id (its number of items) and `group[i].field`.
pub type Values = crate::definition::ByKey<Result<Option<Value>, Violation>>;

/// Another answer by id, for the rules that compare with one (`after`, `equals`).
pub(crate) type Lookup<'a> = &'a dyn Fn(&str) -> Option<&'a Result<Option<Value>, Violation>>;

/// Reads every answer of the form as the browser has them.
pub fn read_answers(definition: &Definition, answers: &Answers, lang: Lang) -> Values {
    // Gathered, then sorted once: inserting thousands of item paths one by one
    // into the sorted vector would be quadratic.
    let mut values = Vec::new();
    for field in definition.fields() {
        values.push((field.id.clone(), from_answer(field, answers.get(&field.id), lang)));
    }
    for repeat in definition.repeats() {
        let count = items_of(repeat, answers);
        values.push((
            repeat.id.clone(),
            Ok(Some(Value::Number(crate::value::Decimal::from_int(count as i64)))),
        ));
        for index in 0..count {
            for field in repeat.fields() {
                let key = crate::path::item(&repeat.id, index, &field.id);
                let reading = from_answer(field, answers.get(&key), lang);
                values.push((key, reading));
            }
        }
    }
    Values::from_unsorted(values)
}

/// How many items a repeatable group has in the answers: as stored (text of a number), at
/// least `minItems` (a new form starts with them), at most `maxItems`.
pub fn items_of(repeat: &Repeat, answers: &Answers) -> usize {
    answers.text(&repeat.id).parse::<usize>().unwrap_or(0).max(repeat.min_items).min(repeat.max_items)
}

/// Reads the answers and applies the form's logic: what validation, the review and the
/// payload read.
pub fn resolve(definition: &Definition, answers: &Answers, context: Context) -> Resolved {
    Resolved::new(definition, read_answers(definition, answers, context.lang), context.today)
}

/// Checks one shown field at `path` (its id, or `group[i].id` in a repeatable group), given the
/// resolved form; the first broken rule wins, as one message per field is what a citizen can
/// act on. A calculated field has nothing typed to check, only whether it could be calculated.
pub fn validate_field(
    definition: &Definition,
    field: &Field,
    path: &str,
    resolved: &Resolved,
) -> Option<Violation> {
    if matches!(field.kind, FieldKind::Calculated(_)) {
        // Nothing typed to check; only a calculation the answers give no result for.
        return match resolved.values().get(path) {
            Some(Err(violation)) => Some(violation.clone()),
            _ => None,
        };
    }
    let scope = match crate::path::parse(path) {
        crate::path::Path::Item { repeat, index, .. } => Some((repeat, index)),
        crate::path::Path::Field(_) => None,
    };
    let value = match resolved.raw(path) {
        Some(Ok(value)) => value.as_ref(),
        Some(Err(violation)) => return Some(violation.clone()),
        None => None,
    };
    let Some(value) = value else {
        return required::check(resolved.is_required_at(definition, field, scope));
    };
    let today = resolved.today();
    // Inside an item, another field's id means the same item's field, if it has one.
    let values = |id: &str| {
        let sibling =
            scope.and_then(|(repeat, index)| resolved.values().get(&crate::path::item(repeat, index, id)));
        sibling.or_else(|| resolved.values().get(id))
    };
    let values: Lookup = &values;
    let offered = |choice: &Choice| resolved.holds_at(definition, choice.visible_if.as_ref(), scope);
    control::check(field, value)
        .or_else(|| length::check(field, value))
        .or_else(|| decimals::check(field, value))
        .or_else(|| range::check(field, value))
        .or_else(|| date_range::check(field, value, today))
        .or_else(|| email::check(field, value))
        .or_else(|| iban::check(field, value))
        .or_else(|| postal_code::check(field, value))
        .or_else(|| phone::check(field, value))
        .or_else(|| options::check(field, value, &offered))
        .or_else(|| selected::check(field, value))
        .or_else(|| file::check(field, value))
        .or_else(|| pattern::check(field, value))
        .or_else(|| after::check(field, value, values))
        .or_else(|| equals::check(field, value, values))
}

/// Checks every shown field of a step, and of each item of its shown repeatable groups.
pub fn validate_step(definition: &Definition, step: &Step, resolved: &Resolved) -> Vec<FieldError> {
    let check = |field: &Field, path: String| {
        validate_field(definition, field, &path, resolved).map(|violation| FieldError { path, violation })
    };
    let mut errors: Vec<FieldError> = step
        .fields()
        .filter(|field| !resolved.is_hidden(&field.id))
        .filter_map(|field| check(field, field.id.clone()))
        .collect();
    for repeat in step.repeats() {
        let Some(Ok(Some(_))) = resolved.values().get(&repeat.id) else { continue };
        let count = resolved.items(&repeat.id);
        if count < repeat.min_items || count > repeat.max_items {
            let violation = Violation::ItemCount { min: repeat.min_items, max: repeat.max_items };
            errors.push(FieldError { path: repeat.id.clone(), violation });
        }
        for index in 0..count {
            for field in repeat.fields() {
                let path = crate::path::item(&repeat.id, index, &field.id);
                if !resolved.is_hidden(&path) {
                    errors.extend(check(field, path));
                }
            }
        }
    }
    errors
}

/// Checks every shown field of the form (a hidden step's fields are hidden).
pub fn validate_form(definition: &Definition, resolved: &Resolved) -> Vec<FieldError> {
    definition.steps.iter().flat_map(|step| validate_step(definition, step, resolved)).collect()
}

/// Whether a kind holds free text (the rules on characters apply).
pub(crate) fn is_free_text(kind: &FieldKind) -> bool {
    matches!(kind, FieldKind::Text | FieldKind::Textarea | FieldKind::Email | FieldKind::Phone)
}

#[cfg(test)]
pub(crate) mod testing;
