//! The logic on a form with branches: golden step flows, hidden answers kept, incremental
//! evaluation equal to a full one, load diagnostics for broken expressions and circles.

use crate::logic::Resolved;
use crate::validation::testing::today;
use crate::validation::{Context, read_answers, resolve};
use crate::{Answer, Answers, Definition, Flow, Lang, Move, load, payload};

const BRANCHES: &str = include_str!("../../tests/data/branches.json");

fn branches() -> Definition {
    load(BRANCHES).unwrap_or_else(|d| panic!("{d:#?}")) // ok: test
}

fn context() -> Context {
    Context { lang: Lang::De, today: today() }
}

fn text(s: &str) -> Answer {
    Answer::Text(s.to_owned())
}

/// Fills in `answers` and presses "Weiter" until the review (or a block), writing down each
/// move: the golden record of the path a citizen takes.
fn walk(definition: &Definition, answers: &[(&str, Answer)]) -> String {
    let mut all = Answers::default();
    for (id, answer) in answers {
        all.set(id, answer.clone());
    }
    let resolved = resolve(definition, &all, context());
    let mut flow = Flow::default();
    let mut record = vec![definition.steps[0].id.clone()];
    loop {
        match flow.next(definition, &resolved) {
            Move::Stepped(step) => record.push(definition.steps[step].id.clone()),
            Move::Review => {
                record.push("review".into());
                break;
            }
            Move::Blocked(errors) => {
                let paths: Vec<String> =
                    errors.iter().map(|e| format!("{}:{}", e.path, e.violation.code())).collect();
                record.push(format!("blocked[{}]", paths.join(",")));
                break;
            }
            Move::Complete => break,
        }
    }
    let sent = payload::read_back(&payload::build(definition, &resolved, Lang::De));
    let keys: Vec<&str> =
        sent["answers"].as_object().map(|a| a.keys().map(String::as_str).collect()).unwrap_or_default();
    format!("{} | {} | steuer={}", record.join(" > "), keys.join(","), sent["answers"]["steuer"])
}

#[test]
fn golden_step_flows() {
    let definition = branches();
    let person = [("name", text("Erika Muster")), ("firma", text("no"))];
    let cases: &[(&[(&str, Answer)], &str)] = &[
        (
            &[("anzahl", text("1")), ("rasse", text("dackel")), ("lastschrift", text("no"))],
            "halter > hund > zahlung > review | anzahl,firma,lastschrift,name,rasse,steuer | steuer=96",
        ),
        (
            &[("anzahl", text("3")), ("rasse", text("dackel")), ("lastschrift", text("no"))],
            "halter > hund > zahlung > review | anzahl,firma,lastschrift,name,rasse,steuer | steuer=384",
        ),
        (
            &[("anzahl", text("1")), ("rasse", text("pitbull")), ("lastschrift", text("no"))],
            "halter > hund > gefahr > blocked[nachweis:required] | anzahl,firma,lastschrift,name,rasse,steuer | steuer=600",
        ),
        (
            &[
                ("anzahl", text("2")),
                ("rasse", text("pitbull")),
                ("nachweis", text("SK-1")),
                ("lastschrift", text("no")),
            ],
            "halter > hund > gefahr > blocked[versicherung:required] | anzahl,firma,lastschrift,nachweis,name,rasse,steuer | steuer=1200",
        ),
        (
            &[
                ("anzahl", text("1")),
                ("rasse", text("pitbull")),
                ("nachweis", text("SK-1")),
                ("lastschrift", text("yes")),
            ],
            "halter > hund > gefahr > zahlung > blocked[iban:required] | anzahl,firma,lastschrift,nachweis,name,rasse,steuer | steuer=600",
        ),
        (
            // The Sachkunde number typed before the breed changed stays in the answers but is
            // neither asked nor sent.
            &[
                ("anzahl", text("1")),
                ("rasse", text("dackel")),
                ("nachweis", text("SK-1")),
                ("lastschrift", text("yes")),
                ("iban", text("DE89 3704 0044 0532 0130 00")),
            ],
            "halter > hund > zahlung > review | anzahl,firma,iban,lastschrift,name,rasse,steuer | steuer=96",
        ),
        (
            // A "Zuchthund" is offered to firms only.
            &[("anzahl", text("1")), ("rasse", text("zucht")), ("lastschrift", text("no"))],
            "halter > hund > blocked[rasse:option] | anzahl,firma,lastschrift,name,rasse,steuer | steuer=96",
        ),
    ];
    for (answers, expected) in cases {
        let all: Vec<(&str, Answer)> = person.iter().cloned().chain(answers.iter().cloned()).collect();
        assert_eq!(walk(&definition, &all), *expected);
    }
    let firm = [
        ("name", text("Zwinger GmbH")),
        ("firma", text("yes")),
        ("anzahl", text("2")),
        ("rasse", text("zucht")),
        ("lastschrift", text("yes")),
        ("iban", text("DE89370400440532013000")),
    ];
    assert_eq!(
        walk(&definition, &firm),
        "halter > blocked[firmenname:required] | anzahl,firma,iban,lastschrift,name,rasse,steuer | steuer=240"
    );
    let mut firm = firm.to_vec();
    firm.push(("firmenname", text("Zwinger GmbH")));
    assert_eq!(
        walk(&definition, &firm),
        "halter > hund > zahlung > blocked[kontoinhaber:required] | anzahl,firma,firmenname,iban,lastschrift,name,rasse,steuer | steuer=240"
    );
}

