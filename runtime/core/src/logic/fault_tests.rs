//! A calculation the answers give no result for (a division by zero, an overflow): the field
//! says so as the error `calculation`, in the browser and in the server's check alike, and
//! nothing downstream reads a wrapped or made-up number.

use crate::validation::testing::today;
use crate::validation::{Context, resolve};
use crate::{Answer, Answers, Definition, Flow, Lang, Move, load, payload};

/// Persons sharing a fee, the share, and a figure that reads the share.
const SHARED_FEE: &str = r#"{"formlotse": 1, "id": "t", "title": "T", "steps": [{"id": "s", "title": "S", "fields": [
    {"id": "personen", "type": "number", "label": "Personen"},
    {"id": "gebuehr", "type": "number", "label": "Gebühr", "required": false},
    {"id": "anteil", "type": "calculated", "label": "Anteil", "expression": "gebuehr / personen"},
    {"id": "gesamt", "type": "calculated", "label": "Gesamt", "expression": "anteil * personen * personen * personen"}
]}]}"#;

fn shared_fee() -> Definition {
    load(SHARED_FEE).unwrap_or_else(|d| panic!("{d:#?}")) // ok: test
}

fn answers(personen: &str, gebuehr: &str) -> Answers {
    let mut answers = Answers::default();
    answers.set("personen", Answer::Text(personen.to_owned()));
    answers.set("gebuehr", Answer::Text(gebuehr.to_owned()));
    answers
}

/// What "Weiter" says, as `path:code` per error, or "review".
fn next(definition: &Definition, answers: &Answers) -> String {
    let resolved = resolve(definition, answers, Context { lang: Lang::De, today: today() });
    match Flow::default().next(definition, &resolved) {
        Move::Blocked(errors) => {
            errors.iter().map(|e| format!("{}:{}", e.path, e.violation.code())).collect::<Vec<_>>().join(",")
        }
        Move::Review => "review".into(),
        other => format!("{other:?}"),
    }
}

#[test]
fn a_calculation_without_result_blocks_the_step_with_one_error() {
    let definition = shared_fee();
    let huge = "999999999999999999";
    let cases: &[(&str, &str, &str)] = &[
        ("4", "100", "review"),
        // Absent (an answer missing) is no error: the field says "wird berechnet".
        ("2", "", "review"),
        ("0", "100", "anteil:calculation"),
        // The share (1) fits a `Decimal`, the figure (10^54) does not; only
        // the figure is in error.
        (huge, huge, "gesamt:calculation"),
    ];
    for (personen, gebuehr, expected) in cases {
        assert_eq!(next(&definition, &answers(personen, gebuehr)), *expected, "{personen} / {gebuehr}");
    }
}

#[test]
fn the_server_gives_the_same_verdict_and_nothing_is_sent_for_it() {
    let definition = shared_fee();
    let resolved = resolve(&definition, &answers("0", "100"), Context { lang: Lang::De, today: today() });
    let sent = payload::read_back(&payload::build(&definition, &resolved, Lang::De));
    assert_eq!(sent["answers"].get("anteil"), None, "{sent}");
    assert_eq!(sent["answers"].get("gesamt"), None, "a total read from a fault is absent: {sent}");
    let verdict: Vec<(String, &str)> = crate::check_submission(&definition, &sent, today())
        .unwrap_or_default()
        .into_iter()
        .map(|e| (e.path, e.violation.code()))
        .collect();
    assert_eq!(verdict, vec![("anteil".into(), "calculation")]);
}

#[test]
fn a_result_with_more_digits_than_a_citizen_may_type_is_sent_and_accepted_exactly() {
    let definition = shared_fee();
    let resolved =
        resolve(&definition, &answers("3", "100000000"), Context { lang: Lang::De, today: today() });
    let sent = payload::build(&definition, &resolved, Lang::De).to_string();
    assert!(sent.contains(r#""anteil":33333333.333333333333"#), "20 digits, sent exactly: {sent}");
    // As the server reads it: from the text, not through a float.
    assert_eq!(crate::validation::check_payload(&definition, &sent, today()), Ok(vec![]));
}
