//! The payload's tests: what a receiver reads of what the browser writes.

use super::*;
use crate::value::FileMeta;
use crate::{Answer, load};
use crate::{Answers, Context};
use serde_json::json;

/// What a receiver reads of the written payload.
fn read(payload: &Json) -> serde_json::Value {
    serde_json::from_str(&payload.to_string()).expect("the payload is JSON") // ok: test
}

fn resolved(definition: &Definition, answers: &Answers) -> Resolved {
    let context = Context { lang: Lang::De, today: crate::validation::testing::today() };
    crate::validation::resolve(definition, answers, context)
}

#[test]
fn sealing_adds_the_time_and_names_each_file() {
    let definition = load(
        r#"{"formlotse": 1, "id": "a", "title": "A", "steps": [{"id": "s", "title": "S", "fields": [
          {"id": "plan", "type": "file", "label": "Plan", "maxFiles": 3}]}]}"#,
    )
    .expect("loads"); // ok: test
    let mut answers = Answers::default();
    let file = |name: &str| FileMeta { name: name.into(), mime: "application/pdf".into(), size: 3 };
    answers.set("plan", Answer::Files(vec![file("a.pdf"), file("b.pdf")]));
    let attachment = |id: &str, name: &str| Attachment {
        id: id.into(),
        field: "plan".into(),
        name: name.into(),
        mime: "application/pdf".into(),
        size: 3,
        sha256: "ab".repeat(32),
    };
    let sealed = read(&seal(
        build(&definition, &resolved(&definition, &answers), Lang::De),
        "2026-11-29T10:00:00.000Z",
        &[attachment("f1", "a.pdf"), attachment("f2", "b.pdf"), attachment("f3", "gone.pdf")],
    ));
    assert_eq!(sealed["submittedAt"], "2026-11-29T10:00:00.000Z");
    assert_eq!(
        sealed["answers"]["plan"][1],
        json!({"id": "f2", "name": "b.pdf", "type": "application/pdf", "size": 3})
    );
    assert_eq!(sealed["attachments"].as_array().map(Vec::len), Some(2));
    assert_eq!(sealed["attachments"][0]["field"], "plan");
    assert_eq!(sealed["attachments"][0]["sha256"], "ab".repeat(32));
    // The receiver reads the sealed payload with the same rules.
    assert_eq!(
        crate::check_submission(&definition, &sealed, crate::validation::testing::today()),
        Ok(vec![])
    );
}

#[test]
fn typed_values_of_known_fields_only() {
    let definition = load(
        r#"{"formlotse": 1, "id": "a", "version": "2", "title": "A", "steps": [{"id": "s", "title": "S", "fields": [
          {"id": "x", "type": "text", "label": "X"}, {"id": "y", "type": "text", "label": "Y"},
          {"id": "n", "type": "money", "label": "N"}, {"id": "d", "type": "date", "label": "D"},
          {"id": "j", "type": "yesno", "label": "J"}, {"id": "c", "type": "checkbox", "label": "C"},
          {"id": "bad", "type": "number", "label": "B"}]}]}"#,
    )
    .expect("loads"); // ok: test
    let mut answers = Answers::default();
    answers.set("x", Answer::Text(" Straße 1 ".into()));
    answers.set("y", Answer::Text("   ".into()));
    answers.set("n", Answer::Text("1.234,50".into()));
    answers.set("d", Answer::Date { day: "1".into(), month: "2".into(), year: "2026".into() });
    answers.set("j", Answer::Text("no".into()));
    answers.set("c", Answer::Flag(true));
    answers.set("bad", Answer::Text("zwölf".into()));
    answers.set("stale", Answer::Text("left over".into()));
    assert_eq!(
        read(&build(&definition, &resolved(&definition, &answers), Lang::De)),
        json!({"formlotse": 1, "form": "a", "version": "2", "lang": "de", "answers": {
            "x": "Straße 1", "n": 1234.5, "d": "2026-02-01", "j": false, "c": true}})
    );
}

#[test]
fn fim_ids_of_the_answered_fields_travel_with_the_answers() {
    let definition = load(
        r#"{"formlotse": 1, "id": "a", "title": "A", "fim": {"id": "S1", "version": "1.0"}, "steps": [
          {"id": "s", "title": "S", "fields": [
          {"id": "x", "type": "text", "label": "X", "fim": {"id": "F1", "version": "1.1"}},
          {"id": "y", "type": "text", "label": "Y", "fim": {"id": "F2"}},
          {"id": "z", "type": "text", "label": "Z"},
          {"type": "repeat", "id": "r", "legend": "R", "itemLabel": "R {n}", "fim": {"id": "G1"}, "fields": [
            {"id": "w", "type": "text", "label": "W", "fim": {"id": "F1", "version": "1.1"}}]}]}]}"#,
    )
    .expect("loads"); // ok: test
    let mut answers = Answers::default();
    answers.set("x", Answer::Text("eins".into()));
    answers.set("z", Answer::Text("drei".into()));
    answers.set("r", Answer::Text("1".into()));
    answers.set("r[0].w", Answer::Text("vier".into()));
    let sent = read(&build(&definition, &resolved(&definition, &answers), Lang::De));
    assert_eq!(
        sent["fim"],
        json!({"id": "S1", "version": "1.0", "fields": {
            "x": {"id": "F1", "version": "1.1"}, "r": {"id": "G1"}, "w": {"id": "F1", "version": "1.1"}}})
    );
    // The receiver reads the payload with its metadata as before.
    assert_eq!(crate::check_submission(&definition, &sent, crate::validation::testing::today()), Ok(vec![]));
}

/// Every digit a citizen typed reaches the receiver: 18 significant digits, which a binary
/// float would round, are written as typed and checked as written.
#[test]
fn numbers_are_sent_exactly() {
    let definition = load(
        r#"{"formlotse": 1, "id": "a", "title": "A", "steps": [{"id": "s", "title": "S", "fields": [
          {"id": "n", "type": "number", "label": "N", "max": 999999999999999999},
          {"id": "m", "type": "money", "label": "M"}, {"id": "f", "type": "number", "label": "F", "decimals": 6}]}]}"#,
    )
    .expect("loads"); // ok: test
    let mut answers = Answers::default();
    answers.set("n", Answer::Text("999.999.999.999.999.999".into()));
    answers.set("m", Answer::Text("0,10".into()));
    answers.set("f", Answer::Text("-12345678901,234567".into()));
    let sent = build(&definition, &resolved(&definition, &answers), Lang::De).to_string();
    assert_eq!(
        sent,
        r#"{"answers":{"f":-12345678901.234567,"m":0.1,"n":999999999999999999},"form":"a","formlotse":1,"lang":"de","version":null}"#
    );
    assert_eq!(crate::check_payload(&definition, &sent, crate::validation::testing::today()), Ok(vec![]));
}
