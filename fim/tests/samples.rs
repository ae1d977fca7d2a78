//! The two samples in ../shared/fim: each import equals its committed fixture in tests/fixtures
//! (run with `UPDATE_EXPECT=1` to rewrite them), loads, and holds every data field of the
//! schema exactly once, by FIM id. The browser test (tests/e2e/fim.test.mjs) completes the
//! Blaue Karte fixture and sends it to the receiver.

use formlotse_fim::{CodeLists, NoteKind, import};
use serde_json::Value;
use std::path::{Path, PathBuf};

fn repository() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// (sample in ../shared/fim, fixture in tests/fixtures, with our test code lists)
const SAMPLES: &[(&str, &str, bool)] = &[
    ("xdf2-S00000121-blaue-karte.excerpt.xml", "fim-blaue-karte.json", true),
    ("xdf3-G60000000088-anschrift-inland.fixture.xml", "fim-anschrift-inland.json", false),
];

fn sample(file: &str) -> String {
    let path = repository().join("../shared/fim").join(file);
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (CI keeps ../shared beside the clone)", path.display()))
}

fn code_lists(with: bool) -> CodeLists {
    if with {
        CodeLists::load_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/codelists"))
            .expect("code lists")
    } else {
        CodeLists::new()
    }
}

#[test]
fn the_samples_import_as_their_fixtures() {
    for (schema, fixture, with_lists) in SAMPLES {
        let imported =
            import(&sample(schema), &code_lists(*with_lists)).unwrap_or_else(|e| panic!("{schema}: {e}"));
        let path = repository().join("tests/fixtures").join(fixture);
        if std::env::var_os("UPDATE_EXPECT").is_some() {
            std::fs::write(&path, &imported.json).expect("write fixture");
        }
        let expected = std::fs::read_to_string(&path).unwrap_or_default();
        assert_eq!(imported.json, expected, "{fixture} changed (UPDATE_EXPECT=1 rewrites)");
        formlotse_core::load(&expected).unwrap_or_else(|d| panic!("{fixture} loads: {d:?}"));
    }
}

/// The FIM ids of the schema's `datenfeld` elements, in document order.
fn schema_fields(xml: &str) -> Vec<String> {
    let document = roxmltree::Document::parse(xml).expect("XML");
    document
        .descendants()
        .filter(|n| n.tag_name().name() == "datenfeld")
        .filter_map(|field| {
            let identification = field.children().find(|c| c.tag_name().name() == "identifikation")?;
            identification.children().find(|c| c.tag_name().name() == "id")?.text().map(str::to_owned)
        })
        .collect()
}

/// The FIM ids of the definition's fields and text blocks (whose `fim` is a field: `F…`).
fn definition_fields(value: &Value, into: &mut Vec<String>) {
    if let Some(id) = value.get("fim").and_then(|fim| fim["id"].as_str())
        && id.starts_with('F')
        && value.get("steps").is_none()
    {
        into.push(id.to_owned());
    }
    for key in ["steps", "fields"] {
        for child in value.get(key).and_then(Value::as_array).into_iter().flatten() {
            definition_fields(child, into);
        }
    }
}

#[test]
fn every_data_field_is_in_the_definition_exactly_once() {
    for (schema, _, with_lists) in SAMPLES {
        let xml = sample(schema);
        let imported = import(&xml, &code_lists(*with_lists)).expect("imports");
        let mut mapped = Vec::new();
        definition_fields(&serde_json::from_str(&imported.json).expect("JSON"), &mut mapped);
        let expected = schema_fields(&xml);
        assert_eq!(mapped, expected, "{schema}: one definition field per data field, in order");
        assert!(!expected.is_empty());
        // Nothing was left out (a hidden field would be, and said so).
        assert_eq!(imported.report.of(NoteKind::Dropped).count(), 0, "{schema}");
        assert_eq!(imported.report.stats.fields + imported.report.stats.texts, expected.len());
    }
}

#[test]
fn the_reports_of_the_samples() {
    let render = |schema: &str, with: bool| {
        import(&sample(schema), &code_lists(with)).expect("imports").report.render(schema)
    };
    let blaue_karte = render(SAMPLES[0].0, true);
    assert_eq!(
        blaue_karte,
        "xdf2-S00000121-blaue-karte.excerpt.xml:10: code list urn:de:bund:destatis:bevoelkerungsstatistik:schluessel:staatsangehoerigkeit version 2017-01-01 of F00000039 is not among the 3 code lists given (--codelists): imported as a text field [code_list]\n\
         imported S00000121 1.0 (XDatenfelder 2.0): 1 step, 0 groups, 0 repeatable groups, 11 fields, 0 texts, 0 rules, 1 code list; 1 note needs an author (1 code_list)\n"
    );
    let anschrift = render(SAMPLES[1].0, false);
    let lines: Vec<&str> = anschrift.lines().collect();
    assert_eq!(lines.len(), 4, "{anschrift}");
    assert!(
        lines[0].starts_with("xdf3-G60000000088-anschrift-inland.fixture.xml:49: rule R60000000019"),
        "{anschrift}"
    );
    assert!(
        lines[0].contains("names G60000086 (not in this schema), G60000087 (not in this schema)"),
        "{anschrift}"
    );
    assert!(lines[1].contains(":78: group G60000000086 (Straßenanschrift) is optional (0:1)"), "{anschrift}");
    assert!(
        lines[2].contains(":145: rule R60000000019") && lines[2].contains("on field F60000000243 (Straße)"),
        "{anschrift}"
    );
    assert_eq!(
        lines[3],
        "imported G60000000088 1.2.0 (XDatenfelder 3.0): 1 step, 0 groups, 0 repeatable groups, 1 field, 0 texts, 2 rules, 0 code lists; 3 notes need an author (2 rule, 1 optional)"
    );
}

/// Cut and altered samples: never a panic; either an error or a definition that loads
/// (`import` checks that itself, and fails as a bug otherwise).
#[test]
fn cut_and_altered_samples_import_or_fail_cleanly() {
    let lists = code_lists(true);
    for (schema, ..) in SAMPLES {
        let xml = sample(schema);
        let cuts = (0..xml.len()).step_by(251).filter(|at| xml.is_char_boundary(*at));
        for at in cuts {
            if let Err(error) = import(&xml[..at], &lists) {
                assert_ne!(
                    error.kind,
                    formlotse_fim::ImportErrorKind::Internal,
                    "{schema} cut at {at}: {error}"
                );
            }
        }
        let alterations: &[(&str, &str)] = &[
            ("1:1", "3:n"),
            ("0:1", "0:0"),
            ("<code>input</code>", "<code>hidden</code>"),
            ("<code>text</code>", "<code>num_currency</code>"),
            ("<code>file</code>", "<code>bool</code>"),
            ("minLength", "maxLength"),
            ("F000", "G000"),
            ("G6000", "F6000"),
            ("datenfeldgruppe>", "datenfeld>"),
        ];
        for (from, to) in alterations {
            let altered = xml.replace(from, to);
            if let Err(error) = import(&altered, &lists) {
                assert_ne!(
                    error.kind,
                    formlotse_fim::ImportErrorKind::Internal,
                    "{schema} with {from} → {to}: {error}"
                );
            }
        }
    }
}
