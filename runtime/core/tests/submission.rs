//! The server's verdict equals the browser's: a payload built from accepted answers passes
//! `check_submission`; a tampered one fails with the paths of what was changed.

use formlotse_core::validation::PayloadProblem;
use formlotse_core::{Answer, Answers, Context, Date, Lang, check_submission, load, payload, validation};
use serde_json::json;

const SAMPLE: &str = include_str!("data/all-fields.json");

fn today() -> Date {
    Date::new(2026, 11, 28).expect("a real date")
}

fn accepted_answers() -> Answers {
    let mut answers = Answers::default();
    let text = |s: &str| Answer::Text(s.to_owned());
    answers.set("name", text("Mustermann"));
    answers.set("geburtsdatum", Answer::Date { day: "29".into(), month: "2".into(), year: "1980".into() });
    answers.set("email", text("erika@beispiel.de"));
    answers.set("email2", text("erika@BEISPIEL.de"));
    answers.set("plz", text("10115"));
    answers.set("kennzeichen", text("B-AB 123"));
    answers.set("anzahl", text("2"));
    answers.set("flaeche", text("1.234,5"));
    answers.set("betrag", text("96,00 €"));
    answers.set("rasse", text("dackel"));
    answers.set("merkmale", Answer::Choices(vec!["labrador".into(), "mischling".into()]));
    answers.set("gefaehrlich", text("no"));
    answers.set("iban", text("de89 3704 0044 0532 0130 00"));
    answers.set("beginn", text("2026-12-01"));
    answers.set("ende", Answer::Date { day: "2".into(), month: "12".into(), year: "2026".into() });
    answers.set("zustimmung", Answer::Flag(true));
    answers
}

#[test]
fn browser_and_server_agree_on_an_accepted_application() {
    let definition = load(SAMPLE).expect("loads");
    let answers = accepted_answers();
    let context = Context { lang: Lang::De, today: today() };
    assert_eq!(
        validation::validate_form(&definition, &validation::resolve(&definition, &answers, context)),
        vec![]
    );
    let sent = read_back(&payload::build(
        &definition,
        &validation::resolve(&definition, &answers, context),
        Lang::De,
    ));
    assert_eq!(
        sent["answers"],
        json!({
            "name": "Mustermann", "geburtsdatum": "1980-02-29", "email": "erika@beispiel.de", "email2": "erika@BEISPIEL.de",
            "plz": "10115", "kennzeichen": "B-AB 123", "anzahl": 2, "flaeche": 1234.5, "betrag": 96, "rasse": "dackel",
            "merkmale": ["labrador", "mischling"], "gefaehrlich": false, "iban": "DE89370400440532013000",
            "beginn": "2026-12-01", "ende": "2026-12-02", "zustimmung": true
        })
    );
    assert_eq!(check_submission(&definition, &sent, today()), Ok(vec![]));
}

/// The same application typed on an Arabic keyboard (Arabic-Indic and Persian digits, the Arabic
/// separators, a direction mark) in the Arabic form.
fn arabic_keyboard_answers() -> Answers {
    let mut answers = accepted_answers();
    let text = |s: &str| Answer::Text(s.to_owned());
    answers.set("geburtsdatum", Answer::Date { day: "٢٩".into(), month: "٢".into(), year: "١٩٨٠".into() });
    answers.set("plz", text("١٠١١٥"));
    answers.set("telefon", text("+٤٩ ٣٠ ١٢٣٤٥٦٧"));
    answers.set("kennzeichen", text("B-AB ۱۲۳"));
    answers.set("anzahl", text("\u{200f}٢"));
    answers.set("flaeche", text("١٬٢٣٤٫٥"));
    answers.set("betrag", text("٩٦٫٠٠ €"));
    answers.set("iban", text("de٨٩ ٣٧٠٤ ٠٠٤٤ ٠٥٣٢ ٠١٣٠ ٠٠"));
    answers.set("ende", Answer::Date { day: "۲".into(), month: "۱۲".into(), year: "۲۰۲۶".into() });
    answers
}

#[test]
fn arabic_digits_give_the_payload_and_the_verdict_of_ascii_ones() {
    let definition = load(SAMPLE).expect("loads");
    let ar = Lang::from_tag("ar");
    let build = |answers: &Answers, lang| {
        let resolved = validation::resolve(&definition, answers, Context { lang, today: today() });
        assert_eq!(validation::validate_form(&definition, &resolved), vec![], "{lang:?}");
        read_back(&payload::build(&definition, &resolved, lang))
    };
    let mut ascii = accepted_answers();
    ascii.set("telefon", Answer::Text("+49 30 1234567".into()));
    let german = build(&ascii, Lang::De);
    let arabic = build(&arabic_keyboard_answers(), ar);
    assert_eq!(arabic["answers"], german["answers"]);
    assert_eq!(check_submission(&definition, &arabic, today()), Ok(vec![]));
}

#[test]
fn a_tampered_payload_is_rejected_with_its_paths() {
    let definition = load(SAMPLE).expect("loads");
    let mut sent = read_back(&payload::build(
        &definition,
        &validation::resolve(&definition, &accepted_answers(), Context { lang: Lang::De, today: today() }),
        Lang::De,
    ));
    let answers = &mut sent["answers"];
    answers["iban"] = json!("DE00370400440532013000");
    answers["anzahl"] = json!("2");
    answers["betrag"] = json!(10000.001);
    answers["rasse"] = json!("pudel");
    answers["ende"] = json!("2026-11-30");
    answers["zustimmung"] = json!(null);
    let errors = check_submission(&definition, &sent, today()).expect("readable payload");
    let verdict: Vec<(&str, &str)> = errors.iter().map(|e| (e.path.as_str(), e.violation.code())).collect();
    assert_eq!(
        verdict,
        [
            ("anzahl", "type"),
            ("betrag", "decimals"),
            ("rasse", "option"),
            ("iban", "iban"),
            ("ende", "after"),
            ("zustimmung", "required")
        ]
    );

    let foreign = json!({"form": "anderes-formular", "answers": {"geheim": 1}});
    assert_eq!(
        check_submission(&definition, &foreign, today()),
        Err(vec![
            PayloadProblem::OtherForm { found: "anderes-formular".into() },
            PayloadProblem::UnknownField { field: "geheim".into(), count: 1 }
        ])
    );
    assert_eq!(check_submission(&definition, &json!([1, 2]), today()), Err(vec![PayloadProblem::Shape]));
}

/// The written payload as a receiver reads it.
fn read_back(payload: &formlotse_core::json::Json) -> serde_json::Value {
    serde_json::from_str(&payload.to_string()).expect("the payload is JSON") // ok: test
}
