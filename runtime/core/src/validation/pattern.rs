//! `"pattern"` — the whole answer must match a regular expression of the dialect that both
//! `regex-lite` (servers) and the browser's `RegExp` read alike (see [`crate::pattern`]). The author must say in `"messages"` what the
//! citizen should type: a pattern means nothing to them.
//!
//! ```json
//! {"id": "kennzeichen", "type": "text", "label": "Kennzeichen", "pattern": "[A-ZÄÖÜ]{1,3}-[A-Z]{1,2} [0-9]{1,4}",
//!  "messages": {"pattern": "Geben Sie das Kennzeichen so ein: HH-AB 123"}}
//! ```

use super::Violation;
use crate::definition::Field;
use crate::value::Value;

pub(super) fn check(field: &Field, value: &Value) -> Option<Violation> {
    let (Some(pattern), Value::Text(text)) = (&field.rules.pattern, value) else { return None };
    (!pattern.matches(text)).then_some(Violation::Pattern)
}

#[cfg(test)]
mod tests {
    use crate::validation::testing::text_cases;

    #[test]
    fn whole_answer_must_match() {
        let field = r#"{"id": "f", "type": "text", "label": "Kennzeichen", "pattern": "[A-Z]{1,3}-[A-Z]{1,2} [0-9]{1,4}",
            "messages": {"pattern": "So: HH-AB 123"}}"#;
        text_cases(
            field,
            &[
                ("HH-AB 123", None),
                ("xHH-AB 123", Some("pattern")),
                ("HH-AB 12345", Some("pattern")),
                ("HH-AB 123 ", None),
            ],
        );
        text_cases(
            r#"{"id": "f", "type": "text", "label": "A", "pattern": "a|b", "messages": {"pattern": "a oder b"}}"#,
            &[("a", None), ("ab", Some("pattern"))],
        );
    }
}
