//! The one place the receiver asks the engine for its verdict (`check_submission`), so a
//! change of the engine's API (issue 15: a checking function for the server's day ± 1) is a
//! change here only.

use formlotse_core::validation::PayloadProblem;
use formlotse_core::{Date, Definition, Lang, check_submission, messages};
use serde_json::{Value, json};

/// The field errors of `payload` against `definition` (empty: valid), each as
/// `{field, code, detail}` with the detail in `lang`.
///
/// The browser's "today" is the citizen's local day; around midnight it differs from the
/// server's UTC day. A payload that is valid on the day before, of or after is accepted; when
/// none is, the errors of the server's own day are returned.
pub fn errors(definition: &Definition, payload: &Value, today: Date, lang: Lang) -> Vec<Value> {
    let mut first = None;
    for shift in [0, -1, 1] {
        let Some(day) = today.add_days(shift) else { continue };
        let errors = errors_on(definition, payload, day, lang);
        if errors.is_empty() {
            return errors;
        }
        first.get_or_insert(errors);
    }
    first.unwrap_or_default()
}

fn errors_on(definition: &Definition, payload: &Value, today: Date, lang: Lang) -> Vec<Value> {
    match check_submission(definition, payload, today) {
        Ok(errors) => errors
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
            .collect(),
        Err(problems) => problems
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
            .collect(),
    }
}
