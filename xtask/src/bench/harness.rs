//! Runs the browser harness (bench/run.mjs) and reads what it measured.

use crate::cmd::{command, run as run_command};
use crate::{Result, root};
use serde_json::Value;
use std::path::Path;

/// One page load of one system and form, as bench/run.mjs reports it. A measurement is
/// `None` when the harness could not take it (the reason is in `Results::failures`).
#[derive(Debug, Clone)]
pub(crate) struct Sample {
    pub(crate) form: String,
    pub(crate) system: String,
    pub(crate) interactive_ms: Option<f64>,
    pub(crate) keystroke_ms: Option<f64>,
    pub(crate) step_ms: Option<f64>,
    pub(crate) js_heap_bytes: Option<f64>,
    pub(crate) wasm_bytes: Option<f64>,
}

/// One page load of the phone profile (`cold`: empty cache; `warm`: the site's second page).
#[derive(Debug, Clone)]
pub(crate) struct PhoneSample {
    pub(crate) form: String,
    pub(crate) system: String,
    pub(crate) warm: bool,
    pub(crate) interactive_ms: Option<f64>,
    pub(crate) round_trips: Option<f64>,
    /// When the form's JSON had arrived: the earliest a title could show without the runtime.
    pub(crate) form_arrived_ms: Option<f64>,
    pub(crate) transferred_bytes: Option<f64>,
    /// Bytes of the runtime's files (Formlotse's dist/, the peers' packages) that came over
    /// the network, not from the cache.
    pub(crate) runtime_bytes: Option<f64>,
}

/// Everything one harness run measured.
#[derive(Debug)]
pub(crate) struct Results {
    pub(crate) chromium: String,
    pub(crate) runs: usize,
    pub(crate) samples: Vec<Sample>,
    pub(crate) phone: Vec<PhoneSample>,
    /// The phone profile's network emulation (CDP `Network.emulateNetworkConditions`) and
    /// CPU slowdown, as the harness applied them.
    pub(crate) phone_profile: Value,
    /// Per form and system: the files on disk its page loaded (page, glue, library, form).
    pub(crate) files: Value,
    /// What went wrong: a mismatch between a page and its form's expectations, a timeout.
    pub(crate) failures: Vec<String>,
}

/// Runs the harness with `runs` runs per system and form; the forms are under `out/forms`.
pub(crate) fn run(root: &Path, chromium: &Path, out: &Path, runs: usize) -> Result<Results> {
    let results = out.join("results.json");
    let _ = std::fs::remove_file(&results);
    let mut node = command("node", &["run.mjs"], &root.join("bench"));
    node.env("BENCH_DIST", root.join("dist"))
        .env("BENCH_FORMS", out.join("forms"))
        .env("BENCH_RESULTS", &results)
        .env("BENCH_RUNS", runs.to_string())
        .env("CHROMIUM", chromium);
    run_command(node)?;
    read(&results)
}

/// Reads bench/run.mjs's results file.
pub(crate) fn read(path: &Path) -> Result<Results> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let json: Value = serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    let text_of = |v: &Value, key: &str| v[key].as_str().unwrap_or_default().to_owned();
    let samples = json["samples"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|s| Sample {
            form: text_of(s, "form"),
            system: text_of(s, "system"),
            interactive_ms: s["interactiveMs"].as_f64(),
            keystroke_ms: s["keystrokeMs"].as_f64(),
            step_ms: s["stepMs"].as_f64(),
            js_heap_bytes: s["jsHeapBytes"].as_f64(),
            wasm_bytes: s["wasmBytes"].as_f64(),
        })
        .collect();
    let phone = json["phone"]["samples"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|s| PhoneSample {
            form: text_of(s, "form"),
            system: text_of(s, "system"),
            warm: s["cache"] == "warm",
            interactive_ms: s["interactiveMs"].as_f64(),
            round_trips: s["roundTrips"].as_f64(),
            form_arrived_ms: s["formArrivedMs"].as_f64(),
            transferred_bytes: s["transferredBytes"].as_f64(),
            runtime_bytes: s["runtimeBytes"].as_f64(),
        })
        .collect();
    let mut phone_profile = json["phone"].clone();
    if let Some(profile) = phone_profile.as_object_mut() {
        profile.remove("samples");
    }
    Ok(Results {
        chromium: text_of(&json, "chromium"),
        runs: json["runs"].as_u64().unwrap_or_default() as usize,
        samples,
        phone,
        phone_profile,
        files: json["files"].clone(),
        failures: json["failures"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|f| f.as_str().map(str::to_owned))
            .collect(),
    })
}

/// The path of a file the harness names, shown relative to the workspace.
pub(crate) fn shown(path: &str) -> String {
    let root = root();
    Path::new(path).strip_prefix(&root).map(|p| p.display().to_string()).unwrap_or_else(|_| path.to_owned())
}
