//! The one place the receiver asks the engine for its verdict (`check_submission`), so a
//! change of the engine's API (issue 15: a checking function for the server's day ± 1) is a
//! change here only.

use formlotse_core::validation::PayloadProblem;
use formlotse_core::{Date, Definition, FieldKind, Lang, Violation, check_submission, messages};
use serde_json::{Value, json};

/// The field errors of `payload` against `definition` (empty: valid), each as
/// `{field, code, detail}` with the detail in `lang`.
///
/// The browser's "today" is the citizen's local day; around midnight it differs from the
/// server's UTC day. A payload that is valid on the day before, of or after is accepted; when
/// none is, the errors of the server's own day are returned.
pub fn errors(definition: &Definition, payload: &Value, today: Date, lang: Lang) -> Vec<Value> {
    if let Some(error) = too_many(definition, payload, lang) {
        return vec![error];
    }
    let mut first = None;
    for shift in [0, -1, 1] {
        let Some(day) = today.add_days(shift) else { continue };
        match errors_on(definition, payload, day, lang) {
            Ok(errors) if errors.is_empty() => return errors,
            Ok(errors) => {
                first.get_or_insert(errors);
            }
            // Not a submission of this form at all: no other day changes that.
            Err(problems) => return problems,
        }
    }
    first.unwrap_or_default()
}

/// A repeatable group with more items than `maxItems`, or a file field with more files than
/// `maxFiles`, refused before the engine checks every item of 100,000 (the browser never
/// sends more than allowed, so one error is enough).
fn too_many(definition: &Definition, payload: &Value, lang: Lang) -> Option<Value> {
    let answers = payload.get("answers")?.as_object()?;
    for repeat in definition.repeats() {
        let count = answers.get(&repeat.id).and_then(Value::as_array).map_or(0, Vec::len);
        if count > repeat.max_items {
            let violation = Violation::ItemCount { min: repeat.min_items, max: repeat.max_items };
            let detail = messages::for_group(repeat, &violation, lang);
            return Some(json!({"field": repeat.id, "code": violation.code(), "detail": detail}));
        }
    }
    for field in definition.fields() {
        let FieldKind::File(rules) = &field.kind else { continue };
        let count = answers.get(&field.id).and_then(Value::as_array).map_or(0, Vec::len);
        if count > rules.max_files as usize {
            let violation = Violation::FileCount { max: rules.max_files };
            let detail = messages::for_field(definition, field, &violation, lang);
            return Some(json!({"field": field.id, "code": violation.code(), "detail": detail}));
        }
    }
    None
}

/// The field errors on `today`, or `Err` with the payload's problems (not a submission of
/// this form: unknown answers, another form, no answers).
fn errors_on(
    definition: &Definition,
    payload: &Value,
    today: Date,
    lang: Lang,
) -> Result<Vec<Value>, Vec<Value>> {
    match check_submission(definition, payload, today) {
        Ok(errors) => Ok(errors
            .iter()
            .map(|error| {
                // A field's label, or a repeatable group's legend (its number of items).
                let detail = match definition.field_at(&error.path) {
                    Some((field, _)) => messages::for_field(definition, field, &error.violation, lang),
                    None => definition
                        .repeats()
                        .find(|repeat| repeat.id == error.path)
                        .map(|repeat| messages::for_group(repeat, &error.violation, lang))
                        .unwrap_or_default(),
                };
                json!({"field": error.path, "code": error.violation.code(), "detail": detail})
            })
            .collect()),
        Err(problems) => Err(problems
            .iter()
            .map(|problem| {
                let english = lang == Lang::En;
                match problem {
                    PayloadProblem::Shape => {
                        json!({"field": "", "code": "payloadShape", "detail": if english {
                            "The application has no answers."
                        } else {
                            "Der Antrag enthält keine Angaben."
                        }})
                    }
                    PayloadProblem::OtherForm { found } => {
                        json!({"field": "", "code": "otherForm", "detail": if english {
                            format!("The application is for another form ({found:?}).")
                        } else {
                            format!("Der Antrag gehört zu einem anderen Formular ({found:?}).")
                        }})
                    }
                    PayloadProblem::UnknownField { field } => {
                        json!({"field": field, "code": "unknownField", "detail": if english {
                            "The form has no such question."
                        } else {
                            "Diese Frage gibt es im Formular nicht."
                        }})
                    }
                }
            })
            .collect()),
    }
}
