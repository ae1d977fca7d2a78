//! Numbers as typed, written again for another language. An answer is kept as the citizen typed
//! it and read in the language shown, so "1.200" typed in German (1200) would read as 1.2 once
//! the citizen switches to English. When the language changes, or a draft typed in one language
//! is restored in another, each number is read in the language it was typed in and written as
//! the new one writes it ("1,200"): a language switch never changes what was meant.

use crate::answers::Answers;
use crate::definition::{Definition, FieldKind};
use crate::lang::Lang;
use crate::value::{Answer, Decimal};

/// Rewrites the number and money answers of `answers`, typed in `from`, as `to` writes them
/// ("12,50" becomes "12.5": the value, not the zeros, is what the citizen meant). Text that is
/// no number in `from` stays as typed (its error shows in either language).
pub fn retype(answers: &mut Answers, definition: &Definition, from: Lang, to: Lang) {
    if from.separators() == to.separators() {
        return;
    }
    for (path, answer) in answers.iter_mut() {
        let kind = definition.field_at(path).map(|(field, _)| &field.kind);
        if let (Some(FieldKind::Number { .. } | FieldKind::Money), Answer::Text(text)) = (kind, &mut *answer)
            && let Ok(number) = Decimal::parse_input(text, from)
        {
            *text = crate::messages::number(&number.to_string(), to);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FORM: &str = r#"{"formlotse": 1, "id": "f", "title": "F", "steps": [{"id": "s", "title": "S", "fields": [
        {"id": "wert", "type": "money", "label": "Wert"},
        {"id": "flaeche", "type": "number", "label": "Fläche", "decimals": 2},
        {"id": "name", "type": "text", "label": "Name"}]}]}"#;

    #[test]
    fn a_number_keeps_its_value_in_another_language() {
        let definition = crate::load(FORM).expect("a form"); // ok: test
        let (de, en, ar, uk) = (Lang::De, Lang::En, Lang::from_tag("ar"), Lang::from_tag("uk"));
        for (typed, from, to, written) in [
            ("1.200", de, en, "1,200"),
            ("1.234,5", de, en, "1,234.5"),
            ("12,50", de, en, "12.5"),
            ("-0,5", de, ar, "-0.5"),
            ("1,200", en, de, "1.200"),
            ("1234.56", en, uk, "1.234,56"),
            ("١٬٢٠٠٫٥", ar, de, "1.200,5"),
            ("1.5", de, en, "1.5"),
            ("1.200", de, uk, "1.200"),
            ("zwölf", de, en, "zwölf"),
            ("", de, en, ""),
        ] {
            for field in ["wert", "flaeche"] {
                let mut answers = Answers::default();
                answers.set(field, Answer::Text(typed.into()));
                answers.set("name", Answer::Text("1.200".into()));
                retype(&mut answers, &definition, from, to);
                assert_eq!(answers.text(field), written, "{field}: {typed} from {from:?} to {to:?}");
                assert_eq!(answers.text("name"), "1.200", "a text field is not a number");
                let before = Decimal::parse_input(typed, from);
                assert_eq!(Decimal::parse_input(answers.text(field), to), before, "{typed}: the same value");
            }
        }
    }
}
