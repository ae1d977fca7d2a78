//! The spec as a Formlotse definition (docs/definition-format.md); conditions are `visibleIf`
//! expressions (issue 4).

use super::spec::{self, Condition, Field, Form, Kind};
use serde_json::{Value, json};

/// The definition of `form`.
pub(crate) fn definition(form: &Form) -> Value {
    let steps: Vec<Value> = form
        .steps
        .iter()
        .map(|step| {
            let fields: Vec<Value> = step.fields.iter().map(field).collect();
            json!({ "id": step.id, "title": step.title, "fields": fields })
        })
        .collect();
    json!({
        "formlotse": 1,
        "id": format!("bench-{}", form.name),
        "version": "bench",
        "title": form.title,
        "steps": steps,
    })
}

fn field(field: &Field) -> Value {
    let mut out = json!({ "id": field.id, "label": field.label });
    let keys = match field.kind {
        Kind::Probe => json!({
            "type": "text",
            "pattern": spec::PROBE_PATTERN,
            "messages": { "required": spec::REQUIRED_MESSAGE, "pattern": spec::PATTERN_MESSAGE },
        }),
        Kind::Text => json!({ "type": "text" }),
        Kind::Email => json!({ "type": "email" }),
        Kind::Number => json!({ "type": "number", "min": 0, "max": 100 }),
        Kind::Date => json!({ "type": "date" }),
        Kind::Radio => {
            json!({ "type": "radio", "options": options(&spec::radio_options()) })
        }
        Kind::Select => json!({ "type": "select", "options": options(&spec::select_options()) }),
        Kind::Checkbox => json!({ "type": "checkbox" }),
        Kind::Textarea => json!({ "type": "textarea" }),
    };
    merge(&mut out, keys);
    if field.required {
        out["required"] = json!(true);
    }
    if let Some(condition) = &field.visible_if {
        out["visibleIf"] = json!(expression(condition));
    }
    out
}

/// The condition in the expression language of /work/logic-syntax.md. An unanswered radio is
/// absent: `==` with it is false and `not` of that is true, as in the other two systems.
fn expression(condition: &Condition) -> String {
    match condition {
        Condition::Is { radio, value } => format!("{radio} == \"{value}\""),
        Condition::IsNot { radio, value } => format!("not ({radio} == \"{value}\")"),
    }
}

fn options(options: &[(String, String)]) -> Value {
    options.iter().map(|(value, label)| json!({ "value": value, "label": label })).collect()
}

fn merge(into: &mut Value, from: Value) {
    if let (Some(into), Value::Object(from)) = (into.as_object_mut(), from) {
        into.extend(from);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_definitions_load() {
        for form in spec::forms(true) {
            let text = definition(&form).to_string();
            let loaded = formlotse_core::load(&text);
            assert!(loaded.is_ok(), "{}: {:?}", form.name, loaded.err());
        }
    }

    #[test]
    fn conditions_are_visible_if_expressions() {
        let form = &spec::forms(true)[1];
        let def = definition(form);
        let conditioned: Vec<&Value> = def["steps"]
            .as_array()
            .into_iter()
            .flatten()
            .flat_map(|s| s["fields"].as_array().into_iter().flatten())
            .filter(|f| f.get("visibleIf").is_some())
            .collect();
        assert_eq!(conditioned.len(), 50);
        assert!(conditioned[0]["visibleIf"].as_str().is_some_and(|e| e.ends_with("== \"ja\"")));
    }
}
