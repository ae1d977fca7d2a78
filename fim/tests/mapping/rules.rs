//! Rules: never guessed; each is an info block where it applies and a note naming its ids.

use crate::support::{field, group, import, item, notes, st, types, xdf2, xdf3};
use formlotse_fim::NoteKind;

fn rule2(id: &str, definition: &str, script: &str) -> String {
    format!(
        "<xdf:regel><xdf:identifikation><xdf:id>{id}</xdf:id><xdf:version>1.0</xdf:version></xdf:identifikation>\
         <xdf:name>Regel {id}</xdf:name><xdf:definition>{definition}</xdf:definition><xdf:script>{script}</xdf:script></xdf:regel>"
    )
}

fn rule3(id: &str, text: &str) -> String {
    format!(
        "<xdf:regel><xdf:identifikation><xdf:id>{id}</xdf:id></xdf:identifikation><xdf:name>Regel {id}</xdf:name>\
         <xdf:freitextRegel>{text}</xdf:freitextRegel><xdf:typ><code>V</code></xdf:typ></xdf:regel>"
    )
}

#[test]
fn rules_are_info_blocks_where_they_apply_and_notes() {
    // A field rule (XDF2, with a stub script) naming a path and a missing group; a group rule (XDF3).
    let on_field = field(
        "F2",
        "input",
        "text",
        &rule2("R1", "Pflicht, wenn G1.F1 = 'ja'; sonst G77 leer.", "function(){}"),
    );
    let xml = xdf2(&st(
        "1:1",
        &group(
            "G1",
            "Schritt",
            &[st("1:1", &field("F1", "input", "bool", "")), st("0:1", &on_field)].concat(),
        ),
    ));
    let (definition, report) = import(&xml);
    assert_eq!(types(item(&definition, "G1")), ["yesno", "info", "text"], "the rule stands before its field");
    let block = &item(&definition, "G1")["fields"][1];
    assert_eq!(block["text"], "FIM-Regel R1: Pflicht, wenn G1.F1 = 'ja'; sonst G77 leer.");
    assert_eq!(block["fim"]["id"], "R1");
    let rules = notes(&report, NoteKind::Rule);
    assert_eq!(rules.len(), 1);
    for says in [
        "rule R1 (Regel R1) on field F2 (Label F2)",
        "names G1, F1, G77 (not in this schema)",
        "its script is not run",
        "visibleIf",
    ] {
        assert!(rules[0].contains(says), "{says}: {}", rules[0]);
    }
    let inner = format!(
        "{}{}",
        rule3("R2", "Mindestens ein Feld ausfüllen."),
        st("0:1", &field("F1", "input", "text", ""))
    );
    let xml = xdf3(&st("1:1", &group("G1", "Schritt", &st("1:1", &group("G2", "Innen", &inner)))));
    let (definition, report) = import(&xml);
    assert_eq!(types(item(&definition, "G2")), ["info", "text"], "a group's rule opens the group");
    assert_eq!(report.stats.rules, 1);
    assert!(notes(&report, NoteKind::Rule)[0].contains("on group G2 (Innen)"));
}
