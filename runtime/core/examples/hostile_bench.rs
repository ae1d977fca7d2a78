//! How fast a server refuses hostile 1 MiB payloads: `cargo run --release -p formlotse-core
//! --example hostile_bench`. Prints, per payload, its size, the median time of
//! `check_received` (three days' checks at most, one JSON reading) and the size of the
//! answer. Reported, never asserted (the target is under 50 ms and 64 KB each).

use formlotse_core::{Date, check_received, load};
use std::time::{Duration, Instant};

const FORM: &str = r#"{"formlotse": 1, "id": "f", "title": "F", "steps": [{"id": "s", "title": "S", "fields": [
    {"id": "betrag", "type": "number", "label": "Betrag", "max": 100000},
    {"id": "name", "type": "text", "label": "Name", "maxLength": 200},
    {"id": "termin", "type": "date", "label": "Termin", "maxDate": "today"},
    {"type": "repeat", "id": "hunde", "legend": "Hunde", "itemLabel": "Hund {n}", "minItems": 0, "maxItems": 100, "fields": [
        {"id": "rufname", "type": "text", "label": "Rufname", "required": true},
        {"id": "kosten", "type": "money", "label": "Kosten", "visibleIf": "rufname != ''"}]},
    {"id": "summe", "type": "calculated", "label": "Summe", "expression": "sum(hunde.kosten)"}]}]}"#;

const MIB: usize = 1 << 20;

fn pad_to_mib(mut answers: String) -> String {
    // A long name fills the rest, so every payload is 1 MiB.
    let head = r#"{"form": "f", "answers": "#;
    let room = MIB.saturating_sub(head.len() + answers.len() + 20);
    answers.insert_str(1, &format!(r#""name": "{}", "#, "x".repeat(room)));
    format!("{head}{answers}}}")
}

fn main() {
    let definition = load(FORM).expect("the bench form loads"); // ok: bench
    let today = Date::new(2026, 3, 14).expect("a date"); // ok: bench
    let items = vec![r#"{}"#; 100_000].join(",");
    let keys: Vec<String> = (0..80_000).map(|i| format!(r#""k{i:05}": 0"#)).collect();
    let cases = [
        ("100k repeat items", pad_to_mib(format!(r#"{{"hunde": [{items}]}}"#))),
        ("80k unknown keys", pad_to_mib(format!("{{{}}}", keys.join(",")))),
        ("10k-digit number", pad_to_mib(format!(r#"{{"betrag": {}}}"#, "9".repeat(10_000)))),
        (
            "16k empty items (issue)",
            pad_to_mib(format!(r#"{{"hunde": [{}]}}"#, vec!["{}"; 16_000].join(","))),
        ),
    ];
    println!("{:<26} {:>9} {:>10} {:>12}", "payload", "bytes", "median ms", "answer bytes");
    for (name, payload) in &cases {
        let mut times: Vec<Duration> = Vec::new();
        let mut answer = String::new();
        for _ in 0..15 {
            let start = Instant::now();
            let result = check_received(&definition, payload, today);
            times.push(start.elapsed());
            answer = format!("{result:?}");
        }
        times.sort();
        let median = times.get(times.len() / 2).copied().unwrap_or_default();
        println!(
            "{name:<26} {:>9} {:>10.2} {:>12}",
            payload.len(),
            median.as_secs_f64() * 1000.0,
            answer.len()
        );
    }
}
