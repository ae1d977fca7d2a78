//! Repeatable groups: answers by path, conditions and calculations per item, `count` and `sum`
//! outside, the payload's arrays and a server's verdict on them.

use crate::logic::Resolved;
use crate::validation::testing::today;
use crate::validation::{Context, read_answers, resolve};
use crate::{Answer, Answers, Definition, Flow, Lang, Move, check_submission, load, payload};
use serde_json::json;

fn form() -> Definition {
    load(include_str!("../../tests/data/repeat.json")).unwrap_or_else(|d| panic!("{d:#?}")) // ok: test
}

fn text(s: &str) -> Answer {
    Answer::Text(s.to_owned())
}

fn two_dogs() -> Answers {
    let mut answers = Answers::default();
    for (path, answer) in [
        ("halter", text("Erika")),
        ("hunde", text("2")),
        ("hunde[0].hundename", text("Bello")),
        ("hunde[0].gefaehrlich", text("no")),
        ("hunde[0].nachweis", text("typed before changing to no")),
        ("hunde[1].hundename", text("Rex")),
        ("hunde[1].gefaehrlich", text("yes")),
        ("hunde[1].nachweis", text("SK-7")),
    ] {
        answers.set(path, answer);
    }
    answers
}

fn context() -> Context {
    Context { lang: Lang::De, today: today() }
}

#[test]
fn items_are_sent_as_an_array_with_per_item_logic_and_totals() {
    let definition = form();
    let resolved = resolve(&definition, &two_dogs(), context());
    let sent = payload::read_back(&payload::build(&definition, &resolved, Lang::De));
    assert_eq!(
        sent["answers"],
        json!({
            "halter": "Erika", "anzahl": 2, "gesamt": 696,
            "hunde": [
                {"hundename": "Bello", "gefaehrlich": false, "satz": 96},
                {"hundename": "Rex", "gefaehrlich": true, "nachweis": "SK-7", "satz": 600}
            ]
        })
    );
    assert!(resolved.is_hidden("hunde[0].nachweis") && !resolved.is_hidden("hunde[1].nachweis"));
    assert_eq!(check_submission(&definition, &sent, today()), Ok(vec![]));
    let rows: Vec<String> =
        crate::review::summary(&definition, &resolved, Lang::De, &crate::catalog::Catalog::german())[0]
            .rows
            .iter()
            .map(|r| format!("{}={}", r.label, r.value.as_deref().unwrap_or("-")))
            .collect();
    assert_eq!(rows[1], "Hund 1: Name des Hundes=Bello");
    assert!(rows.contains(&"Hund 2: Sachkundenachweis=SK-7".to_owned()), "{rows:?}");
    assert!(!rows.iter().any(|r| r.starts_with("Hund 1: Sachkundenachweis")), "hidden in item 1");
    assert!(rows.contains(&"Hundesteuer pro Jahr=696,00 €".to_owned()), "{rows:?}");
}

#[test]
fn errors_name_the_item() {
    let definition = form();
    let mut answers = two_dogs();
    answers.set("hunde[1].nachweis", text(""));
    answers.set("hunde[0].geburt", text("2024-05-01"));
    answers.set("hunde[0].erwerb", text("2024-04-01"));
    answers.set("hunde[1].erwerb", text("2024-04-01"));
    let resolved = resolve(&definition, &answers, context());
    let Move::Blocked(errors) = Flow::default().next(&definition, &resolved) else { panic!("must block") }; // ok: test
    let paths: Vec<(String, &str)> = errors.iter().map(|e| (e.path.clone(), e.violation.code())).collect();
    assert_eq!(
        paths,
        vec![("hunde[0].erwerb".into(), "after"), ("hunde[1].nachweis".into(), "required")],
        "after reads the same item's date; item 2 has none"
    );
    assert_eq!(definition.step_of("hunde[1].nachweis"), Some(0));
    assert!(
        definition
            .field_at("hunde[1].nachweis")
            .is_some_and(|(f, item)| f.id == "nachweis" && item.is_some_and(|(_, i)| i == 1))
    );
}

#[test]
fn the_server_checks_items_too() {
    let definition = form();
    let sent = payload::read_back(&payload::build(
        &definition,
        &resolve(&definition, &two_dogs(), context()),
        Lang::De,
    ));
    let codes = |payload: &serde_json::Value| -> Vec<(String, &'static str)> {
        check_submission(&definition, payload, today())
            .unwrap_or_default()
            .into_iter()
            .map(|e| (e.path, e.violation.code()))
            .collect()
    };
    let mut tampered = sent.clone();
    tampered["answers"]["hunde"][0]["nachweis"] = json!("SK-0");
    tampered["answers"]["gesamt"] = json!(192);
    assert_eq!(
        codes(&tampered),
        vec![("gesamt".into(), "calculated"), ("hunde[0].nachweis".into(), "notAsked")]
    );
    let mut four = sent.clone();
    let dog = sent["answers"]["hunde"][0].clone();
    four["answers"]["hunde"] = json!([dog.clone(), dog.clone(), dog.clone(), dog]);
    four["answers"]["anzahl"] = json!(4);
    four["answers"]["gesamt"] = json!(384);
    assert_eq!(codes(&four), vec![("hunde".into(), "itemCount")]);
    let mut unknown = sent;
    unknown["answers"]["hunde"][1]["farbe"] = json!("braun");
    assert_eq!(
        check_submission(&definition, &unknown, today()),
        Err(vec![crate::validation::PayloadProblem::UnknownField {
            field: "hunde[1].farbe".into(),
            count: 1
        }])
    );
}

