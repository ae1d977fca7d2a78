//! `"minLength"` / `"maxLength"` — characters (Unicode scalar values, as a citizen counts
//! letters: "Jürgen" is 6).
//!
//! ```json
//! {"id": "vorname", "type": "text", "label": "Vorname", "minLength": 2, "maxLength": 50}
//! ```

use super::Violation;
use crate::definition::Field;
use crate::value::Value;

pub(super) fn check(field: &Field, value: &Value) -> Option<Violation> {
    let Value::Text(text) = value else { return None };
    let (min, max) = (field.rules.min_length, field.rules.max_length);
    let actual = text.chars().count() as u64;
    match (min, max) {
        (Some(min), _) if actual < min => Some(Violation::MinLength { min }),
        (_, Some(max)) if actual > max => Some(Violation::MaxLength { max, actual }),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use crate::validation::testing::text_cases;

    #[test]
    fn cases() {
        let field = r#"{"id": "f", "type": "text", "label": "F", "minLength": 2, "maxLength": 6}"#;
        text_cases(
            field,
            &[
                ("Jürgen", None),
                ("Jürgens", Some("maxLength")),
                ("J", Some("minLength")),
                ("😀😀", None),
                ("  Jo  ", None),
                ("", None),
            ],
        );
    }
}
