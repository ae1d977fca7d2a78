//! Lists that are kept by hand in more than one place, held together: each test fails when one
//! side gains or loses an entry the other does not.

use crate::definition::{ContentKind, FieldKind};
use crate::expr::{ExprError, FUNCTIONS, Type, TypeErrorKind};
use crate::validation::{PAYLOAD_PROBLEM_CODES, PayloadProblem, VIOLATION_CODES, Violation};
use crate::{Date, format, load};

const DOCS: &str = include_str!("../../../docs/definition-format.md");

#[test]
fn content_kinds_match_the_format() {
    let names: Vec<&str> = ContentKind::ALL.iter().map(|(name, _)| *name).collect();
    assert_eq!(names, format::CONTENT_TYPES);
}

/// One of every violation. The match below has no wildcard: a new variant does not compile
/// until it is added here, and then its code must be listed (or be one of a server's own).
pub(crate) fn every_violation() -> Vec<Violation> {
    let date = Date::from_days(0).unwrap_or_else(|| unreachable!());
    let all = vec![
        Violation::Required,
        Violation::MinLength { min: 1 },
        Violation::MaxLength { max: 1, actual: 2 },
        Violation::ControlCharacters,
        Violation::NotANumber,
        Violation::NumberTooLong,
        Violation::TooManyDecimals { max: 0 },
        Violation::Min { min: "1".into() },
        Violation::Max { max: "1".into() },
        Violation::DateIncomplete,
        Violation::DateYear,
        Violation::InvalidDate,
        Violation::DateMin { min: date },
        Violation::DateMax { max: date },
        Violation::Pattern,
        Violation::Email,
        Violation::Iban,
        Violation::PostalCode,
        Violation::Phone,
        Violation::UnknownOption,
        Violation::MinSelected { min: 1 },
        Violation::MaxSelected { max: 1 },
        Violation::FileType { name: "a".into() },
        Violation::FileSize { name: "a".into(), max: 1 },
        Violation::FileCount { max: 1 },
        Violation::After { other: "a".into() },
        Violation::Equals { other: "a".into() },
        Violation::Calculation,
        Violation::WrongType { expected: "number" },
        Violation::ItemCount { min: 0, max: 1 },
        Violation::NotAsked,
        Violation::Calculated,
        Violation::MoreErrors { count: 1 },
        Violation::Reported { message: "m".into() },
    ];
    for violation in &all {
        match violation {
            Violation::Required
            | Violation::MinLength { .. }
            | Violation::MaxLength { .. }
            | Violation::ControlCharacters
            | Violation::NotANumber
            | Violation::NumberTooLong
            | Violation::TooManyDecimals { .. }
            | Violation::Min { .. }
            | Violation::Max { .. }
            | Violation::DateIncomplete
            | Violation::DateYear
            | Violation::InvalidDate
            | Violation::DateMin { .. }
            | Violation::DateMax { .. }
            | Violation::Pattern
            | Violation::Email
            | Violation::Iban
            | Violation::PostalCode
            | Violation::Phone
            | Violation::UnknownOption
            | Violation::MinSelected { .. }
            | Violation::MaxSelected { .. }
            | Violation::FileType { .. }
            | Violation::FileSize { .. }
            | Violation::FileCount { .. }
            | Violation::After { .. }
            | Violation::Equals { .. }
            | Violation::Calculation
            | Violation::WrongType { .. }
            | Violation::ItemCount { .. }
            | Violation::NotAsked
            | Violation::Calculated
            | Violation::MoreErrors { .. }
            | Violation::Reported { .. } => {}
        }
    }
    all
}

/// Codes only a server's check or a receiver produces: an author cannot word them.
const SERVER_ONLY: &[&str] = &["type", "itemCount", "notAsked", "calculated", "moreErrors", "reported"];

#[test]
fn violation_codes_match_the_list_authors_use_and_the_docs() {
    let codes: Vec<&str> = every_violation().iter().map(Violation::code).collect();
    let listed: Vec<&str> = codes.iter().copied().filter(|code| !SERVER_ONLY.contains(code)).collect();
    assert_eq!(listed, VIOLATION_CODES, "VIOLATION_CODES and Violation::code() drifted apart");
    for code in VIOLATION_CODES {
        assert!(DOCS.contains(&format!("`{code}`")), "docs/definition-format.md does not name {code}");
    }
    for code in &codes {
        assert!(
            DOCS.contains(&format!("`{code}`")) || SERVER_ONLY.contains(code),
            "docs/definition-format.md does not name {code}"
        );
    }
}

