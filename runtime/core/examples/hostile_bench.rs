//! How fast a server refuses hostile 1 MiB payloads: `cargo run --release -p formlotse-core
//! --example hostile_bench`. Prints, per payload, its size, the median time of
//! `check_received` (three days' checks at most, one JSON reading) and the size of the
//! answer, in CPU time of the thread (wall time on a busy machine says little). Reported, never asserted (the target is under 50 ms and 64 KB each).

use formlotse_core::{Date, check_received, json, load};
use std::time::Duration;

/// This thread's time on a CPU (Linux), so that other processes sharing the machine do not
/// count: the machine this runs on is often busy compiling.
fn cpu_time() -> Duration {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").unwrap_or_default();
    Duration::from_nanos(stat.split_whitespace().next().and_then(|n| n.parse().ok()).unwrap_or(0))
}

/// The median CPU time of `run` over 15 runs, in milliseconds.
fn median_ms(mut run: impl FnMut()) -> f64 {
    let mut times: Vec<Duration> = (0..15)
        .map(|_| {
            let start = cpu_time();
            run();
            cpu_time().saturating_sub(start)
        })
        .collect();
    times.sort();
    times.get(times.len() / 2).copied().unwrap_or_default().as_secs_f64() * 1000.0
}

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
    println!(
        "{:<26} {:>9} {:>12} {:>14} {:>12}",
        "payload", "bytes", "read JSON ms", "check (3 days)", "answer bytes"
    );
    for (name, payload) in &cases {
        let read = median_ms(|| drop(json::parse(payload)));
        let check = median_ms(|| drop(check_received(&definition, payload, today)));
        let answer = format!("{:?}", check_received(&definition, payload, today)).len();
        println!("{name:<26} {:>9} {read:>12.2} {check:>11.2} ms {answer:>12}", payload.len());
    }
}
