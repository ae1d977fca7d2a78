//! Free text may not hold control characters (they break the authority's systems and are
//! never typed on purpose); a textarea may hold line breaks and tabs. "Control" is Unicode's
//! general category Cc, as `char::is_control` says.

use super::{Violation, is_free_text};
use crate::definition::{Field, FieldKind};
use crate::value::Value;

pub(super) fn check(field: &Field, value: &Value) -> Option<Violation> {
    let Value::Text(text) = value else { return None };
    if !is_free_text(&field.kind) {
        return None;
    }
    let allowed = |c: char| field.kind == FieldKind::Textarea && matches!(c, '\n' | '\r' | '\t');
    let clean = text.chars().all(|c| !c.is_control() || allowed(c));
    (!clean).then_some(Violation::ControlCharacters)
}

#[cfg(test)]
mod tests {
    use crate::validation::testing::text_cases;

    #[test]
    fn cases() {
        text_cases(
            r#"{"id": "f", "type": "text", "label": "F"}"#,
            &[("a\u{0007}b", Some("controlCharacters")), ("a b", None)],
        );
        text_cases(
            r#"{"id": "f", "type": "textarea", "label": "F"}"#,
            &[("Zeile 1\nZeile 2\r\n\tEnde", None), ("a\u{0000}", Some("controlCharacters"))],
        );
    }
}
