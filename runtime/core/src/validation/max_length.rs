//! `"maxLength": n` — at most n characters.
//!
//! ```json
//! {"id": "vorname", "type": "text", "label": "Vorname", "maxLength": 50}
//! ```
//!
//! Counts Unicode scalar values, as the citizen counts letters: "Jürgen" is 6, not 7 bytes.

use super::Violation;
use crate::definition::Field;

pub(super) fn check(field: &Field, value: &str) -> Option<Violation> {
    let max = field.max_length?;
    let actual = value.chars().count();
    (actual > max as usize).then_some(Violation::MaxLength { max, actual })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validation::text_field;

    #[test]
    fn cases() {
        for (max, value, fails) in [
            (Some(6), "Jürgen", false),
            (Some(5), "Jürgen", true),
            (Some(1), "", false),
            (Some(2), "😀😀", false),
            (Some(2), "😀😀😀", true),
            (None, "beliebig lang", false),
        ] {
            assert_eq!(check(&text_field(false, max), value).is_some(), fails, "{max:?} {value:?}");
        }
    }
}
