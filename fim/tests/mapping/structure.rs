//! Structure: steps, groups, repeatable groups, flattening, optional groups, ids by path.

use crate::support::{field, group, import, item, kinds, notes, st, types, xdf3};
use formlotse_fim::NoteKind;
use serde_json::json;

fn text(id: &str) -> String {
    field(id, "input", "text", "")
}

#[test]
fn top_level_groups_become_steps_and_loose_fields_share_one() {
    let xml = xdf3(
        &[
            st("1:1", &text("F1")),
            st("1:1", &text("F2")),
            st("1:1", &group("G1", "Erste Gruppe", &st("1:1", &text("F3")))),
            st("1:1", &text("F4")),
            st(
                "1:1",
                &group("G2", "Zweite Gruppe", &st("1:1", &group("G3", "Innen", &st("1:1", &text("F5"))))),
            ),
        ]
        .concat(),
    );
    let (definition, report) = import(&xml);
    let steps: Vec<(&str, &str)> = definition["steps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| (s["id"].as_str().unwrap(), s["title"].as_str().unwrap()))
        .collect();
    assert_eq!(
        steps,
        [
            ("angaben", "Testantrag"),
            ("G1", "Erste Gruppe"),
            ("angaben-2", "Testantrag"),
            ("G2", "Zweite Gruppe")
        ]
    );
    assert_eq!(item(&definition, "G1")["fim"], json!({"id": "G1", "version": "1.0"}));
    let inner = item(&definition, "G3");
    assert_eq!((inner["type"].as_str(), inner["legend"].as_str()), (Some("group"), Some("Innen")));
    assert_eq!(types(inner), ["text"]);
    assert_eq!(definition["fim"], json!({"id": "S1", "version": "1.0"}));
    assert_eq!(kinds(&report), Vec::<&str>::new());
    assert_eq!((report.stats.steps, report.stats.groups, report.stats.fields), (4, 1, 5));
}

#[test]
fn multiplicities_above_one_become_repeatable_groups() {
    // (anzahl, minItems, maxItems, notes)
    let cases: &[(&str, u64, u64, &[&str])] = &[
        ("1:n", 1, 100, &["limit"]),
        ("2:5", 2, 5, &[]),
        ("0:*", 0, 100, &["limit"]),
        ("0:3", 0, 3, &[]),
        ("1:250", 1, 100, &["limit"]),
    ];
    for (anzahl, min, max, expected) in cases {
        let xml = xdf3(&st(
            "1:1",
            &group("G1", "Schritt", &st(anzahl, &group("G2", "Kind", &st("1:1", &text("F1"))))),
        ));
        let (definition, report) = import(&xml);
        let repeat = item(&definition, "G2");
        assert_eq!(repeat["type"], "repeat", "{anzahl}");
        assert_eq!(
            (repeat["minItems"].as_u64(), repeat["maxItems"].as_u64()),
            (Some(*min), Some(*max)),
            "{anzahl}"
        );
        assert_eq!(repeat["itemLabel"], "Kind {n}");
        // Inside an item, fields keep their own requirement.
        assert_eq!(item(&definition, "F1")["required"], true, "{anzahl}");
        assert_eq!(kinds(&report), *expected, "{anzahl}");
    }
}

#[test]
fn a_repeating_top_level_group_is_a_step_holding_the_repeatable_group() {
    let (definition, _) = import(&xdf3(&st("1:4", &group("G1", "Kinder", &st("1:1", &text("F1"))))));
    let step = &definition["steps"][0];
    assert_eq!(step["id"], "G1");
    assert_eq!(types(step), ["repeat"]);
    assert_eq!(step["fields"][0]["maxItems"], 4);
}

#[test]
fn a_repeat_inside_a_repeat_is_flattened_and_a_file_inside_one_moves_after_it() {
    let inner = group("G3", "Enkel", &st("0:5", &text("F2")));
    let outer = group(
        "G2",
        "Kind",
        &[st("1:1", &text("F1")), st("1:n", &inner), st("1:1", &field("F3", "input", "file", ""))].concat(),
    );
    let (definition, report) = import(&xdf3(&st("1:1", &group("G1", "Schritt", &st("1:3", &outer)))));
    let step = item(&definition, "G1");
    assert_eq!(types(step), ["repeat", "file"]);
    assert_eq!(item(&definition, "G3")["type"], "group", "the inner repeat is a group asked once per item");
    assert_eq!(item(&definition, "F3")["maxFiles"], 3, "one file per item");
    let flattened = notes(&report, NoteKind::Flattened);
    assert_eq!(flattened.len(), 3, "{flattened:?}");
    assert!(flattened[0].contains("G3") && flattened[0].contains("1:*"), "{flattened:?}");
    assert!(flattened.iter().any(|n| n.contains("F2") && n.contains("0:5")), "{flattened:?}");
    assert!(flattened.iter().any(|n| n.contains("file field F3")), "{flattened:?}");
}

#[test]
fn fields_of_an_optional_group_are_optional_and_reported() {
    let xml = xdf3(&st(
        "1:1",
        &group(
            "G1",
            "Schritt",
            &st(
                "0:1",
                &group("G2", "Vielleicht", &[st("1:1", &text("F1")), st("0:1", &text("F2"))].concat()),
            ),
        ),
    ));
    let (definition, report) = import(&xml);
    assert_eq!(item(&definition, "F1").get("required"), None);
    let optional = notes(&report, NoteKind::Optional);
    assert_eq!(optional.len(), 1);
    assert!(optional[0].contains("G2") && optional[0].contains("1 required fields"), "{optional:?}");
}

#[test]
fn the_same_fim_id_in_several_places_is_keyed_by_path() {
    let address = |g: &str| {
        group(
            g,
            "Anschrift",
            &[st("1:1", &text("F1")), st("1:1", &group("G9", "Ort", &st("1:1", &text("F2"))))].concat(),
        )
    };
    let xml = xdf3(
        &[
            st("1:1", &group("G1", "Antragsteller", &st("1:1", &address("G5")))),
            st("1:1", &group("G2", "Vertreter", &st("1:1", &address("G5")))),
            st("1:1", &text("F7")),
            st(
                "1:1",
                &group("G3", "Noch einmal", &[st("1:1", &text("F7")), st("1:1", &text("F7"))].concat()),
            ),
        ]
        .concat(),
    );
    let (definition, _) = import(&xml);
    for id in [
        "G1_G5",
        "G1_G5_F1",
        "G1_G5_G9",
        "G1_G5_G9_F2",
        "G2_G5",
        "G2_G5_F1",
        "G2_G5_G9_F2",
        "F7",
        "G3_F7",
        "G3_F7_2",
    ] {
        item(&definition, id);
    }
    assert_eq!(item(&definition, "G2_G5_F1")["fim"]["id"], "F1", "the FIM id is kept");
}

#[test]
fn a_group_message_is_imported_with_its_root_group_as_the_form() {
    let xml = r#"<xdf:xdatenfelder.datenfeldgruppe.0103 xmlns:xdf="urn:xoev-de:fim:standard:xdatenfelder_3.0.0">
      <xdf:datenfeldgruppe><xdf:identifikation><xdf:id>G100</xdf:id><xdf:version>2.0.0</xdf:version></xdf:identifikation>
      <xdf:name>Gruppe</xdf:name>
      <xdf:struktur><xdf:anzahl>1:1</xdf:anzahl><xdf:enthaelt><xdf:datenfeld><xdf:identifikation><xdf:id>F1</xdf:id></xdf:identifikation>
      <xdf:name>Name</xdf:name><xdf:feldart><code>input</code></xdf:feldart><xdf:datentyp><code>text</code></xdf:datentyp></xdf:datenfeld></xdf:enthaelt></xdf:struktur>
      </xdf:datenfeldgruppe></xdf:xdatenfelder.datenfeldgruppe.0103>"#;
    let (definition, report) = import(xml);
    assert_eq!(
        (definition["id"].as_str(), definition["version"].as_str(), definition["title"].as_str()),
        (Some("G100"), Some("2.0.0"), Some("Gruppe"))
    );
    assert_eq!(item(&definition, "F1")["label"], "Name", "without bezeichnungEingabe, the name");
    assert_eq!(item(&definition, "F1")["fim"], json!({"id": "F1"}));
    assert!(report.stats.schema.contains("XDatenfelder 3.0"));
}
