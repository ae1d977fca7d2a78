//! The one place the receiver asks the engine for its verdict: `check_received` on the text
//! that will be stored, so what is checked is exactly what is kept (numbers read from their
//! text, duplicate keys refused, limits applied before anything is expanded).

use formlotse_core::catalog::Catalog;
use formlotse_core::{Date, Definition, Lang, check_received, messages};
use serde_json::{Value, json};

/// The field errors of `payload` (the received JSON text) against `definition` (empty: valid),
/// each as `{field, code, detail}` with the detail in `lang` (`words` its catalog, whose
/// templates the citizen's browser showed too); or the payload's problems when it
/// is no submission of this form at all (unknown answers, another form, no answers).
///
/// The browser's "today" is the citizen's local day; around midnight it differs from the
/// server's UTC day: core accepts a payload valid on the day before, of or after `today`, and
/// otherwise reports the errors of `today` itself.
pub fn errors(
    definition: &Definition,
    payload: &str,
    today: Date,
    lang: Lang,
    words: &Catalog,
) -> Vec<Value> {
    match check_received(definition, payload, today) {
        Ok(errors) => errors
            .iter()
            .map(|error| {
                // A field's label, a repeatable group's legend (its number of items), or the
                // form's own words ("… more").
                let detail = match definition.field_at(&error.path) {
                    Some((field, _)) => messages::for_field(definition, field, &error.violation, lang, words),
                    None => match definition.repeats().find(|repeat| repeat.id == error.path) {
                        Some(repeat) => messages::for_group(repeat, &error.violation, lang, words),
                        None => messages::for_form(&error.violation, lang, words),
                    },
                };
                json!({"field": error.path, "code": error.violation.code(), "detail": detail})
            })
            .collect(),
        Err(problems) => problems
            .iter()
            .map(|problem| {
                let field = match problem {
                    formlotse_core::validation::PayloadProblem::UnknownField { field, .. } => field.as_str(),
                    _ => "",
                };
                json!({"field": field, "code": problem.code(), "detail": messages::payload_problem(problem, words)})
            })
            .collect(),
    }
}
