//! Property tests: whatever bytes, JSON or mutated definitions come in, loading, validating,
//! building payloads and checking submissions return values and never panic. Deterministic
//! (a fixed seed), so a failure reproduces; `FORMLOTSE_FUZZ_CASES` runs more cases.

use formlotse_core::{Answer, Answers, Context, Date, Lang, check_submission, load, payload, validation};
use serde_json::{Value, json};

/// xorshift64*: small, fast, reproducible.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

const SAMPLE: &str = include_str!("data/all-fields.json");
const WORDS: &[&str] = &[
    "",
    " ",
    "0",
    "-1",
    "1.234,56",
    "99999999999999999999",
    "29.02.2023",
    "2024-02-29",
    "today-18y",
    "yes",
    "no",
    "a@b.de",
    "DE89 3704 0044 0532 0130 00",
    "10115",
    "+49 30 1234567",
    "ä😀\u{0}\u{7}",
    "<script>",
    "type",
    "fields",
    "label",
    "options",
    "rassen",
    "[",
    "{",
    "\"",
    "\\",
    "beginn",
];

fn cases() -> usize {
    std::env::var("FORMLOTSE_FUZZ_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(2000)
}

fn random_json(rng: &mut Rng, depth: u32) -> Value {
    match rng.below(if depth > 4 { 5 } else { 8 }) {
        0 => Value::Null,
        1 => json!(rng.below(2) == 0),
        2 => json!(rng.next() as i64),
        3 => json!((rng.next() as f64) / 7.0 - 1e18),
        4 => json!(rng.pick(WORDS)),
        5 => Value::Array((0..rng.below(4)).map(|_| random_json(rng, depth + 1)).collect()),
        _ => Value::Object(
            (0..rng.below(5)).map(|_| (rng.pick(WORDS).to_string(), random_json(rng, depth + 1))).collect(),
        ),
    }
}

fn mutate(rng: &mut Rng, source: &str) -> String {
    let mut chars: Vec<char> = source.chars().collect();
    for _ in 0..1 + rng.below(4) {
        let at = rng.below(chars.len());
        match rng.below(4) {
            0 => {
                chars.remove(at);
            }
            1 => chars.insert(at, *rng.pick(&['"', '{', '}', '[', ']', ',', ':', '1', 'x', 'ü', '\\'])),
            2 => {
                let word: Vec<char> = rng.pick(WORDS).chars().collect();
                chars.splice(at..at, word);
            }
            _ => {
                let other = rng.below(chars.len());
                chars.swap(at, other);
            }
        }
    }
    chars.into_iter().collect()
}

fn random_answer(rng: &mut Rng) -> Answer {
    match rng.below(5) {
        0 => Answer::Text(rng.pick(WORDS).to_string()),
        1 => Answer::Date {
            day: rng.pick(WORDS).to_string(),
            month: rng.pick(WORDS).to_string(),
            year: rng.pick(WORDS).to_string(),
        },
        2 => Answer::Flag(rng.below(2) == 0),
        3 => Answer::Choices((0..rng.below(4)).map(|_| rng.pick(WORDS).to_string()).collect()),
        _ => Answer::Files(vec![formlotse_core::value::FileMeta {
            name: rng.pick(WORDS).to_string(),
            mime: "image/png".into(),
            size: rng.next(),
        }]),
    }
}

fn today() -> Date {
    Date::new(2026, 11, 28).expect("a real date")
}

/// Loading either succeeds or says why: never an error without a diagnostic.
fn refused_with_reasons(source: &str) {
    if let Err(diagnostics) = load(source) {
        assert!(!diagnostics.is_empty(), "load refused {source:?} without a diagnostic");
    }
}

#[test]
fn arbitrary_bytes_never_panic() {
    let mut rng = Rng(0x5eed_0001);
    for _ in 0..cases() {
        let bytes: Vec<u8> = (0..rng.below(200)).map(|_| rng.next() as u8).collect();
        refused_with_reasons(&String::from_utf8_lossy(&bytes));
    }
}

#[test]
fn help_text_markup_never_panics_and_keeps_links_safe() {
    use formlotse_core::markup::{Block, Inline, is_safe_href, parse};
    let mut rng = Rng(0x5eed_0005);
    // Characters the markup gives meaning to, plus multi-byte ones to catch bad slicing.
    let alphabet: Vec<char> = "*-_[]()\\ \n:/äöü€ajhtpsm<>\"".chars().collect();
    for _ in 0..cases() {
        let text: String = (0..rng.below(60)).map(|_| *rng.pick(&alphabet)).collect();
        for block in parse(&text) {
            let runs: Vec<Inline> = match block {
                Block::Paragraph(runs) => runs,
                Block::List(items) => items.into_iter().flatten().collect(),
            };
            for run in runs {
                if let Inline::Link { href, .. } = run {
                    assert!(is_safe_href(&href), "{href:?} from {text:?}");
                }
            }
        }
    }
}

#[test]
fn expressions_never_panic_and_evaluate_to_their_type() {
    use formlotse_core::expr::{Env, Expr, Type};
    use formlotse_core::value::{Decimal, Value};
    struct Fields;
    impl Env for Fields {
        fn value(&self, id: &str) -> Option<Value> {
            match id {
                "n" => Some(Value::Number(Decimal::from_int(7))),
                "t" => Some(Value::Text("x".into())),
                "d" => Date::new(2000, 2, 29).map(Value::Date),
                "b" => Some(Value::Bool(true)),
                "l" => Some(Value::Choices(vec!["x".into()])),
                _ => None,
            }
        }
        fn today(&self) -> Date {
            today()
        }
    }
    let field_type = |id: &str| match id {
        "n" | "e" => Some(Type::Number),
        "t" => Some(Type::Text),
        "d" => Some(Type::Date),
        "b" => Some(Type::Bool),
        "l" => Some(Type::TextList),
        _ => None,
    };
    let tokens = [
        "n",
        "e",
        "t",
        "d",
        "b",
        "l",
        "1",
        "0",
        "2.5",
        "'x'",
        "\"y\"",
        "true",
        "(",
        ")",
        "[",
        "]",
        ",",
        " + ",
        " - ",
        " * ",
        " / ",
        " == ",
        " != ",
        " < ",
        " >= ",
        " and ",
        " or ",
        "not ",
        " in ",
        "today()",
        "age(",
        "count(",
        "if(",
        "round(",
        "days_between(",
        "date(",
        "'2026-01-01'",
        "ä",
        "9999999999999999",
    ];
    let mut rng = Rng(0x5eed_0006);
    let mut compiled = 0;
    for _ in 0..cases() {
        let source: String = (0..rng.below(14)).map(|_| *rng.pick(&tokens)).collect();
        let Ok(expr) = Expr::compile(&source, &field_type, None) else { continue };
        compiled += 1;
        let fits = matches!(
            (expr.eval(&Fields), expr.ty()),
            (Ok(None) | Err(_), _)
                | (Ok(Some(Value::Number(_))), Type::Number)
                | (Ok(Some(Value::Text(_))), Type::Text)
                | (Ok(Some(Value::Bool(_))), Type::Bool)
                | (Ok(Some(Value::Date(_))), Type::Date)
                | (Ok(Some(Value::Choices(_))), Type::TextList)
        );
        assert!(fits, "{source:?} evaluated to another type than {:?}", expr.ty());
    }
    assert!(compiled > 0, "some random expressions must compile");
}

#[test]
fn arbitrary_json_never_panics() {
    let mut rng = Rng(0x5eed_0002);
    let sample = load(SAMPLE).expect("the sample loads");
    for _ in 0..cases() {
        let json = random_json(&mut rng, 0);
        refused_with_reasons(&json.to_string());
        // The same junk as a stored draft (storage is writable by any script on the page).
        let draft =
            serde_json::json!({"formlotseDraft": 1, "form": sample.id, "step": json, "answers": json});
        let _ = formlotse_core::draft::decode(&sample, &draft.to_string(), Lang::De);
        let _ = formlotse_core::draft::decode(&sample, &json.to_string(), Lang::De);
    }
}

#[test]
fn mutated_definitions_and_random_answers_never_panic() {
    mutate_and_answer(SAMPLE, 0x5eed_0003);
    // Conditions, calculations and hidden steps, mutated: broken expressions, circles, types.
    mutate_and_answer(include_str!("data/branches.json"), 0x5eed_0004);
    // Repeatable groups: item paths, counts, sums.
    mutate_and_answer(include_str!("data/repeat.json"), 0x5eed_0006);
}

fn mutate_and_answer(sample: &str, seed: u64) {
    let mut rng = Rng(seed);
    let original = load(sample).expect("the sample loads");
    let mut ids: Vec<String> = original.fields().map(|f| f.id.clone()).collect();
    for repeat in original.repeats() {
        ids.push(repeat.id.clone());
        for index in 0..3 {
            ids.extend(repeat.fields().map(|f| formlotse_core::path::item(&repeat.id, index, &f.id)));
        }
    }
    let mut loaded = 0;
    for _ in 0..cases() {
        let mutated = mutate(&mut rng, sample);
        refused_with_reasons(&mutated);
        let Ok(definition) = load(&mutated) else { continue };
        loaded += 1;
        let mut answers = Answers::default();
        for _ in 0..rng.below(12) {
            let id = rng.pick(&ids).clone();
            answers.set(&id, random_answer(&mut rng));
        }
        let lang = if rng.below(2) == 0 { Lang::De } else { Lang::En };
        let context = Context { lang, today: today() };
        let _ = validation::validate_form(&definition, &validation::resolve(&definition, &answers, context));
        let built = read_back(&payload::build(
            &definition,
            &validation::resolve(&definition, &answers, context),
            lang,
        ));
        let _ = check_submission(&definition, &built, today());
        let _ = formlotse_core::review::summary(
            &definition,
            &validation::resolve(&definition, &answers, context),
            lang,
            &formlotse_core::catalog::Catalog::german(),
        );
        // A draft of these answers, read back into the original form: what fits comes back as typed.
        let draft = formlotse_core::draft::encode(&definition, &answers, Lang::De, rng.below(5), 0.0, None);
        if let Some(restored) = formlotse_core::draft::decode(&original, &draft, Lang::De) {
            for (id, answer) in restored.answers.iter() {
                assert_eq!(answers.get(id), Some(answer), "{id}");
            }
        }
        let words = formlotse_core::catalog::Catalog::german();
        for error in
            validation::validate_form(&definition, &validation::resolve(&definition, &answers, context))
        {
            if definition.repeats().any(|r| r.id == error.path) {
                continue; // the number of items
            }
            let (field, _) = definition.field_at(&error.path).expect("errors name fields");
            assert!(
                !formlotse_core::messages::for_field(&definition, field, &error.violation, lang, &words)
                    .is_empty()
            );
        }
    }
    assert!(loaded > 0, "some mutations must still load");
}

#[test]
fn random_payloads_never_panic() {
    let mut rng = Rng(0x5eed_0004);
    let definition = load(SAMPLE).expect("the sample loads");
    let ids: Vec<String> = definition.fields().map(|f| f.id.clone()).collect();
    for _ in 0..cases() {
        let answers: serde_json::Map<String, Value> =
            (0..rng.below(10)).map(|_| (rng.pick(&ids).clone(), random_json(&mut rng, 2))).collect();
        let _ = check_submission(&definition, &json!({"form": "alle-felder", "answers": answers}), today());
        let _ = check_submission(&definition, &random_json(&mut rng, 0), today());
        // The received text itself, mutated into what serde_json would not even read.
        let text = json!({"form": "alle-felder", "answers": answers}).to_string();
        let _ = formlotse_core::check_received(&definition, &mutate(&mut rng, &text), today());
        let bytes: Vec<u8> = (0..rng.below(200)).map(|_| rng.next() as u8).collect();
        let _ = formlotse_core::check_received(&definition, &String::from_utf8_lossy(&bytes), today());
    }
}

/// The written payload as a receiver reads it.
fn read_back(payload: &formlotse_core::json::Json) -> Value {
    serde_json::from_str(&payload.to_string()).expect("the payload is JSON") // ok: test
}
