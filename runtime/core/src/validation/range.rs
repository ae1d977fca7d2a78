//! `"min"` / `"max"` for numbers and money, compared exactly as decimals.
//!
//! ```json
//! {"id": "anzahl", "type": "number", "label": "Anzahl der Hunde", "min": 1, "max": 20}
//! ```

use super::Violation;
use crate::definition::Field;
use crate::value::Value;

pub(super) fn check(field: &Field, value: &Value) -> Option<Violation> {
    let Value::Number(number) = value else { return None };
    let (min, max) = (field.rules.min, field.rules.max);
    match (min, max) {
        (Some(min), _) if *number < min => Some(Violation::Min { min: min.to_string() }),
        (_, Some(max)) if *number > max => Some(Violation::Max { max: max.to_string() }),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use crate::validation::testing::text_cases;

    #[test]
    fn cases() {
        text_cases(
            r#"{"id": "f", "type": "number", "label": "Anzahl", "min": 1, "max": 20}"#,
            &[("1", None), ("20", None), ("0", Some("min")), ("21", Some("max")), ("-5", Some("min"))],
        );
        text_cases(
            r#"{"id": "f", "type": "money", "label": "Betrag", "min": 0.01, "max": 999.99}"#,
            &[("0,01", None), ("0,00", Some("min")), ("999,99", None), ("1.000,00", Some("max"))],
        );
    }
}
