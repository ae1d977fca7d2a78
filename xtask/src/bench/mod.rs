//! `cargo xtask bench`: size and speed of Formlotse side by side with SurveyJS and Form.io
//! (issue 8).
//!
//! One spec (`spec.rs`) becomes three equivalent forms per size (`formlotse.rs`, `surveyjs.rs`,
//! `formio.rs`; written by `forms.rs`). The harness in bench/ (Node, playwright-core, Debian's
//! Chromium) loads each system's page over loopback HTTP, the three alternating, and measures;
//! `report.rs` takes the medians, sizes the files each page loaded and writes
//! target/bench/report.md and report.json. Timings are only reported, never asserted.

mod delivery;
mod formio;
mod formlotse;
mod forms;
mod harness;
mod phone;
mod report;
mod server;
mod spec;
mod surveyjs;

use crate::cmd::{command, describe, output};
use crate::{Result, dist, root, tools};

/// The fewest runs per system and form; medians of fewer say little.
const MIN_RUNS: usize = 5;

/// Builds dist/, writes the forms, runs the harness and writes the report.
pub(crate) fn bench(args: &[String]) -> Result {
    let root = root();
    if args.first().map(String::as_str) == Some("deliveries") {
        // The outbox alone (issue 14), also part of `bench server`.
        println!("{}", delivery::standalone(&root)?);
        return Ok(());
    }
    if args.first().map(String::as_str) == Some("server") {
        // The receiver alone (issue 13): target/bench/server.md.
        let section = server::bench(&root)?;
        let markdown = server::markdown(&section);
        std::fs::create_dir_all(root.join("target/bench")).map_err(|e| e.to_string())?;
        std::fs::write(root.join("target/bench/server.md"), &markdown).map_err(|e| e.to_string())?;
        println!("{markdown}");
        return Ok(());
    }
    let runs = parse_runs(args)?;
    dist::dist()?;
    let chromium = tools::ensure_chromium(&root)?;
    tools::ensure_bench_packages(&root)?;

    let out = root.join("target/bench");
    let forms = forms::write(&out.join("forms"))?;
    let results = harness::run(&root, &chromium, &out, runs)?;
    let mut report = report::Report::new(&forms, &results)?;
    engine(&mut report);
    report.server = Some(server::bench(&root).unwrap_or_else(|e| serde_json::json!({ "error": e })));
    report.write(&out)?;
    println!("{}", report.markdown());
    println!("report: {} and report.json", out.join("report.md").display());
    // The report is written either way; a system that failed on a form is a failed benchmark.
    match report.failures.len() {
        0 => Ok(()),
        n => Err(format!("{n} measurement(s) failed; see \"Problems\" in the report")),
    }
}

/// The engine alone, natively: formlotse-core's `logic_bench` example (release build) times one
/// answer change on a generated 1,000-field form with 300 conditions and prints JSON; the
/// report shows it in its "Engine" section. A failure is reported there, not fatal: the browser
/// figures stand on their own.
fn engine(report: &mut report::Report) {
    let root = root();
    let example = command(
        "cargo",
        &["run", "--quiet", "--release", "--package", "formlotse-core", "--example", "logic_bench"],
        &root,
    );
    eprintln!("$ {}", describe(&example));
    report.engine = Some(match output(example).map(|out| serde_json::from_str::<serde_json::Value>(&out)) {
        Some(Ok(figures)) => figures,
        Some(Err(e)) => serde_json::json!({ "error": format!("logic_bench printed no JSON: {e}") }),
        None => serde_json::json!({ "error": "cargo run --example logic_bench failed" }),
    });
}

fn parse_runs(args: &[String]) -> Result<usize> {
    match args {
        [] => Ok(MIN_RUNS),
        [flag, n] if flag == "--runs" => match n.parse::<usize>() {
            Ok(n) if n >= MIN_RUNS => Ok(n),
            _ => Err(format!("--runs takes a number of at least {MIN_RUNS}, not {n}")),
        },
        _ => Err("usage: cargo xtask bench [--runs N]".into()),
    }
}