#[test]
fn back_skips_hidden_steps_too() {
    let definition = branches();
    let mut answers = Answers::default();
    for (id, answer) in
        [("name", text("E")), ("firma", text("no")), ("anzahl", text("1")), ("rasse", text("dackel"))]
    {
        answers.set(id, answer);
    }
    let resolved = resolve(&definition, &answers, context());
    let mut flow = Flow::default();
    assert_eq!(flow.next(&definition, &resolved), Move::Stepped(1));
    assert_eq!(flow.next(&definition, &resolved), Move::Stepped(3), "gefahr is skipped");
    assert!(flow.back(&definition, &resolved));
    assert_eq!(flow.step(), 1, "and skipped on the way back");
}

#[test]
fn hidden_answers_are_kept_and_come_back() {
    let definition = branches();
    let mut answers = Answers::default();
    answers.set("firma", text("yes"));
    answers.set("firmenname", text("Zwinger GmbH"));
    let mut resolved = resolve(&definition, &answers, context());
    assert!(!resolved.is_hidden("firmenname"));
    let field = definition.field("firma").expect("firma"); // ok: test
    let read = |answer: &str| crate::value::from_answer(field, Some(&text(answer)), Lang::De);
    assert!(resolved.set(&definition, "firma", read("no")), "the name field goes");
    assert!(resolved.is_hidden("firmenname"));
    assert_eq!(resolved.values().get("firmenname"), Some(&Ok(None)));
    assert!(resolved.set(&definition, "firma", read("yes")));
    assert_eq!(
        resolved.values().get("firmenname"),
        Some(&Ok(Some(crate::Value::Text("Zwinger GmbH".into())))),
        "toggling back restores what was typed"
    );
    assert!(!resolved.set(&definition, "name", read("Erika")), "nothing depends on the name");
}

/// A small deterministic generator, as in the robustness tests.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

#[test]
fn incremental_evaluation_equals_a_full_one() {
    let definition = branches();
    let choices: &[(&str, &[&str])] = &[
        ("firma", &["yes", "no", ""]),
        ("anzahl", &["1", "2", "7", "x", ""]),
        ("rasse", &["dackel", "pitbull", "zucht", ""]),
        ("lastschrift", &["yes", "no"]),
        ("firmenname", &["A", ""]),
        ("nachweis", &["SK", ""]),
    ];
    let mut rng = Rng(0x10c1c);
    for _ in 0..300 {
        let mut answers = Answers::default();
        let mut resolved = resolve(&definition, &answers, context());
        for _ in 0..12 {
            let (id, options) = choices[rng.below(choices.len())];
            let answer = text(options[rng.below(options.len())]);
            answers.set(id, answer.clone());
            let field = definition.field(id).expect("field"); // ok: test
            resolved.set(&definition, id, crate::value::from_answer(field, Some(&answer), Lang::De));
            let full = Resolved::new(&definition, read_answers(&definition, &answers, Lang::De), today());
            assert_eq!(resolved, full, "after {id} = {answer:?}");
        }
    }
}

/// A diagnostic as (pointer, English message, line and column).
type Found = (String, String, Option<(usize, usize)>);

