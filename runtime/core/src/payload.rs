//! The JSON that is sent to the endpoint.

use crate::answers::Answers;
use crate::definition::Definition;
use crate::lang::Lang;
use serde_json::{Map, Value, json};

/// The version of the payload layout (`"formlotse": 1` in every submission).
pub const PAYLOAD_VERSION: u64 = 1;

/// Builds the submission: form id and version, language, and the answers of the definition's
/// fields keyed by field id. Answers are trimmed (spaces at the ends carry no meaning and trip
/// up matching at the authority); empty ones are left out, and so is anything that is not a
/// field of this definition.
pub fn build(definition: &Definition, answers: &Answers, lang: Lang) -> Value {
    let answers: Map<String, Value> = definition
        .fields()
        .filter_map(|field| {
            let value = answers.get(&field.id);
            (!value.trim().is_empty()).then(|| (field.id.clone(), Value::String(value.trim().to_owned())))
        })
        .collect();
    json!({
        "formlotse": PAYLOAD_VERSION,
        "form": definition.id,
        "version": definition.version,
        "lang": lang.tag(),
        "answers": answers,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load;

    #[test]
    fn only_known_non_empty_answers() {
        let definition = load(
            r#"{"formlotse": 1, "id": "a", "version": "2", "title": "A", "steps": [{"id": "s", "title": "S", "fields": [
              {"id": "x", "type": "text", "label": "X"}, {"id": "y", "type": "text", "label": "Y"}]}]}"#,
        )
        .expect("loads");
        let mut answers = Answers::default();
        answers.set("x", " Straße 1 ".into());
        answers.set("y", "   ".into());
        answers.set("stale", "left over".into());
        assert_eq!(
            build(&definition, &answers, Lang::En),
            json!({"formlotse": 1, "form": "a", "version": "2", "lang": "en", "answers": {"x": "Straße 1"}})
        );
    }
}
