//! `"type": "phone"` — lenient: national ("030 1234567", "(0 30) 12 34-56") or international
//! ("+49 30 1234567", "0049 …"); digits with spaces, `-`, `/`, `.` and parentheses; a `+` only
//! at the start; 5 to 15 digits (E.164 allows 15).

use super::Violation;
use crate::definition::{Field, FieldKind};
use crate::value::Value;

pub(super) fn check(field: &Field, value: &Value) -> Option<Violation> {
    let (FieldKind::Phone, Value::Text(text)) = (&field.kind, value) else { return None };
    let body = text.strip_prefix('+').unwrap_or(text);
    let allowed = body.chars().all(|c| c.is_ascii_digit() || matches!(c, ' ' | '-' | '/' | '.' | '(' | ')'));
    let digits = body.chars().filter(char::is_ascii_digit).count();
    (!(allowed && (5..=15).contains(&digits))).then_some(Violation::Phone)
}

#[cfg(test)]
mod tests {
    use crate::validation::testing::text_cases;

    #[test]
    fn cases() {
        text_cases(
            r#"{"id": "f", "type": "phone", "label": "Telefon"}"#,
            &[
                ("030 1234567", None),
                ("+49 30 1234567", None),
                ("(0 30) 12 34-56", None),
                ("0049/30/1234567", None),
                ("1234", Some("phone")),
                ("+49 30 12345678901234", Some("phone")),
                ("030 12345 ext. 6", Some("phone")),
                ("49+30", Some("phone")),
            ],
        );
    }
}
