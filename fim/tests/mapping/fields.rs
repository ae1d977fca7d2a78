//! Fields by feldart and datentyp, texts, requirement, and praezisierung in both versions.

use crate::support::{field, import, item, kinds, notes, st, xdf2, xdf3};
use serde_json::{Value, json};

/// One field `F1` with `anzahl`, in a group step.
fn one(xml: fn(&str) -> String, anzahl: &str, field_xml: &str) -> (Value, formlotse_fim::Report) {
    let group = crate::support::group("G1", "Schritt", &st(anzahl, field_xml));
    import(&xml(&st("1:1", &group)))
}

#[test]
fn feldart_and_datentyp_choose_the_field_type() {
    // (feldart, datentyp, anzahl, praezisierung attributes, type, keys expected, notes)
    type Case = (
        &'static str,
        &'static str,
        &'static str,
        &'static str,
        &'static str,
        Value,
        &'static [&'static str],
    );
    let cases: &[Case] = &[
        ("input", "text", "1:1", "", "text", json!({"required": true}), &[]),
        ("input", "string", "0:1", "", "text", json!({"required": null}), &[]),
        ("input", "text", "0:1", r#"maxLength="200""#, "text", json!({"maxLength": 200}), &[]),
        ("input", "text", "0:1", r#"maxLength="500""#, "textarea", json!({"maxLength": 500}), &[]),
        (
            "input",
            "text",
            "0:1",
            r#"maxLength="500" pattern="[a-z]*""#,
            "text",
            json!({"pattern": "[a-z]*"}),
            &["pattern_message"],
        ),
        ("input", "text_latin", "0:1", "", "text", json!({}), &["data_type"]),
        ("input", "date", "1:1", "", "date", json!({"required": true}), &[]),
        ("input", "time", "0:1", "", "text", json!({}), &["data_type"]),
        ("input", "datetime", "0:1", "", "text", json!({}), &["data_type"]),
        ("input", "bool", "1:1", "", "yesno", json!({"required": true}), &[]),
        ("input", "bool", "0:1", "", "checkbox", json!({"required": null}), &[]),
        ("input", "num", "0:1", "", "number", json!({"decimals": 6}), &[]),
        ("input", "num_int", "0:1", "", "number", json!({"decimals": null}), &[]),
        ("input", "num_currency", "0:1", "", "money", json!({}), &[]),
        ("input", "file", "1:1", "", "file", json!({"required": true}), &[]),
        ("input", "obj", "0:1", "", "file", json!({}), &["data_type"]),
        ("input", "farbe", "0:1", "", "text", json!({}), &["data_type"]),
        ("locked", "text", "0:1", "", "text", json!({}), &["data_type"]),
        ("knopf", "text", "0:1", "", "text", json!({}), &["data_type"]),
    ];
    for (feldart, datentyp, anzahl, precision, kind, keys, expected) in cases {
        let extra = format!("<xdf:praezisierung {precision}/>");
        let (definition, report) = one(xdf3, anzahl, &field("F1", feldart, datentyp, &extra));
        let f = item(&definition, "F1");
        let case = format!("{feldart}/{datentyp} {anzahl} {precision}");
        assert_eq!(f["type"], *kind, "{case}");
        assert_eq!(f["label"], "Label F1", "{case}");
        for (key, value) in keys.as_object().unwrap() {
            assert_eq!(f.get(key).unwrap_or(&Value::Null), value, "{case}: {key}");
        }
        assert_eq!(kinds(&report), *expected, "{case}");
    }
}

#[test]
fn labels_hints_and_texts() {
    let extra = "<xdf:hilfetextEingabe>Wie im *Pass*.\n- erstens</xdf:hilfetextEingabe>";
    let (definition, _) = one(xdf3, "1:1", &field("F1", "input", "text", extra));
    assert_eq!(item(&definition, "F1")["hint"], "Wie im \\*Pass\\*.\n- erstens", "stars are literal");
    // A label field is a text block carrying its FIM id; its content is the text.
    let label = field("F2", "label", "text", "<xdf:inhalt>Bitte lesen Sie dies.</xdf:inhalt>");
    let (definition, report) = one(xdf3, "1:1", &label);
    let block = &definition["steps"][0]["fields"][0];
    assert_eq!(
        block,
        &json!({"type": "paragraph", "text": "Bitte lesen Sie dies.", "fim": {"id": "F2", "version": "1.0"}})
    );
    assert_eq!(report.stats.texts, 1);
    // A hidden field has no counterpart: left out, and said so.
    let hidden =
        [st("1:1", &field("F3", "hidden", "text", "")), st("1:1", &field("F4", "input", "text", ""))]
            .concat();
    let (definition, report) = import(&xdf3(&st("1:1", &crate::support::group("G1", "S", &hidden))));
    assert_eq!(definition["steps"][0]["fields"].as_array().unwrap().len(), 1);
    assert_eq!(kinds(&report), ["dropped"]);
}

#[test]
fn praezisierung_of_xdf3_attributes_and_xdf2_json() {
    // (version, datentyp, praezisierung, keys, notes)
    type Case = (fn(&str) -> String, &'static str, &'static str, Value, &'static [&'static str]);
    let xdf3_case = |attributes: &'static str| -> String { format!("<xdf:praezisierung {attributes}/>") };
    let xdf2_case =
        |json: &'static str| -> String { format!("<xdf:praezisierung>{json}</xdf:praezisierung>") };
    let cases: Vec<(Case, String)> = vec![
        (
            (xdf3, "text", "", json!({"minLength": 2, "maxLength": 80}), &[]),
            xdf3_case(r#"minLength="2" maxLength="80""#),
        ),
        (
            (xdf2, "text", "", json!({"minLength": 2, "maxLength": 80}), &[]),
            xdf2_case(r#"{"minLength":"2","maxLength":"80"}"#),
        ),
        (
            (xdf2, "text", "", json!({"minLength": null, "maxLength": 5}), &[]),
            xdf2_case(r#"{"minLength":"0","maxLength":5}"#),
        ),
        (
            (xdf3, "text", "", json!({"minLength": null, "maxLength": null}), &["precision"]),
            xdf3_case(r#"minLength="9" maxLength="3""#),
        ),
        ((xdf3, "text", "", json!({"maxLength": null}), &["precision"]), xdf3_case(r#"maxLength="viele""#)),
        (
            (xdf3, "num", "", json!({"min": 0.5, "max": 250}), &[]),
            xdf3_case(r#"minValue="0.5" maxValue="250""#),
        ),
        (
            (xdf2, "num_int", "", json!({"min": -3, "max": 12}), &[]),
            xdf2_case(r#"{"minValue":"-3","maxValue":"12"}"#),
        ),
        ((xdf3, "num_currency", "", json!({"min": 0}), &[]), xdf3_case(r#"minValue="0""#)),
        ((xdf3, "num", "", json!({"min": null}), &["precision"]), xdf3_case(r#"minValue="1,5""#)),
        (
            (xdf3, "num", "", json!({"min": null, "max": null}), &["precision"]),
            xdf3_case(r#"minValue="9" maxValue="1""#),
        ),
        (
            (xdf3, "date", "", json!({"minDate": "2020-01-01", "maxDate": "2030-12-31"}), &[]),
            xdf3_case(r#"minValue="2020-01-01" maxValue="2030-12-31""#),
        ),
        ((xdf3, "date", "", json!({"minDate": null}), &["precision"]), xdf3_case(r#"minValue="heute""#)),
        ((xdf3, "num", "", json!({"maxLength": null}), &["precision"]), xdf3_case(r#"maxLength="5""#)),
        ((xdf2, "text", "", json!({}), &["precision"]), xdf2_case("kein JSON")),
        (
            (xdf2, "text", "", json!({"maxLength": 3}), &["precision"]),
            xdf2_case(r#"{"maxLength":"3","laenge":"4"}"#),
        ),
    ];
    for ((xml, datentyp, _, keys, expected), precision) in cases {
        let (definition, report) = one(xml, "0:1", &field("F1", "input", datentyp, &precision));
        let f = item(&definition, "F1");
        for (key, value) in keys.as_object().unwrap() {
            assert_eq!(f.get(key).unwrap_or(&Value::Null), value, "{precision}: {key}");
        }
        assert_eq!(kinds(&report), expected, "{precision}");
    }
}

#[test]
fn patterns_are_translated_exactly_or_reported() {
    // (XSD pattern, imported pattern or None, note)
    let cases: &[(&str, Option<&str>, &str)] = &[
        ("[0-9]{5}", Some("[0-9]{5}"), "pattern_message"),
        (
            "[A-ZÄÖÜ]{1,3}-[A-Z]{1,2} [0-9]{1,4}",
            Some("[A-ZÄÖÜ]{1,3}\\-[A-Z]{1,2} [0-9]{1,4}"),
            "pattern_message",
        ),
        ("[\\p{L}0-9. ]*", None, "pattern"),
        ("\\w+", None, "pattern"),
        ("[a-z", None, "pattern"),
    ];
    for (xsd, imported, note) in cases {
        let extra = format!("<xdf:praezisierung pattern=\"{}\"/>", xsd.replace('"', "&quot;"));
        let (definition, report) = one(xdf3, "0:1", &field("F1", "input", "text", &extra));
        let f = item(&definition, "F1");
        assert_eq!(f["pattern"].as_str(), *imported, "{xsd}");
        assert_eq!(
            f["messages"]["pattern"].is_string(),
            imported.is_some(),
            "{xsd}: a pattern has its message"
        );
        assert_eq!(kinds(&report), [*note], "{xsd}");
        assert!(notes(&report, report.notes[0].kind)[0].contains(xsd), "the note quotes the pattern");
    }
}

#[test]
fn files_take_media_types_and_sizes_and_a_field_asked_several_times_repeats() {
    let extra = "<xdf:maxSize>2000000</xdf:maxSize><xdf:mediaType>application/pdf</xdf:mediaType><xdf:mediaType>image/*</xdf:mediaType>";
    let (definition, _) = one(xdf3, "1:3", &field("F1", "input", "file", extra));
    assert_eq!(
        item(&definition, "F1"),
        &json!({"id": "F1", "type": "file", "label": "Label F1", "required": true, "accept": ["application/pdf", "image/*"],
                "maxSize": 2000000, "maxFiles": 3, "fim": {"id": "F1", "version": "1.0"}})
    );
    // A text asked up to four times: a repeatable group of that one field.
    let (definition, report) = one(xdf3, "1:4", &field("F2", "input", "text", ""));
    let repeat = item(&definition, "F2_liste");
    assert_eq!(
        (repeat["type"].as_str(), repeat["minItems"].as_u64(), repeat["maxItems"].as_u64()),
        (Some("repeat"), Some(1), Some(4))
    );
    assert_eq!(repeat["fields"][0]["id"], "F2");
    assert_eq!(kinds(&report), Vec::<&str>::new());
}
