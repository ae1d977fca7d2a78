//! The spec as a SurveyJS survey (survey-core JSON): one page per step, conditions as
//! `visibleIf` expressions. Errors show as the citizen types (`checkErrorsMode:
//! onValueChanged`, `textUpdateMode: onTyping`), SurveyJS's documented way to validate live.

use super::spec::{self, Condition, Field, Form, Kind};
use serde_json::{Value, json};

pub(crate) fn survey(form: &Form) -> Value {
    let pages: Vec<Value> = form
        .steps
        .iter()
        .map(|step| {
            let elements: Vec<Value> = step.fields.iter().map(question).collect();
            json!({ "name": step.id, "title": step.title, "elements": elements })
        })
        .collect();
    json!({
        "title": form.title,
        "showQuestionNumbers": "off",
        "checkErrorsMode": "onValueChanged",
        "textUpdateMode": "onTyping",
        "pages": pages,
    })
}

fn question(field: &Field) -> Value {
    let mut out = match field.kind {
        Kind::Probe => json!({
            "type": "text",
            "requiredErrorText": spec::REQUIRED_MESSAGE,
            // SurveyJS matches a regex anywhere in the answer; anchored, it means the whole.
            "validators": [{ "type": "regex", "regex": format!("^{}$", spec::PROBE_PATTERN), "text": spec::PATTERN_MESSAGE }],
        }),
        Kind::Text => json!({ "type": "text" }),
        Kind::Email => json!({ "type": "text", "inputType": "email", "validators": [{ "type": "email" }] }),
        Kind::Number => json!({ "type": "text", "inputType": "number", "min": 0, "max": 100 }),
        Kind::Date => json!({ "type": "text", "inputType": "date" }),
        Kind::Radio => {
            json!({ "type": "radiogroup", "choices": choices(&spec::radio_options()) })
        }
        Kind::Select => json!({ "type": "dropdown", "choices": choices(&spec::select_options()) }),
        Kind::Checkbox => json!({ "type": "boolean", "renderAs": "checkbox" }),
        Kind::Textarea => json!({ "type": "comment" }),
    };
    out["name"] = json!(field.id);
    out["title"] = json!(field.label);
    if field.required {
        out["isRequired"] = json!(true);
    }
    if let Some(condition) = &field.visible_if {
        out["visibleIf"] = json!(expression(condition));
    }
    out
}

/// An unanswered question equals nothing in SurveyJS too, so `<>` holds for it.
fn expression(condition: &Condition) -> String {
    match condition {
        Condition::Is { radio, value } => format!("{{{radio}}} = '{value}'"),
        Condition::IsNot { radio, value } => format!("{{{radio}}} <> '{value}'"),
    }
}

fn choices(options: &[(String, String)]) -> Value {
    options.iter().map(|(value, text)| json!({ "value": value, "text": text })).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_page_per_step_and_one_question_per_field() {
        let form = &spec::forms(true)[2];
        let survey = survey(form);
        let pages = survey["pages"].as_array().map(Vec::len);
        assert_eq!(pages, Some(2));
        assert_eq!(survey["pages"][0]["elements"].as_array().map(Vec::len), Some(500));
        assert_eq!(survey["pages"][0]["elements"][0]["name"], "plz");
    }
}
