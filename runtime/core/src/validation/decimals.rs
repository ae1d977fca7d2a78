//! Decimal places: a `number` has at most `"decimals"` (default 0: whole numbers), `money`
//! at most two (cents).
//!
//! ```json
//! {"id": "flaeche", "type": "number", "label": "Fläche", "decimals": 1, "unit": "m²"}
//! ```

use super::Violation;
use crate::definition::{Field, FieldKind};
use crate::value::Value;

pub(super) fn check(field: &Field, value: &Value) -> Option<Violation> {
    let Value::Number(number) = value else { return None };
    let max = match field.kind {
        FieldKind::Number { decimals, .. } => decimals,
        FieldKind::Money => 2,
        _ => return None,
    };
    (number.decimals() > max).then_some(Violation::TooManyDecimals { max })
}

#[cfg(test)]
mod tests {
    use crate::validation::testing::text_cases;

    #[test]
    fn cases() {
        text_cases(
            r#"{"id": "f", "type": "number", "label": "Anzahl"}"#,
            &[
                ("3", None),
                ("3,0", None),
                ("3,5", Some("decimals")),
                ("drei", Some("number")),
                ("1.000", None),
            ],
        );
        text_cases(
            r#"{"id": "f", "type": "money", "label": "Betrag"}"#,
            &[("1.234,56", None), ("1.234,567", Some("decimals")), ("12 €", None), ("12,5", None)],
        );
        text_cases(
            r#"{"id": "f", "type": "number", "label": "m²", "decimals": 2}"#,
            &[("12,25", None), ("0,125", Some("decimals"))],
        );
    }
}
