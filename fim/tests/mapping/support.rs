//! Small XDatenfelder documents for the tests, and ways to look into the result.

use formlotse_fim::{CodeLists, NoteKind, Report};
use serde_json::Value;
use std::path::Path;

pub const NS2: &str = "urn:xoev-de:fim:standard:xdatenfelder_2";
pub const NS3: &str = "urn:xoev-de:fim:standard:xdatenfelder_3.0.0";

/// A Stammdatenschema `S1` in namespace `ns` holding `structure` (`struktur` elements).
pub fn schema(ns: &str, structure: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<xdf:xdatenfelder.stammdatenschema.0102 xmlns:xdf="{ns}">
<xdf:header><xdf:nachrichtID>1</xdf:nachrichtID></xdf:header>
<xdf:stammdatenschema>
<xdf:identifikation><xdf:id>S1</xdf:id><xdf:version>1.0</xdf:version></xdf:identifikation>
<xdf:name>Test</xdf:name><xdf:bezeichnungEingabe>Testantrag</xdf:bezeichnungEingabe>
{structure}
</xdf:stammdatenschema>
</xdf:xdatenfelder.stammdatenschema.0102>
"#
    )
}

/// XDF3 schema.
pub fn xdf3(structure: &str) -> String {
    schema(NS3, structure)
}

/// XDF2 schema.
pub fn xdf2(structure: &str) -> String {
    schema(NS2, structure)
}

/// A `struktur` with `anzahl` holding `element`.
pub fn st(anzahl: &str, element: &str) -> String {
    format!(
        "<xdf:struktur><xdf:anzahl>{anzahl}</xdf:anzahl><xdf:enthaelt>{element}</xdf:enthaelt></xdf:struktur>\n"
    )
}

/// A field labelled "Label {id}", with more elements in `extra`.
pub fn field(id: &str, feldart: &str, datentyp: &str, extra: &str) -> String {
    format!(
        "<xdf:datenfeld><xdf:identifikation><xdf:id>{id}</xdf:id><xdf:version>1.0</xdf:version></xdf:identifikation>\
         <xdf:name>{id}</xdf:name><xdf:bezeichnungEingabe>Label {id}</xdf:bezeichnungEingabe>\
         <xdf:feldart><code>{feldart}</code></xdf:feldart><xdf:datentyp><code>{datentyp}</code></xdf:datentyp>{extra}</xdf:datenfeld>"
    )
}

/// A group labelled `label` holding `structure`, with more elements in `extra`.
pub fn group(id: &str, label: &str, structure: &str) -> String {
    format!(
        "<xdf:datenfeldgruppe><xdf:identifikation><xdf:id>{id}</xdf:id><xdf:version>1.0</xdf:version></xdf:identifikation>\
         <xdf:name>{id}</xdf:name><xdf:bezeichnungEingabe>{label}</xdf:bezeichnungEingabe>{structure}</xdf:datenfeldgruppe>"
    )
}

/// The test code lists (tests/codelists).
pub fn code_lists() -> CodeLists {
    CodeLists::load_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/codelists"))
        .expect("test code lists load")
}

/// Imports `xml` with the test code lists; checks the definition loads; returns it as JSON.
pub fn import(xml: &str) -> (Value, Report) {
    let imported =
        formlotse_fim::import(xml, &code_lists()).unwrap_or_else(|e| panic!("imports: {e}\n{xml}"));
    formlotse_core::load(&imported.json).unwrap_or_else(|d| panic!("loads: {d:?}\n{}", imported.json));
    (serde_json::from_str(&imported.json).expect("JSON"), imported.report)
}

/// The step, group or field with this `id` (or content block with this FIM id) anywhere.
pub fn item<'a>(definition: &'a Value, id: &str) -> &'a Value {
    find(definition, id).unwrap_or_else(|| panic!("no item {id} in {definition:#}"))
}

fn find<'a>(value: &'a Value, id: &str) -> Option<&'a Value> {
    if value.get("id").and_then(Value::as_str) == Some(id) && value.get("formlotse").is_none() {
        return Some(value);
    }
    let children = value.get("steps").or_else(|| value.get("fields"))?.as_array()?;
    children.iter().find_map(|child| find(child, id))
}

/// The kinds of the report's notes, as codes.
pub fn kinds(report: &Report) -> Vec<&'static str> {
    report.notes.iter().map(|note| note.kind.code()).collect()
}

/// The notes of `kind`, their messages.
pub fn notes(report: &Report, kind: NoteKind) -> Vec<String> {
    report.of(kind).map(|note| note.message.clone()).collect()
}

/// The types of the items of a step or group, in order.
pub fn types(container: &Value) -> Vec<String> {
    container["fields"]
        .as_array()
        .expect("fields")
        .iter()
        .map(|f| f["type"].as_str().unwrap_or("").to_owned())
        .collect()
}
