//! Case-table helpers for the rule tests: a field from a JSON snippet, an answer in, a code out.

use crate::answers::Answers;
use crate::definition::Definition;
use crate::lang::Lang;
use crate::validation::{Context, resolve, validate_field};
use crate::value::{Answer, Date};

/// The day the tests fill in forms.
pub(crate) fn today() -> Date {
    Date::new(2026, 11, 28).unwrap_or_else(|| unreachable!())
}

/// A one-step form holding `fields` (JSON objects, comma-separated).
pub(crate) fn form(fields: &str) -> Definition {
    let source = format!(
        r#"{{"formlotse": 1, "id": "t", "title": "T", "codeLists": {{"farben": [{{"value": "rot", "label": "Rot"}}]}},
            "steps": [{{"id": "s", "title": "S", "fields": [{fields}]}}]}}"#
    );
    match crate::load(&source) {
        Ok(definition) => definition,
        Err(diagnostics) => panic!("test form does not load: {diagnostics:#?}"), // ok: test
    }
}

/// The violation code of the first field of `fields` given `answers` (field id, answer).
pub(crate) fn verdict(fields: &str, answers: &[(&str, Answer)]) -> Option<&'static str> {
    let definition = form(fields);
    let mut all = Answers::default();
    for (id, answer) in answers {
        all.set(id, answer.clone());
    }
    let resolved = resolve(&definition, &all, Context { lang: Lang::De, today: today() });
    let field = definition.fields().next()?;
    validate_field(field, &resolved).map(|v| v.code())
}

/// Runs a table of (typed text, expected code) against one field.
pub(crate) fn text_cases(field: &str, cases: &[(&str, Option<&str>)]) {
    for (text, expected) in cases {
        let got = verdict(field, &[("f", Answer::Text((*text).to_owned()))]);
        assert_eq!(got, *expected, "field {field} with {text:?}");
    }
}
