//! Loader cases: a definition in, the diagnostics out as `line:column pointer code`.

use super::load;
use crate::definition::{FieldKind, Text};

/// Loads `source` and renders its diagnostics one per line, or `ok`.
fn report(source: &str) -> String {
    match load(source) {
        Ok(_) => "ok".to_owned(),
        Err(diagnostics) => diagnostics
            .iter()
            .map(|d| {
                let at = d.position.map_or("-".to_owned(), |p| format!("{}:{}", p.line, p.column));
                format!("{at} {} {}", d.pointer, d.problem.code())
            })
            .collect::<Vec<_>>()
            .join("\n"),
    }
}

const MINIMAL: &str = r#"{
  "formlotse": 1,
  "id": "hund",
  "title": "Hund anmelden",
  "steps": [
    {"id": "halter", "title": "Halter", "fields": [
      {"id": "vorname", "type": "text", "label": "Vorname", "required": true, "maxLength": 50}
    ]}
  ]
}"#;

#[test]
fn minimal_definition_loads() {
    let definition = load(MINIMAL).expect("minimal definition loads"); // ok: test
    assert_eq!(definition.id, "hund");
    assert_eq!(definition.title, Text::Plain("Hund anmelden".into()));
    let field = definition.field("vorname").expect("field exists"); // ok: test
    assert_eq!(field.kind, FieldKind::Text);
    assert!(field.required);
    assert_eq!(field.rules.max_length, Some(50));
}

#[test]
fn broken_definitions() {
    let cases: &[(&str, &str, &str)] = &[
        ("not json", "{\"formlotse\": 1,\n  \"id\": }", "2:9  json_syntax"),
        ("empty input", "", "1:1  json_syntax"),
        ("not an object", "[1]", "1:1  wrong_type"),
        (
            "everything missing",
            "{}",
            "1:1  missing_key\n1:1  missing_key\n1:1  missing_key\n1:1  missing_key",
        ),
        (
            "future format",
            r#"{"formlotse": 2, "id": "a", "title": "A", "steps": [{"id": "s", "title": "S", "fields": [{"id": "f", "type": "text", "label": "F"}]}]}"#,
            "1:15 /formlotse unsupported_format",
        ),
        (
            "unknown field type and typo'd key",
            "{\"formlotse\": 1, \"id\": \"a\", \"title\": \"A\", \"steps\": [{\"id\": \"s\", \"title\": \"S\", \"fields\": [\n  {\"id\": \"f\", \"type\": \"signature\", \"lable\": \"F\"}]}]}",
            "2:3 /steps/0/fields/0 missing_key\n2:23 /steps/0/fields/0/type unknown_field_type\n2:36 /steps/0/fields/0/lable unknown_key",
        ),
        (
            "duplicate field ids across steps",
            r#"{"formlotse": 1, "id": "a", "title": "A", "steps": [
 {"id": "s1", "title": "S", "fields": [{"id": "f", "type": "text", "label": "F"}]},
 {"id": "s2", "title": "S", "fields": [{"id": "f", "type": "text", "label": "F"}]}]}"#,
            "3:47 /steps/1/fields/0/id duplicate_id",
        ),
        (
            "bad id, empty steps",
            r#"{"formlotse": 1, "id": "a b", "title": "A", "steps": []}"#,
            "1:24 /id invalid_id\n1:54 /steps empty",
        ),
        (
            "wrong types",
            r#"{"formlotse": 1, "id": "a", "title": 5, "steps": [{"id": "s", "title": {"de": 1}, "fields": [{"id": "f", "type": "text", "label": "", "required": "yes", "maxLength": 0}]}]}"#,
            "1:38 /title wrong_type\n1:79 /steps/0/title/de wrong_type\n1:131 /steps/0/fields/0/label empty\n1:147 /steps/0/fields/0/required wrong_type\n1:167 /steps/0/fields/0/maxLength out_of_range",
        ),
    ];
    for (name, source, expected) in cases {
        assert_eq!(report(source), *expected, "case: {name}");
    }
}

#[test]
fn localized_texts() {
    let source = MINIMAL.replace("\"Hund anmelden\"", r#"{"de": "Hund anmelden", "en": "Register a dog"}"#);
    let definition = load(&source).expect("loads"); // ok: test
    assert_eq!(definition.title.get(crate::Lang::En), "Register a dog");
    assert_eq!(definition.title.get(crate::Lang::De), "Hund anmelden");
}

#[test]
fn deep_nesting_is_an_error_not_a_crash() {
    let source = "[".repeat(100_000);
    assert!(report(&source).ends_with("json_syntax"));
}

#[test]
fn fim_ids_are_kept_on_form_steps_groups_fields_and_content() {
    let source = r#"{"formlotse": 1, "id": "S00000121", "title": "A", "fim": {"id": "S00000121", "version": "1.0"},
      "steps": [{"id": "G1", "title": "S", "fim": {"id": "G1"}, "fields": [
        {"type": "info", "text": "Regel", "fim": {"id": "R1", "version": "1.2.0"}},
        {"type": "group", "id": "G2", "legend": "L", "fim": {"id": "G2", "version": "1.0"}, "fields": [
          {"id": "F1", "type": "text", "label": "F", "fim": {"id": "F1", "version": "1.0"}}]},
        {"type": "repeat", "id": "G3", "legend": "L", "itemLabel": "L {n}", "fim": {"id": "G3"}, "fields": [
          {"id": "F2", "type": "text", "label": "F"}]}]}]}"#;
    let definition = load(source).expect("loads"); // ok: test
    let fim = |id: &str, version: Option<&str>| {
        Some(crate::definition::FimRef { id: id.into(), version: version.map(Into::into) })
    };
    assert_eq!(definition.fim, fim("S00000121", Some("1.0")));
    assert_eq!(definition.steps[0].fim, fim("G1", None));
    assert_eq!(definition.field("F1").and_then(|f| f.fim.clone()), fim("F1", Some("1.0")));
    assert_eq!(definition.repeats().next().and_then(|r| r.fim.clone()), fim("G3", None));
    let broken =
        source.replace(r#""fim": {"id": "F1", "version": "1.0"}"#, r#""fim": {"version": 1, "ids": "F1"}"#);
    assert_eq!(
        report(&broken),
        "5:61 /steps/0/fields/1/fields/0/fim missing_key\n5:73 /steps/0/fields/1/fields/0/fim/version wrong_type\n5:76 /steps/0/fields/1/fields/0/fim/ids unknown_key"
    );
}