fn problems(fields: &str) -> Vec<Found> {
    let source = format!(
        "{{\"formlotse\": 1, \"id\": \"t\", \"title\": \"T\", \"steps\": [{{\"id\": \"s\", \"title\": \"S\", \"fields\": [\n{fields}\n]}}]}}"
    );
    match load(&source) {
        Ok(_) => Vec::new(),
        Err(diagnostics) => diagnostics
            .into_iter()
            .map(|d| {
                (
                    d.pointer.clone(),
                    crate::messages::diagnostic(&d, Lang::En),
                    d.position.map(|p| (p.line, p.column)),
                )
            })
            .collect(),
    }
}

#[test]
fn broken_expressions_are_load_diagnostics_at_their_spot() {
    let cases: &[(&str, &str, &str, (usize, usize))] = &[
        (
            r#"{"id": "a", "type": "number", "label": "A", "visibleIf": "b > 1"}"#,
            "/steps/0/fields/0/visibleIf",
            "invalid expression: no field has the id \"b\"",
            (2, 59),
        ),
        (
            r#"{"id": "a", "type": "date", "label": "A"}, {"id": "b", "type": "text", "label": "B", "requiredIf": "a > 3"}"#,
            "/steps/0/fields/1/requiredIf",
            "invalid expression: \">\" cannot combine a date and a number",
            (2, 101),
        ),
        (
            r#"{"id": "a", "type": "number", "label": "A", "visibleIf": "a +"}"#,
            "/steps/0/fields/0/visibleIf",
            "invalid expression: expected a value, found the end",
            (2, 62),
        ),
        (
            r#"{"id": "a", "type": "number", "label": "A", "visibleIf": "a + 1"}"#,
            "/steps/0/fields/0/visibleIf",
            "invalid expression: expected true/false, found a number",
            (2, 59),
        ),
        (
            r#"{"id": "a", "type": "calculated", "label": "A", "expression": "1", "format": "euro"}"#,
            "/steps/0/fields/0/format",
            "\"euro\" is not allowed; use one of: number, money",
            (2, 78),
        ),
    ];
    for (fields, pointer, message, position) in cases {
        let found = problems(fields);
        assert_eq!(found.len(), 1, "{fields}: {found:?}");
        assert_eq!(
            (found[0].0.as_str(), found[0].1.as_str(), found[0].2),
            (*pointer, *message, Some(*position)),
            "{fields}"
        );
    }
}

#[test]
fn circles_are_load_diagnostics() {
    let calculations = r#"{"id": "a", "type": "calculated", "label": "A", "expression": "b + 1"},
        {"id": "b", "type": "calculated", "label": "B", "expression": "c * 2"},
        {"id": "c", "type": "calculated", "label": "C", "expression": "a - 1"}"#;
    let found = problems(calculations);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "/steps/0/fields/0/expression");
    assert!(found[0].1.contains("a → c → b → a") || found[0].1.contains("a → b → c → a"), "{}", found[0].1);

    let hides_itself = r#"{"id": "a", "type": "text", "label": "A", "visibleIf": "a == \"x\""}"#;
    let found = problems(hides_itself);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "/steps/0/fields/0/visibleIf");
    assert!(found[0].1.contains("circle: a → a"), "{}", found[0].1);

    let chain = r#"{"id": "a", "type": "number", "label": "A"},
        {"id": "b", "type": "calculated", "label": "B", "expression": "a * 2", "visibleIf": "a > 1"},
        {"id": "c", "type": "calculated", "label": "C", "expression": "b + a"}"#;
    assert_eq!(problems(chain), vec![], "a chain is no circle");
}

#[test]
fn the_server_refuses_hidden_answers_and_wrong_fees() {
    let definition = branches();
    let mut answers = Answers::default();
    for (id, answer) in [
        ("name", text("Erika")),
        ("firma", text("no")),
        ("anzahl", text("2")),
        ("rasse", text("dackel")),
        ("lastschrift", text("no")),
    ] {
        answers.set(id, answer);
    }
    let sent = payload::read_back(&payload::build(
        &definition,
        &resolve(&definition, &answers, context()),
        Lang::De,
    ));
    assert_eq!(crate::check_submission(&definition, &sent, today()), Ok(vec![]));
    let mut tampered = sent.clone();
    tampered["answers"]["steuer"] = serde_json::json!(96);
    tampered["answers"]["nachweis"] = serde_json::json!("SK-1");
    let codes: Vec<(String, &str)> = crate::check_submission(&definition, &tampered, today())
        .unwrap_or_default()
        .into_iter()
        .map(|e| (e.path, e.violation.code()))
        .collect();
    assert_eq!(codes, vec![("steuer".into(), "calculated"), ("nachweis".into(), "notAsked")]);
}
