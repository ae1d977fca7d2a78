//! The server's verdict on a payload: the same rules the browser ran, on the payload's typed
//! values, read from the received text exactly (one JSON reading: exact numbers, duplicate
//! keys refused). The work is linear in the payload and bounded by the definition's limits,
//! applied before anything is expanded; the lists it returns are capped.

use super::{FieldError, Values, Violation, validate_form};
use crate::definition::{Definition, Field, FieldKind, Repeat};
use crate::json::{self, Json, JsonError, JsonErrorKind};
use crate::logic::Resolved;
use crate::value::{Date, Decimal, Value, from_json};
use std::collections::{BTreeMap, BTreeSet};

/// The most field errors reported one by one; beyond them one [`Violation::MoreErrors`] says
/// how many more there were.
pub const MAX_ERRORS: usize = 100;

/// A payload a server cannot even read as a submission of this form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PayloadProblem {
    /// Not JSON: `expected` at byte `offset`.
    NotJson {
        /// What the reader expected there.
        expected: &'static str,
        /// Byte offset in the payload.
        offset: usize,
    },
    /// Arrays and objects nested deeper than [`json::MAX_DEPTH`].
    TooDeep {
        /// Byte offset in the payload.
        offset: usize,
    },
    /// An object names the same key twice: which one counts would be a guess.
    DuplicateKey {
        /// The JSON Pointer of the repeated member (`/answers/name`).
        pointer: String,
    },
    /// Not an object with an `answers` object.
    Shape,
    /// The payload names another form.
    OtherForm {
        /// The form id in the payload.
        found: String,
    },
    /// Answers for fields this form does not have: the first, and how many in all.
    UnknownField {
        /// The first such key in `answers` (`name`, or `group[i].name` inside an item).
        field: String,
        /// How many unknown keys the payload has.
        count: usize,
    },
}

impl PayloadProblem {
    /// The stable code of this problem.
    pub fn code(&self) -> &'static str {
        match self {
            PayloadProblem::NotJson { .. } => "notJson",
            PayloadProblem::TooDeep { .. } => "tooDeep",
            PayloadProblem::DuplicateKey { .. } => "duplicateKey",
            PayloadProblem::Shape => "payloadShape",
            PayloadProblem::OtherForm { .. } => "otherForm",
            PayloadProblem::UnknownField { .. } => "unknownField",
        }
    }
}

/// Every payload problem code (for catalogs and docs).
pub const PAYLOAD_PROBLEM_CODES: &[&str] =
    &["notJson", "tooDeep", "duplicateKey", "payloadShape", "otherForm", "unknownField"];

impl From<JsonError> for PayloadProblem {
    fn from(error: JsonError) -> PayloadProblem {
        match error.kind {
            JsonErrorKind::Syntax(expected) => PayloadProblem::NotJson { expected, offset: error.offset },
            JsonErrorKind::TooDeep => PayloadProblem::TooDeep { offset: error.offset },
            JsonErrorKind::DuplicateKey => PayloadProblem::DuplicateKey { pointer: error.pointer },
        }
    }
}

/// The server's verdict on a received payload (its exact text), for `today`. Returns the field
/// errors (empty: accepted; at most [`MAX_ERRORS`] and a [`Violation::MoreErrors`]), or why
/// the payload is not a submission of this form at all.
pub fn check_payload(
    definition: &Definition,
    payload: &str,
    today: Date,
) -> Result<Vec<FieldError>, Vec<PayloadProblem>> {
    let json = json::parse(payload).map_err(|error| vec![PayloadProblem::from(error)])?;
    check_json(definition, &json, today)
}

/// **The check a server runs on a received submission.** The citizen's day (the browser's
/// "today") may differ from the server's around midnight and across time zones, so a payload
/// is accepted when it is valid for `server_today` or for the day before or after; when it is
/// invalid, the errors reported are those for `server_today` itself, never those of a
/// neighbouring day (which would name limits the citizen cannot see). The payload is read once.
pub fn check_received(
    definition: &Definition,
    payload: &str,
    server_today: Date,
) -> Result<Vec<FieldError>, Vec<PayloadProblem>> {
    let json = json::parse(payload).map_err(|error| vec![PayloadProblem::from(error)])?;
    let own = check_json(definition, &json, server_today);
    // Valid, or not a submission at all: no other day can change that.
    if !matches!(&own, Ok(errors) if !errors.is_empty()) {
        return own;
    }
    let neighbours = [-1, 1].into_iter().filter_map(|shift| server_today.add_days(shift));
    for day in neighbours {
        if check_json(definition, &json, day) == Ok(Vec::new()) {
            return Ok(Vec::new());
        }
    }
    own
}

