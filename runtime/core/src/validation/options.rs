//! Choice fields (`select`, `radio`, `checkboxes`) accept only their options' values; a
//! browser never sends another, so this guards the server against tampered payloads.

use super::Violation;
use crate::definition::Field;
use crate::logic::Resolved;
use crate::value::Value;

pub(super) fn check(field: &Field, value: &Value, resolved: &Resolved) -> Option<Violation> {
    let choices = field.kind.choices()?;
    // An option hidden by its `visibleIf` is not on offer.
    let known = |v: &String| choices.iter().any(|c| &c.value == v && resolved.shows(c.visible_if.as_ref()));
    let ok = match value {
        Value::Text(v) => known(v),
        Value::Choices(values) => values.iter().all(known),
        _ => true,
    };
    (!ok).then_some(Violation::UnknownOption)
}

#[cfg(test)]
mod tests {
    use crate::validation::testing::{text_cases, verdict};
    use crate::value::Answer;

    #[test]
    fn cases() {
        let radio = r#"{"id": "f", "type": "radio", "label": "Farbe", "options": [{"value": "rot", "label": "Rot"}, {"value": "blau", "label": "Blau"}]}"#;
        text_cases(radio, &[("rot", None), ("grün", Some("option"))]);
        let from_list = r#"{"id": "f", "type": "checkboxes", "label": "Farben", "options": "farben"}"#;
        assert_eq!(verdict(from_list, &[("f", Answer::Choices(vec!["rot".into()]))]), None);
        assert_eq!(
            verdict(from_list, &[("f", Answer::Choices(vec!["rot".into(), "x".into()]))]),
            Some("option")
        );
        text_cases(
            r#"{"id": "f", "type": "yesno", "label": "Ja?"}"#,
            &[("yes", None), ("no", None), ("vielleicht", Some("option"))],
        );
    }
}
