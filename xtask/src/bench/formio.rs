//! The spec as a Form.io form (@formio/js JSON): a wizard with one panel per step, conditions
//! as `conditional` objects (all of one condition, `isEqual` / `isNotEqual`).

use super::spec::{self, Condition, Field, Form, Kind};
use serde_json::{Value, json};

pub(crate) fn form(form: &Form) -> Value {
    let panels: Vec<Value> = form
        .steps
        .iter()
        .map(|step| {
            let components: Vec<Value> = step.fields.iter().map(component).collect();
            json!({ "type": "panel", "key": step.id, "title": step.title, "input": false, "components": components })
        })
        .collect();
    json!({ "display": "wizard", "title": form.title, "components": panels })
}

fn component(field: &Field) -> Value {
    let mut out = match field.kind {
        // Form.io anchors a pattern itself; `errors` replaces the message per rule.
        Kind::Probe => json!({
            "type": "textfield",
            "validate": { "pattern": spec::PROBE_PATTERN },
            "errors": { "required": spec::REQUIRED_MESSAGE, "pattern": spec::PATTERN_MESSAGE },
        }),
        Kind::Text => json!({ "type": "textfield" }),
        Kind::Email => json!({ "type": "email" }),
        Kind::Number => json!({ "type": "number", "validate": { "min": 0, "max": 100 } }),
        // Day, month and year inputs, as Formlotse shows a date.
        Kind::Date => json!({ "type": "day" }),
        Kind::Radio => json!({ "type": "radio", "values": values(&spec::radio_options()) }),
        Kind::Select => {
            json!({ "type": "select", "dataSrc": "values", "data": { "values": values(&spec::select_options()) } })
        }
        Kind::Checkbox => json!({ "type": "checkbox" }),
        Kind::Textarea => json!({ "type": "textarea" }),
    };
    out["key"] = json!(field.id);
    out["label"] = json!(field.label);
    out["input"] = json!(true);
    if field.required {
        out["validate"]["required"] = json!(true);
    }
    if let Some(condition) = &field.visible_if {
        out["conditional"] = conditional(condition);
    }
    out
}

/// Form.io compares an unanswered radio as empty, which equals neither value.
fn conditional(condition: &Condition) -> Value {
    let (radio, operator, value) = match condition {
        Condition::Is { radio, value } => (radio, "isEqual", value),
        Condition::IsNot { radio, value } => (radio, "isNotEqual", value),
    };
    json!({
        "show": true,
        "conjunction": "all",
        "conditions": [{ "component": radio, "operator": operator, "value": value }],
    })
}

fn values(options: &[(String, String)]) -> Value {
    options.iter().map(|(value, label)| json!({ "value": value, "label": label })).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_wizard_with_one_panel_per_step() {
        let form = &spec::forms(true)[1];
        let out = super::form(form);
        assert_eq!(out["display"], "wizard");
        assert_eq!(out["components"].as_array().map(Vec::len), Some(10));
        let conditionals = out["components"]
            .as_array()
            .into_iter()
            .flatten()
            .flat_map(|p| p["components"].as_array().into_iter().flatten())
            .filter(|c| c.get("conditional").is_some())
            .count();
        assert_eq!(conditionals, 50);
        assert_eq!(out["components"][0]["components"][0]["validate"]["required"], true);
    }
}
