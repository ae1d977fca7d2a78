//! The JSON that is sent to the endpoint.

use crate::answers::Answers;
use crate::definition::Definition;
use crate::lang::Lang;
use crate::validation::read_answers;
use crate::value::Value;
use serde_json::{Map, Value as Json, json};

/// The version of the payload layout (`"formlotse": 1` in every submission).
pub const PAYLOAD_VERSION: u64 = 1;

/// Builds the submission: form id and version, language, and each field's typed value keyed
/// by field id (numbers as numbers, dates as `YYYY-MM-DD`, yes/no and checkboxes as booleans,
/// several options as arrays). Empty answers, answers that are not valid, and anything that is
/// not a field of this definition are left out; text is trimmed.
pub fn build(definition: &Definition, answers: &Answers, lang: Lang) -> Json {
    let values = read_answers(definition, answers, lang);
    let answers: Map<String, Json> =
        values.into_iter().filter_map(|(id, value)| Some((id, to_json(&value.ok()??)))).collect();
    json!({
        "formlotse": PAYLOAD_VERSION,
        "form": definition.id,
        "version": definition.version,
        "lang": lang.tag(),
        "answers": answers,
    })
}

/// A value as the payload carries it.
pub fn to_json(value: &Value) -> Json {
    match value {
        Value::Text(text) => Json::String(text.clone()),
        Value::Number(number) => number.to_json(),
        Value::Date(date) => Json::String(date.to_string()),
        Value::Bool(b) => Json::Bool(*b),
        Value::Choices(values) => values.iter().cloned().map(Json::String).collect(),
        Value::Files(files) => {
            files.iter().map(|f| json!({"name": f.name, "type": f.mime, "size": f.size})).collect()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Answer, load};

    #[test]
    fn typed_values_of_known_fields_only() {
        let definition = load(
            r#"{"formlotse": 1, "id": "a", "version": "2", "title": "A", "steps": [{"id": "s", "title": "S", "fields": [
              {"id": "x", "type": "text", "label": "X"}, {"id": "y", "type": "text", "label": "Y"},
              {"id": "n", "type": "money", "label": "N"}, {"id": "d", "type": "date", "label": "D"},
              {"id": "j", "type": "yesno", "label": "J"}, {"id": "c", "type": "checkbox", "label": "C"},
              {"id": "bad", "type": "number", "label": "B"}]}]}"#,
        )
        .expect("loads");
        let mut answers = Answers::default();
        answers.set("x", Answer::Text(" Straße 1 ".into()));
        answers.set("y", Answer::Text("   ".into()));
        answers.set("n", Answer::Text("1.234,50".into()));
        answers.set("d", Answer::Date { day: "1".into(), month: "2".into(), year: "2026".into() });
        answers.set("j", Answer::Text("no".into()));
        answers.set("c", Answer::Flag(true));
        answers.set("bad", Answer::Text("zwölf".into()));
        answers.set("stale", Answer::Text("left over".into()));
        assert_eq!(
            build(&definition, &answers, Lang::De),
            json!({"formlotse": 1, "form": "a", "version": "2", "lang": "de", "answers": {
                "x": "Straße 1", "n": 1234.5, "d": "2026-02-01", "j": false, "c": true}})
        );
    }
}
