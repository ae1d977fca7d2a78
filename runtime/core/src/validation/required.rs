//! `"required": true` — the field needs an answer; a required checkbox must be ticked.
//!
//! ```json
//! {"id": "nachname", "type": "text", "label": "Nachname", "required": true}
//! ```

use super::Violation;

/// Called for an empty answer only; `required` is whether the field needs one now
/// (`required`, or its `requiredIf` holds).
pub(super) fn check(required: bool) -> Option<Violation> {
    required.then_some(Violation::Required)
}

#[cfg(test)]
mod tests {
    use crate::validation::testing::{text_cases, verdict};
    use crate::value::Answer;

    #[test]
    fn cases() {
        let required = r#"{"id": "f", "type": "text", "label": "F", "required": true}"#;
        text_cases(required, &[("", Some("required")), ("  \t\n", Some("required")), ("Müller", None)]);
        text_cases(r#"{"id": "f", "type": "text", "label": "F"}"#, &[("", None)]);
        let consent = r#"{"id": "f", "type": "checkbox", "label": "Ich stimme zu", "required": true}"#;
        assert_eq!(verdict(consent, &[("f", Answer::Flag(false))]), Some("required"));
        assert_eq!(verdict(consent, &[("f", Answer::Flag(true))]), None);
        assert_eq!(verdict(consent, &[]), Some("required"));
    }
}
