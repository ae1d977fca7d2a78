//! Options: genericode lists by canonical URI and version (XDF2 and XDF3, with XDF3's column
//! keys), XDF3 inline values; radio up to seven options, select beyond, checkboxes for a
//! field asked several times; a missing list is a text field and a note.

use crate::support::{field, group, import, item, kinds, notes, st, xdf2, xdf3};
use formlotse_fim::NoteKind;
use serde_json::json;

fn reference2(uri: &str, version: &str) -> String {
    format!(
        "<xdf:codelisteReferenz><xdf:identifikation><xdf:id>C1</xdf:id></xdf:identifikation><xdf:genericodeIdentification>\
         <xdf:canonicalIdentification>{uri}</xdf:canonicalIdentification><xdf:version>{version}</xdf:version>\
         </xdf:genericodeIdentification></xdf:codelisteReferenz>"
    )
}

fn reference3(uri: &str, version: &str, keys: &str) -> String {
    format!(
        "<xdf:codelisteReferenz><xdf:canonicalIdentification>{uri}</xdf:canonicalIdentification>\
         <xdf:version>{version}</xdf:version></xdf:codelisteReferenz>{keys}"
    )
}

fn in_step(xml: fn(&str) -> String, anzahl: &str, field_xml: &str) -> String {
    xml(&st("1:1", &group("G1", "Schritt", &st(anzahl, field_xml))))
}

#[test]
fn code_lists_become_options() {
    const GESCHLECHT: &str = "urn:xpersonenstand:schluesseltabelle:geschlecht";
    const FARBE: &str = "urn:example:formlotse-test:augenfarbe";
    const ANTWORT: &str = "urn:example:formlotse-test:antwort";
    // (schema, type, options key, first option, count, notes)
    type Case = (String, &'static str, &'static str, serde_json::Value, usize, Vec<&'static str>);
    let cases: Vec<Case> = vec![
        // Four codes: radio.
        (
            in_step(xdf2, "1:1", &field("F1", "select", "text", &reference2(GESCHLECHT, "2"))),
            "radio",
            "geschlecht_2",
            json!({"value": "m", "label": "männlich"}),
            4,
            vec![],
        ),
        // Nine codes: select; the help column is not used without helpKey.
        (
            in_step(xdf2, "1:1", &field("F1", "select", "text", &reference2(FARBE, "1"))),
            "select",
            "augenfarbe_1",
            json!({"value": "01", "label": "blau"}),
            9,
            vec![],
        ),
        // XDF3 with helpKey: the hint; values given by position are read.
        (
            in_step(
                xdf3,
                "1:1",
                &field("F1", "select", "text", &reference3(FARBE, "1", "<xdf:helpKey>Hinweis</xdf:helpKey>")),
            ),
            "select",
            "augenfarbe_1",
            json!({"value": "01", "label": "blau", "hint": "Iris überwiegend blau"}),
            9,
            vec![],
        ),
        // XDF3 codeKey/nameKey choose the columns; a code twice is kept once.
        (
            in_step(
                xdf3,
                "1:1",
                &field(
                    "F1",
                    "select",
                    "text",
                    &reference3(
                        ANTWORT,
                        "2024-01-01",
                        "<xdf:codeKey>schluessel</xdf:codeKey><xdf:nameKey>name</xdf:nameKey>",
                    ),
                ),
            ),
            "radio",
            "antwort_2024-01-01_schluessel_name",
            json!({"value": "ja", "label": "Ja"}),
            2,
            vec!["code_list"],
        ),
        // Asked up to two times: checkboxes.
        (
            in_step(xdf2, "0:2", &field("F1", "select", "text", &reference2(GESCHLECHT, "2"))),
            "checkboxes",
            "geschlecht_2",
            json!({"value": "m", "label": "männlich"}),
            4,
            vec![],
        ),
    ];
    for (xml, kind, list, first, count, expected) in cases {
        let (definition, report) = import(&xml);
        let f = item(&definition, "F1");
        assert_eq!(f["type"], kind, "{list}");
        assert_eq!(f["options"], list);
        let options = definition["codeLists"][list].as_array().expect("the list is in codeLists");
        assert_eq!((&options[0], options.len()), (&first, count), "{list}");
        assert_eq!(kinds(&report), expected, "{list}");
        assert_eq!(report.stats.code_lists, 1);
    }
    let (definition, _) =
        import(&in_step(xdf2, "0:2", &field("F1", "select", "text", &reference2(GESCHLECHT, "2"))));
    assert_eq!(item(&definition, "F1")["maxSelected"], 2);
}

#[test]
fn a_missing_code_list_makes_a_text_field_and_a_note() {
    // (reference, what the note says)
    type Case = (fn(&str) -> String, String, &'static str);
    let cases: [Case; 5] = [
        (xdf2, reference2("urn:example:nirgends", "1"), "not among the 3 code lists given"),
        (xdf2, reference2("urn:example:formlotse-test:augenfarbe", "2"), "not found (there is version 1)"),
        (
            xdf3,
            reference3("urn:example:formlotse-test:augenfarbe", "1", "<xdf:nameKey>Farbe</xdf:nameKey>"),
            "has no column \"Farbe\"",
        ),
        (xdf3, String::new(), "or values: imported"),
        // An XDF2 reference in an XDF3 schema has no canonicalIdentification where XDF3 has it.
        (xdf3, reference2("urn:xpersonenstand:schluesseltabelle:geschlecht", "2"), "names no code list"),
    ];
    for (xml, reference, says) in cases {
        let (definition, report) = import(&in_step(xml, "1:1", &field("F1", "select", "text", &reference)));
        assert_eq!(item(&definition, "F1")["type"], "text", "{says}");
        assert_eq!(item(&definition, "F1")["required"], true);
        let code_list = notes(&report, NoteKind::CodeList);
        assert!(
            code_list.len() == 1 && code_list[0].contains(says) && code_list[0].contains("text field"),
            "{code_list:?}"
        );
    }
}

#[test]
fn xdf3_inline_values_become_inline_options() {
    let werte = "<xdf:werte><xdf:wert><xdf:code>A</xdf:code><xdf:name>Antrag</xdf:name><xdf:hilfe>Erstmals</xdf:hilfe></xdf:wert>\
                 <xdf:wert><xdf:code>V</xdf:code><xdf:name>Verlängerung</xdf:name></xdf:wert></xdf:werte>";
    let (definition, report) = import(&in_step(xdf3, "1:1", &field("F1", "select", "text", werte)));
    let f = item(&definition, "F1");
    assert_eq!(f["type"], "radio");
    assert_eq!(
        f["options"],
        json!([{"value": "A", "label": "Antrag", "hint": "Erstmals"}, {"value": "V", "label": "Verlängerung"}])
    );
    assert!(definition.get("codeLists").is_none());
    assert!(report.notes.is_empty());
}

#[test]
fn a_code_list_used_twice_is_written_once() {
    let reference = reference2("urn:xpersonenstand:schluesseltabelle:geschlecht", "2");
    let fields = [
        st("1:1", &field("F1", "select", "text", &reference)),
        st("1:1", &field("F2", "select", "text", &reference)),
    ]
    .concat();
    let (definition, report) = import(&xdf2(&st("1:1", &group("G1", "S", &fields))));
    assert_eq!(definition["codeLists"].as_object().unwrap().len(), 1);
    assert_eq!(item(&definition, "F2")["options"], "geschlecht_2");
    assert_eq!(report.stats.code_lists, 1);
}
