//! `"required": true` — the field needs an answer.
//!
//! ```json
//! {"id": "nachname", "type": "text", "label": "Nachname", "required": true}
//! ```

use super::Violation;
use crate::definition::Field;

/// An answer of only white space counts as empty: it says nothing.
pub(super) fn check(field: &Field, value: &str) -> Option<Violation> {
    (field.required && value.trim().is_empty()).then_some(Violation::Required)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validation::text_field;

    #[test]
    fn cases() {
        for (required, value, fails) in [
            (true, "", true),
            (true, "  \t\n", true),
            (true, "Müller", false),
            (true, " x ", false),
            (false, "", false),
        ] {
            assert_eq!(check(&text_field(required, None), value).is_some(), fails, "{required} {value:?}");
        }
    }
}