#[test]
fn incremental_evaluation_follows_items_and_counts() {
    let definition = form();
    let mut answers = two_dogs();
    let mut resolved = resolve(&definition, &answers, context());
    let steps: &[(&str, &str)] = &[
        ("hunde[1].gefaehrlich", "no"),
        ("hunde", "3"),
        ("hunde[2].gefaehrlich", "yes"),
        ("hunde[0].gefaehrlich", "yes"),
        ("hunde", "1"),
        ("halter", "Max"),
    ];
    for (path, typed) in steps {
        answers.set(path, text(typed));
        let reading = match definition.field_at(path) {
            Some((field, _)) => crate::value::from_answer(field, Some(&text(typed)), Lang::De),
            None => {
                Ok(Some(crate::Value::Number(crate::value::Decimal::from_int(typed.parse().unwrap_or(0)))))
            }
        };
        resolved.set(&definition, path, reading);
        let full = Resolved::new(&definition, read_answers(&definition, &answers, Lang::De), today());
        assert_eq!(resolved.values(), full.values(), "after {path} = {typed}");
        assert_eq!(resolved.items("hunde"), full.items("hunde"));
    }
    assert_eq!(
        resolved.calculated("gesamt"),
        Some(&crate::Value::Number(crate::value::Decimal::from_int(600)))
    );
}

#[test]
fn scope_and_shape_problems_are_load_diagnostics() {
    let form = |fields: &str| {
        let source = format!(
            r#"{{"formlotse": 1, "id": "t", "title": "T", "steps": [{{"id": "s", "title": "S", "fields": [{fields}]}}]}}"#
        );
        load(&source)
            .err()
            .unwrap_or_default()
            .into_iter()
            .map(|d| (d.pointer.clone(), crate::messages::diagnostic(&d, Lang::En)))
            .collect::<Vec<_>>()
    };
    let repeat = |inner: &str| {
        format!(
            r#"{{"type": "repeat", "id": "r", "legend": "R", "itemLabel": "R {{n}}", "fields": [{{"id": "x", "type": "number", "label": "X"}}{inner}]}}"#
        )
    };
    let outside =
        format!(r#"{}, {{"id": "y", "type": "text", "label": "Y", "visibleIf": "x > 1"}}"#, repeat(""));
    assert_eq!(
        form(&outside),
        vec![("/steps/0/fields/1/visibleIf".into(), "invalid expression: no field has the id \"x\"".into())]
    );
    let fine = format!(
        r#"{}, {{"id": "y", "type": "text", "label": "Y", "visibleIf": "sum(r.x) > 1 and count(r) < 3"}}"#,
        repeat(r#", {"id": "z", "type": "text", "label": "Z", "visibleIf": "x > 1"}"#)
    );
    assert_eq!(form(&fine), vec![]);
    let nested = repeat(
        r#", {"type": "repeat", "id": "q", "legend": "Q", "itemLabel": "Q", "fields": [{"id": "w", "type": "text", "label": "W"}]}"#,
    );
    assert_eq!(
        form(&nested),
        vec![(
            "/steps/0/fields/0/fields/1/type".into(),
            "a repeatable group cannot hold a \"repeat\"".into()
        )]
    );
    let file = repeat(r#", {"id": "f", "type": "file", "label": "F"}"#);
    assert_eq!(
        form(&file),
        vec![("/steps/0/fields/0/fields/1/type".into(), "a repeatable group cannot hold a \"file\"".into())]
    );
    let text_sum = format!(
        r#"{}, {{"id": "y", "type": "calculated", "label": "Y", "expression": "sum(r.t)"}}"#,
        repeat(r#", {"id": "t", "type": "text", "label": "T"}"#)
    );
    assert_eq!(
        form(&text_sum),
        vec![(
            "/steps/0/fields/1/expression".into(),
            "invalid expression: no field has the id \"r.t\"".into()
        )]
    );
    let circle = repeat(r#", {"id": "c", "type": "calculated", "label": "C", "expression": "sum(r.x) + x"}"#);
    assert!(form(&circle).iter().any(|(_, m)| m.contains("circle")), "{:?}", form(&circle));
}

#[test]
fn a_stored_payload_reads_back_to_the_same_review() {
    let definition = form();
    let resolved = resolve(&definition, &two_dogs(), context());
    let sent = payload::read_back(&payload::build(&definition, &resolved, Lang::De));
    let review = crate::review::summary(&definition, &resolved, Lang::De, &crate::catalog::Catalog::german());
    let read_back = payload::resolve(&definition, &sent, today());
    assert_eq!(
        crate::review::summary(&definition, &read_back, Lang::De, &crate::catalog::Catalog::german()),
        review
    );
    assert!(review[0].rows.iter().any(|row| row.value.as_deref() == Some("696,00 €")));
    // Not an application at all: every answer reads as not given, nothing panics.
    let nothing = payload::resolve(&definition, &json!({"answers": {"hunde": 7, "halter": 3}}), today());
    assert!(
        crate::review::summary(&definition, &nothing, Lang::De, &crate::catalog::Catalog::german())[0]
            .rows
            .iter()
            .all(|row| { row.value.is_none() || !row.changeable })
    );
}
