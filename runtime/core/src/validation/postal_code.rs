//! `"type": "postalCode"` — a German postal code: five digits, 01001 to 99998.

use super::Violation;
use crate::definition::{Field, FieldKind};
use crate::value::Value;

pub(super) fn check(field: &Field, value: &Value) -> Option<Violation> {
    let (FieldKind::PostalCode, Value::Text(text)) = (&field.kind, value) else { return None };
    let valid = text.len() == 5
        && text.bytes().all(|b| b.is_ascii_digit())
        && ("01001"..="99998").contains(&text.as_str());
    (!valid).then_some(Violation::PostalCode)
}

#[cfg(test)]
mod tests {
    use crate::validation::testing::text_cases;

    #[test]
    fn cases() {
        text_cases(
            r#"{"id": "f", "type": "postalCode", "label": "PLZ"}"#,
            &[
                ("10115", None),
                ("01067", None),
                (" 80331 ", None),
                ("1011", Some("postalCode")),
                ("101155", Some("postalCode")),
                ("00000", Some("postalCode")),
                ("1O115", Some("postalCode")),
            ],
        );
    }
}
