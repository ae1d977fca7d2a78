//! A server's check under hostile payloads: exact numbers, duplicate keys refused, limits
//! applied before anything is expanded, capped problem lists, and the verdict around midnight.
//! Sizes are asserted here; speed is measured by `examples/hostile_bench.rs`, not by a test.

use formlotse_core::validation::{MAX_ERRORS, PayloadProblem};
use formlotse_core::{Date, Definition, FieldError, check_payload, check_received, load};

const FORM: &str = r#"{"formlotse": 1, "id": "f", "title": "F", "steps": [{"id": "s", "title": "S", "fields": [
    {"id": "betrag", "type": "number", "label": "Betrag", "max": 100000000000, "decimals": 6},
    {"id": "name", "type": "text", "label": "Name", "maxLength": 20},
    {"id": "farben", "type": "checkboxes", "label": "Farben", "options": [{"value": "rot", "label": "Rot"}, {"value": "blau", "label": "Blau"}]},
    {"id": "termin", "type": "date", "label": "Termin", "maxDate": "today"},
    {"type": "repeat", "id": "hunde", "legend": "Hunde", "itemLabel": "Hund {n}", "minItems": 0, "maxItems": 3, "fields": [
        {"id": "rufname", "type": "text", "label": "Rufname", "required": true}]}]}]}"#;

fn form() -> Definition {
    load(FORM).expect("the test form loads") // ok: test
}

fn day(y: i32, m: u32, d: u32) -> Date {
    Date::new(y.into(), m.into(), d.into()).expect("a date") // ok: test
}

fn today() -> Date {
    day(2026, 3, 14)
}