/// [`check_payload`] for a payload already read by serde_json. Inexact where serde_json was:
/// its numbers went through `f64` and of a duplicate key it kept the last. A server that has
/// the received text calls [`check_received`] (or [`check_payload`]) with it instead.
pub fn check_submission(
    definition: &Definition,
    payload: &serde_json::Value,
    today: Date,
) -> Result<Vec<FieldError>, Vec<PayloadProblem>> {
    check_payload(definition, &payload.to_string(), today)
}

/// Keys of `answers` (and of items) the form does not have: the first, and how many.
#[derive(Default)]
struct Unknown {
    first: Option<String>,
    count: usize,
}

impl Unknown {
    fn add(&mut self, path: impl FnOnce() -> String) {
        if self.first.is_none() {
            self.first = Some(path());
        }
        self.count = self.count.saturating_add(1);
    }
}

fn check_json(
    definition: &Definition,
    payload: &Json,
    today: Date,
) -> Result<Vec<FieldError>, Vec<PayloadProblem>> {
    let answers =
        payload.get("answers").and_then(Json::as_object).ok_or_else(|| vec![PayloadProblem::Shape])?;
    let mut problems = Vec::new();
    if let Some(form) = payload.get("form").and_then(Json::as_str)
        && form != definition.id
    {
        problems.push(PayloadProblem::OtherForm { found: form.to_owned() });
    }
    let fields: BTreeSet<&str> = definition.fields().map(|field| field.id.as_str()).collect();
    let repeats: BTreeMap<&str, &Repeat> = definition.repeats().map(|r| (r.id.as_str(), r)).collect();
    // Gathered, then sorted once (see `read_answers`).
    let mut values: Vec<(String, _)> = definition
        .fields()
        .map(|field| (field.id.clone(), from_json(field, answers.get(&field.id))))
        .collect();
    let mut errors = Vec::new();
    let mut unknown = Unknown::default();
    // Whether a group had more items than allowed (only its first `maxItems` were read).
    let mut cut = false;
    // (path, field) of every answer the payload may hold.
    let mut asked: Vec<(String, &Field)> = definition.fields().map(|f| (f.id.clone(), f)).collect();
    for (key, json) in answers {
        if fields.contains(key.as_str()) {
            continue;
        }
        let Some(repeat) = repeats.get(key.as_str()) else {
            unknown.add(|| key.clone());
            continue;
        };
        let items = match json {
            Json::Array(items) => items.as_slice(),
            Json::Null => &[],
            _ => {
                errors.push(FieldError {
                    path: key.clone(),
                    violation: Violation::WrongType { expected: "array of objects" },
                });
                &[]
            }
        };
        // More items than allowed: refused before they are read, whatever their number; the
        // first `maxItems` are checked as usual.
        let items = match items.get(..repeat.max_items) {
            Some(allowed) if items.len() > repeat.max_items => {
                let violation = Violation::ItemCount { min: repeat.min_items, max: repeat.max_items };
                errors.push(FieldError { path: key.clone(), violation });
                cut = true;
                allowed
            }
            _ => items,
        };
        let count = Decimal::from_int(i64::try_from(items.len()).unwrap_or(i64::MAX));
        values.push((key.clone(), Ok(Some(Value::Number(count)))));
        for (index, item) in items.iter().enumerate() {
            let item = item.as_object();
            for name in item.into_iter().flat_map(|item| item.keys()) {
                if !repeat.fields().any(|f| &f.id == name) {
                    unknown.add(|| crate::path::item(key, index, name));
                }
            }
            for field in repeat.fields() {
                let path = crate::path::item(key, index, &field.id);
                values.push((path.clone(), from_json(field, item.and_then(|item| item.get(&field.id)))));
                asked.push((path, field));
            }
        }
    }
    if let Some(field) = unknown.first {
        problems.push(PayloadProblem::UnknownField { field, count: unknown.count });
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let values = Values::from_unsorted(values);
    let resolved = Resolved::new(definition, values, today);
    errors.extend(validate_form(definition, &resolved));
    // What the browser would not have sent: an answer to a hidden question, a calculated
    // value that is not what the answers give.
    for (path, field) in asked {
        let sent = resolved.raw(&path).cloned().unwrap_or(Ok(None));
        let violation = if resolved.is_hidden(&path) {
            (sent != Ok(None)).then_some(Violation::NotAsked)
        } else if matches!(field.kind, FieldKind::Calculated(_)) && !cut {
            // (After a cut group, a sum over it cannot match; its item count says what is wrong.)
            (sent != Ok(resolved.calculated(&path).cloned())).then_some(Violation::Calculated)
        } else {
            None
        };
        if let Some(violation) = violation {
            errors.push(FieldError { path, violation });
        }
    }
    if errors.len() > MAX_ERRORS {
        let count = errors.len().saturating_sub(MAX_ERRORS);
        errors.truncate(MAX_ERRORS);
        errors.push(FieldError { path: String::new(), violation: Violation::MoreErrors { count } });
    }
    Ok(errors)
}