/// Every violation has words in the built-in German catalog (a missing key would show the
/// key itself, `error.calculation`, to a citizen), for every kind of field that refines it.
#[test]
fn every_violation_has_german_words() {
    let kinds = ["text", "select", "checkbox", "checkboxes", "file", "date", "number", "calculated"];
    for kind in kinds {
        let extra = match kind {
            "select" => r#", "options": [{"value": "a", "label": "A"}]"#,
            "checkboxes" => r#", "options": [{"value": "a", "label": "A"}]"#,
            "calculated" => r#", "expression": "1""#,
            _ => "",
        };
        let source = format!(
            r#"{{"formlotse": 1, "id": "t", "title": "T", "steps": [{{"id": "s", "title": "S", "fields": [
                {{"id": "a", "type": "{kind}", "label": "Feld"{extra}}}]}}]}}"#
        );
        let definition = load(&source).unwrap_or_else(|d| panic!("{kind}: {d:?}")); // ok: test
        let field = definition.field("a").unwrap_or_else(|| unreachable!());
        for violation in every_violation() {
            let words = crate::messages::for_field(
                &definition,
                field,
                &violation,
                crate::Lang::De,
                &crate::catalog::Catalog::german(),
            );
            assert!(!words.contains("error."), "{kind}, {}: {words}", violation.code());
        }
    }
}

#[test]
fn payload_problem_codes_are_listed_and_documented() {
    let every = [
        PayloadProblem::NotJson { expected: "a value", offset: 0 },
        PayloadProblem::TooDeep { offset: 0 },
        PayloadProblem::DuplicateKey { pointer: "/a".into() },
        PayloadProblem::Shape,
        PayloadProblem::OtherForm { found: "x".into() },
        PayloadProblem::UnknownField { field: "x".into(), count: 2 },
    ];
    let codes: Vec<&str> = every.iter().map(PayloadProblem::code).collect();
    assert_eq!(codes, PAYLOAD_PROBLEM_CODES);
    let demo_docs = include_str!("../../../docs/demo-server.md");
    for code in PAYLOAD_PROBLEM_CODES {
        assert!(demo_docs.contains(&format!("`{code}`")), "docs/demo-server.md does not name {code}");
    }
    // Each has its words (`problem.CODE`), none of them the bare key.
    let german = crate::catalog::Catalog::german();
    for problem in &every {
        let text = crate::messages::payload_problem(problem, &german);
        assert!(!text.starts_with("problem.") && !text.contains('{'), "{text}");
    }
}

/// Every field type the format lists loads as the kind of that name, and back.
#[test]
fn field_kinds_match_the_format() {
    for kind in format::KINDS {
        let extra = match kind.name {
            "select" | "radio" | "checkboxes" => r#", "options": [{"value": "a", "label": "A"}]"#,
            "calculated" => r#", "expression": "1 + 1""#,
            _ => "",
        };
        let source = format!(
            r#"{{"formlotse": 1, "id": "f", "title": "F", "steps": [{{"id": "s", "title": "S", "fields": [
                {{"id": "x", "type": "{}", "label": "X"{extra}}}]}}]}}"#,
            kind.name
        );
        let definition = load(&source).unwrap_or_else(|errors| panic!("{}: {errors:?}", kind.name)); // ok: test
        let field = definition.field("x").unwrap_or_else(|| unreachable!());
        assert_eq!(field.kind.name(), kind.name);
        assert!(
            DOCS.contains(&format!("`{}`", kind.name)),
            "docs/definition-format.md does not name {}",
            kind.name
        );
    }
    // No wildcard: a new kind does not compile until it is counted here (and added to KINDS).
    let arm = |kind: &FieldKind| match kind {
        FieldKind::Text
        | FieldKind::Textarea
        | FieldKind::Number { .. }
        | FieldKind::Money
        | FieldKind::Email
        | FieldKind::Phone
        | FieldKind::Date
        | FieldKind::Select(_)
        | FieldKind::Radio(_)
        | FieldKind::Checkbox
        | FieldKind::Checkboxes(_)
        | FieldKind::YesNo
        | FieldKind::Iban
        | FieldKind::PostalCode
        | FieldKind::File(_)
        | FieldKind::Calculated(_) => 1,
    };
    assert_eq!(arm(&FieldKind::Text), 1);
    assert_eq!(format::KINDS.len(), 16, "the match above has 16 arms");
}

/// Every function the checker knows is in FUNCTIONS, in the docs and in the module's docs; a
/// name that is not is unknown to the checker.
#[test]
fn expression_functions_match_the_checker_and_the_docs() {
    let expr_docs = include_str!("expr/mod.rs");
    for name in FUNCTIONS {
        let error = crate::expr::Expr::compile(&format!("{name}(1, 2, 3, 4)"), &|_| None, None).err();
        let unknown = matches!(
            error,
            Some(ExprError::Type(crate::expr::TypeError { kind: TypeErrorKind::UnknownFunction(_), .. }))
        );
        assert!(!unknown, "the checker does not know {name}");
        assert!(DOCS.contains(&format!("`{name}(")), "docs/definition-format.md does not name {name}");
        assert!(expr_docs.contains(&format!("`{name}(")), "expr/mod.rs does not name {name}");
    }
    let error = crate::expr::Expr::compile("median(1)", &|_| Some(Type::Number), None).err();
    assert!(matches!(
        error,
        Some(ExprError::Type(crate::expr::TypeError { kind: TypeErrorKind::UnknownFunction(_), .. }))
    ));
}
