//! The engine's cost of one answer change on a big form: 1,000 fields in 10 steps, 300 of
//! them with a `visibleIf`, 20 calculated. `cargo xtask bench` runs it in release mode and
//! puts its figures in the report; it prints them as JSON.
//!
//! ```text
//! cargo run --release -p formlotse-core --example logic_bench
//! ```

use formlotse_core::validation::{Context, read_answers, resolve, validate_step};
use formlotse_core::value::from_answer;
use formlotse_core::{Answer, Answers, Date, Lang, Resolved, load};
use std::time::Instant;

const FIELDS: usize = 1000;
const STEPS: usize = 10;

/// The generated definition: every tenth field is a yes/no that switches the next three fields
/// of its step (300 conditions); every fiftieth is calculated from the number field after it.
fn definition() -> String {
    let mut steps = Vec::new();
    for s in 0..STEPS {
        let mut fields = Vec::new();
        for i in s * FIELDS / STEPS..(s + 1) * FIELDS / STEPS {
            let field = match i % 10 {
                0 => format!(r#"{{"id": "f{i}", "type": "yesno", "label": "Frage {i}"}}"#),
                1..=3 => {
                    let switch = i - i % 10;
                    format!(
                        r#"{{"id": "f{i}", "type": "text", "label": "Feld {i}", "required": true, "visibleIf": "f{switch}"}}"#
                    )
                }
                4 if i % 50 == 4 => format!(
                    r#"{{"id": "f{i}", "type": "calculated", "label": "Summe {i}", "expression": "if(f{} > 10, f{} * 2, 0)"}}"#,
                    i + 1,
                    i + 1
                ),
                _ => format!(r#"{{"id": "f{i}", "type": "number", "label": "Zahl {i}", "max": 1000}}"#),
            };
            fields.push(field);
        }
        steps.push(format!(r#"{{"id": "s{s}", "title": "Schritt {s}", "fields": [{}]}}"#, fields.join(",")));
    }
    format!(r#"{{"formlotse": 1, "id": "bench", "title": "Bench", "steps": [{}]}}"#, steps.join(","))
}

/// The median of `runs` timings of `f`, in microseconds.
fn median_us(runs: usize, mut f: impl FnMut()) -> f64 {
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed().as_secs_f64() * 1e6
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[times.len() / 2]
}

fn main() {
    let source = definition();
    let definition = match load(&source) {
        Ok(definition) => definition,
        Err(diagnostics) => {
            eprintln!("the generated form does not load: {diagnostics:#?}");
            std::process::exit(1);
        }
    };
    let today = Date::new(2026, 11, 29).unwrap_or_else(|| unreachable!("a real date"));
    let context = Context { lang: Lang::De, today };
    let conditions = source.matches("visibleIf").count();
    let mut answers = Answers::default();
    for i in (0..FIELDS).step_by(10) {
        answers.set(&format!("f{i}"), Answer::Text("yes".into()));
    }
    let load_us = median_us(11, || drop(load(&source)));
    let full_us = median_us(51, || drop(resolve(&definition, &answers, context)));

    let mut resolved: Resolved = resolve(&definition, &answers, context);
    // A switch: three fields appear or go.
    let switch = definition.field("f500").unwrap_or_else(|| unreachable!("generated"));
    let mut flip = false;
    let toggle_us = median_us(1001, || {
        flip = !flip;
        let answer = Answer::Text(if flip { "no" } else { "yes" }.into());
        resolved.set(&definition, "f500", from_answer(switch, Some(&answer), Lang::De));
    });
    // A number a calculation reads.
    let read = definition.field("f505").unwrap_or_else(|| unreachable!("generated"));
    let mut n = 0;
    let calculated_us = median_us(1001, || {
        n = (n + 7) % 40;
        let answer = Answer::Text(n.to_string());
        resolved.set(&definition, "f505", from_answer(read, Some(&answer), Lang::De));
    });
    // A keystroke in a field nothing depends on.
    let plain = definition.field("f506").unwrap_or_else(|| unreachable!("generated"));
    let keystroke_us = median_us(1001, || {
        n += 1;
        let answer = Answer::Text(n.to_string());
        resolved.set(&definition, "f506", from_answer(plain, Some(&answer), Lang::De));
    });
    let step = &definition.steps[5];
    let validate_us = median_us(51, || drop(validate_step(step, &resolved)));
    let read_us = median_us(51, || drop(read_answers(&definition, &answers, Lang::De)));
    println!(
        "{{\"fields\": {FIELDS}, \"conditions\": {conditions}, \"load_us\": {load_us:.0}, \"resolve_all_us\": {full_us:.1}, \
         \"read_answers_us\": {read_us:.1}, \"change_switch_us\": {toggle_us:.2}, \"change_calculated_input_us\": {calculated_us:.2}, \
         \"change_plain_us\": {keystroke_us:.2}, \"validate_step_100_us\": {validate_us:.1}}}"
    );
}