fn payload(answers: &str) -> String {
    format!(r#"{{"form": "f", "answers": {answers}}}"#)
}

fn codes(result: Result<Vec<FieldError>, Vec<PayloadProblem>>) -> Vec<(String, &'static str)> {
    match result {
        Ok(errors) => errors.into_iter().map(|e| (e.path, e.violation.code())).collect(),
        Err(problems) => problems.iter().map(|p| (String::new(), p.code())).collect(),
    }
}

#[test]
fn numbers_are_read_from_their_text() {
    let check = |number: &str| {
        codes(check_payload(&form(), &payload(&format!(r#"{{"betrag": {number}}}"#)), today()))
    };
    assert_eq!(check("100000000000"), vec![]);
    assert_eq!(check("1e11"), vec![]);
    assert_eq!(check("0.1e-5"), vec![]);
    // Through f64 this is exactly 10^11 and passes.
    assert_eq!(check("100000000000.000001"), vec![("betrag".into(), "max")]);
    assert_eq!(check("1.0000001"), vec![("betrag".into(), "decimals")]);
    assert_eq!(check("100000.000000000000001"), vec![("betrag".into(), "numberTooLong")]);
    assert_eq!(check(&"9".repeat(10_000)), vec![("betrag".into(), "numberTooLong")]);
    assert_eq!(check("1e999999"), vec![("betrag".into(), "numberTooLong")]);
    assert_eq!(check("-0.000001"), vec![]);
}

#[test]
fn a_duplicate_key_is_refused_at_its_pointer() {
    let result = check_payload(
        &form(),
        &payload(r#"{"name": "Anna", "name": "ein sehr, sehr, sehr langer Name"}"#),
        today(),
    );
    assert_eq!(result, Err(vec![PayloadProblem::DuplicateKey { pointer: "/answers/name".into() }]));
    let result = check_payload(&form(), r#"{"form": "f", "answers": {}, "form": "g"}"#, today());
    assert_eq!(result, Err(vec![PayloadProblem::DuplicateKey { pointer: "/form".into() }]));
    assert_eq!(codes(check_payload(&form(), "{\"answers\": ", today())), vec![(String::new(), "notJson")]);
    let deep =
        format!("{{\"form\": \"f\", \"answers\": {{\"name\": {}1{}}}}}", "[".repeat(100), "]".repeat(100));
    assert_eq!(codes(check_payload(&form(), &deep, today())), vec![(String::new(), "tooDeep")]);
}

#[test]
fn limits_apply_before_expansion() {
    let items = vec![r#"{"rufname": "Bello"}"#; 100_000].join(",");
    let result = codes(check_payload(&form(), &payload(&format!(r#"{{"hunde": [{items}]}}"#)), today()));
    assert_eq!(result, vec![("hunde".into(), "itemCount")]);
    let ticks = vec![r#""rot""#; 50_000].join(",");
    let result = codes(check_payload(&form(), &payload(&format!(r#"{{"farben": [{ticks}]}}"#)), today()));
    assert_eq!(result, vec![("farben".into(), "maxSelected")]);
}

#[test]
fn unknown_keys_are_reported_once_with_a_count() {
    let keys: Vec<String> = (0..80_000).map(|i| format!(r#""x{i:05}": 1"#)).collect();
    let item = r#"{"rufname": "Bello", "farbe": "braun"}"#;
    let answers = format!(r#"{{{}, "hunde": [{item}]}}"#, keys.join(","));
    let result = check_payload(&form(), &payload(&answers), today());
    assert_eq!(
        result,
        Err(vec![PayloadProblem::UnknownField { field: "hunde[0].farbe".into(), count: 80_001 }])
    );
}

#[test]
fn errors_are_capped() {
    let form = r#"{"formlotse": 1, "id": "f", "title": "F", "steps": [{"id": "s", "title": "S", "fields": [
        {"type": "repeat", "id": "r", "legend": "R", "itemLabel": "R {n}", "maxItems": 100, "fields": [
            {"id": "a", "type": "text", "label": "A", "required": true},
            {"id": "b", "type": "text", "label": "B", "required": true},
            {"id": "c", "type": "text", "label": "C", "required": true}]}]}]}"#;
    let form = load(form).expect("loads"); // ok: test
    let items = vec!["{}"; 100].join(",");
    let errors =
        check_payload(&form, &payload(&format!(r#"{{"r": [{items}]}}"#)), today()).expect("readable"); // ok: test
    assert_eq!(errors.len(), MAX_ERRORS + 1);
    assert_eq!(errors.last().map(|e| (e.path.as_str(), e.violation.code())), Some(("", "moreErrors")));
    assert_eq!(
        errors.last().map(|e| &e.violation),
        Some(&formlotse_core::Violation::MoreErrors { count: 200 })
    );
}

#[test]
fn around_midnight_a_neighbouring_day_may_accept_but_never_refuses() {
    let form = form();
    let sent = |date: &str| payload(&format!(r#"{{"termin": "{date}"}}"#));
    // The citizen's day is already tomorrow (east of the server): valid for tomorrow.
    assert_eq!(check_received(&form, &sent("2026-03-15"), today()), Ok(vec![]));
    assert_eq!(check_received(&form, &sent("2026-03-14"), today()), Ok(vec![]));
    // Two days ahead is wrong on every day; the error is the server's own day's.
    let refused = check_received(&form, &sent("2026-03-16"), today()).expect("readable"); // ok: test
    assert_eq!(refused.len(), 1);
    assert_eq!(
        refused.first().map(|e| &e.violation),
        Some(&formlotse_core::Violation::DateMax { max: today() })
    );
    // A single day's check is strict.
    assert_eq!(codes(check_payload(&form, &sent("2026-03-15"), today())), vec![("termin".into(), "maxDate")]);
}

/// Generated hostile payloads up to 1 MiB: whatever their shape, the answer is a value whose
/// lists stay small (the field errors capped, the problems a handful).
#[test]
fn hostile_payloads_get_small_answers() {
    let form = form();
    let mut seed = 0x9e37_79b9_7f4a_7c15_u64;
    let mut next = move |n: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n.max(1) as u64) as usize
    };
    let pieces = [
        r#""name": "x""#,
        r#""betrag": 1e400"#,
        r#""betrag": -99999999999999999999.5"#,
        r#""termin": "2026-02-30""#,
        r#""farben": ["rot", "gelb", "rot"]"#,
        r#""hunde": [{}, {"rufname": 1}, {"rufname": "a", "x": [[[[]]]]}, null, 7]"#,
        r#""hunde": 1"#,
        r#""unbekannt": {"a": [1, 2, {"b": null}]}"#,
    ];
    for round in 0..12 {
        let size = 1 << (10 + round % 11);
        let mut answers = String::from("{");
        let mut seen = std::collections::HashSet::new();
        let mut index = 0;
        while answers.len() < size {
            let piece = pieces[next(pieces.len())];
            let key = piece.split(':').next().unwrap_or("").trim_matches('"');
            // Known keys once (a second would be a duplicate), unknown ones numbered.
            if index > 0 {
                answers.push(',');
            }
            if key == "unbekannt" || !seen.insert(key) {
                answers.push_str(&format!(r#""k{index}": {}"#, piece.split_once(':').map_or("1", |p| p.1)));
            } else {
                answers.push_str(piece);
            }
            index += 1;
        }
        answers.push('}');
        let text = payload(&answers);
        assert!(text.len() <= 1 << 21);
        let result = check_received(&form, &text, today());
        let size_of = |result: &Result<Vec<FieldError>, Vec<PayloadProblem>>| format!("{result:?}").len();
        assert!(size_of(&result) < 64 * 1024, "{} bytes of problems", size_of(&result));
        match result {
            Ok(errors) => assert!(errors.len() <= MAX_ERRORS + 1),
            Err(problems) => assert!(problems.len() <= 3, "{problems:?}"),
        }
    }
}

/// A definition's numbers are exact too, and a calculation that overflows is a problem at its
/// field (`calculation`: the citizen must change the number), never a wrapped number, never a
/// panic, and never a value a server accepts.
#[test]
fn definition_numbers_are_exact_and_overflow_is_a_problem() {
    let form = load(
        r#"{"formlotse": 1, "id": "f", "title": "F", "steps": [{"id": "s", "title": "S", "fields": [
            {"id": "betrag", "type": "number", "label": "Betrag", "max": 100000000000.000001, "decimals": 6},
            {"id": "hoch3", "type": "calculated", "label": "Hoch drei", "expression": "betrag * betrag * betrag"}]}]}"#,
    )
    .expect("loads"); // ok: test
    let check = |answers: &str| codes(check_payload(&form, &payload(answers), today()));
    // Over the maximum by one millionth: refused exactly (and its cube does not fit either);
    // a cube that fits is compared to the last of its 18 decimals.
    assert_eq!(
        check(r#"{"betrag": 100000000000.000002}"#),
        vec![("betrag".into(), "max"), ("hoch3".into(), "calculation")]
    );
    assert_eq!(check(r#"{"betrag": 100000.000001, "hoch3": 1000000000030000.000000300000000001}"#)[..], []);
    // The cube does not fit (10^51 units): a problem whether the cube is sent or not.
    let overflow = vec![("hoch3".into(), "calculation")];
    assert_eq!(check(r#"{"betrag": 100000000000.000001, "hoch3": null}"#), overflow);
    assert_eq!(check(r#"{"betrag": -999999999999.999999}"#), overflow);
    assert_eq!(
        check(r#"{"betrag": -999999999999.999999, "hoch3": 1}"#),
        vec![("hoch3".into(), "calculation"), ("hoch3".into(), "calculated")]
    );
    assert_eq!(check(r#"{"betrag": 1000, "hoch3": 1000000000}"#), vec![]);
    assert_eq!(check(r#"{"betrag": 2, "hoch3": 8}"#), vec![]);
    assert_eq!(
        check(r#"{"betrag": 2, "hoch3": 8.0000000000000000001}"#),
        vec![("hoch3".into(), "calculated")]
    );
    assert_eq!(check(r#"{"betrag": 2, "hoch3": 9}"#), vec![("hoch3".into(), "calculated")]);
}
