//! The report: medians per system and form, download sizes of the files each page loaded, the
//! ratios Formlotse/peer, and the machine it ran on; as Markdown and as JSON.

use super::harness::{self, Results, Sample};
use super::phone::Phone;
use super::spec::Form;
use crate::Result;
use crate::sizes::{self, Sizes};
use serde_json::{Value, json};
use std::collections::BTreeMap;
use std::path::Path;

/// The systems, Formlotse first; the ratios divide Formlotse's figure by each peer's.
pub(crate) const SYSTEMS: [(&str, &str); 3] =
    [("formlotse", "Formlotse"), ("surveyjs", "SurveyJS"), ("formio", "Form.io")];

/// The report of one `cargo xtask bench`.
#[derive(Debug)]
pub(crate) struct Report {
    date: String,
    machine: Machine,
    runs: usize,
    forms: Vec<FormFigures>,
    phone: Phone,
    pub(crate) failures: Vec<String>,
    /// The native engine benchmark (see `bench::engine`): the JSON formlotse-core's
    /// `logic_bench` example printed, or `{"error": …}`; `None` when it was not run.
    pub(crate) engine: Option<Value>,
    /// The server section (see `bench::server`), or `{"error": …}`.
    pub(crate) server: Option<Value>,
}

#[derive(Debug)]
struct Machine {
    cpus: usize,
    cpu: String,
    chromium: String,
}

#[derive(Debug)]
struct FormFigures {
    name: String,
    steps: usize,
    fields: usize,
    conditions: usize,
    /// In the order of [`SYSTEMS`].
    systems: Vec<SystemFigures>,
}

#[derive(Debug, Default)]
struct SystemFigures {
    /// The sum over `files`.
    bytes: Sizes,
    files: Vec<(String, Sizes)>,
    samples: Vec<Sample>,
}

/// One row of the table: a label, its unit and how to read it from a system's figures.
struct Metric {
    key: &'static str,
    label: &'static str,
    unit: &'static str,
    value: fn(&SystemFigures) -> Option<f64>,
}

const KB: f64 = 1000.0;
const MB: f64 = 1_000_000.0;

const METRICS: &[Metric] = &[
    Metric { key: "downloadRaw", label: "download, raw", unit: "kB", value: |s| s.download(|b| b.raw) },
    Metric { key: "downloadGzip", label: "download, gzip -9", unit: "kB", value: |s| s.download(|b| b.gzip) },
    Metric {
        key: "downloadBrotli",
        label: "download, brotli",
        unit: "kB",
        value: |s| s.download(|b| b.brotli),
    },
    Metric {
        key: "interactive",
        label: "first field interactive",
        unit: "ms",
        value: |s| s.median(|x| x.interactive_ms),
    },
    Metric {
        key: "keystroke",
        label: "keystroke to error",
        unit: "ms",
        value: |s| s.median(|x| x.keystroke_ms),
    },
    Metric { key: "stepChange", label: "step change", unit: "ms", value: |s| s.median(|x| x.step_ms) },
    Metric {
        key: "jsHeap",
        label: "JS heap",
        unit: "MB",
        value: |s| s.median(|x| x.js_heap_bytes).map(|b| b / MB),
    },
    Metric {
        key: "wasmMemory",
        label: "wasm memory",
        unit: "MB",
        value: |s| s.median(|x| x.wasm_bytes).map(|b| b / MB),
    },
    Metric {
        key: "memory",
        label: "JS heap + wasm",
        unit: "MB",
        value: |s| s.median(|x| Some(x.js_heap_bytes? + x.wasm_bytes.unwrap_or(0.0))).map(|b| b / MB),
    },
];

impl SystemFigures {
    /// A download size in kB; `None` when no page load of this system went through.
    fn download(&self, of: fn(&Sizes) -> usize) -> Option<f64> {
        (!self.files.is_empty()).then(|| of(&self.bytes) as f64 / KB)
    }

    fn median(&self, of: fn(&Sample) -> Option<f64>) -> Option<f64> {
        median(self.samples.iter().filter_map(of).collect())
    }
}

/// The median; of an even count, the mean of the middle two.
pub(super) fn median(mut values: Vec<f64>) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    values.sort_by(f64::total_cmp);
    let mid = values.len() / 2;
    Some(if values.len().is_multiple_of(2) { (values[mid - 1] + values[mid]) / 2.0 } else { values[mid] })
}

impl Report {
    /// Gathers the figures: the harness's samples and the sizes of the files it saw loaded.
    pub(crate) fn new(forms: &[Form], results: &Results) -> Result<Report> {
        let mut measured: BTreeMap<String, Sizes> = BTreeMap::new();
        let mut figures = Vec::new();
        for form in forms {
            let mut systems = Vec::new();
            for (system, _) in SYSTEMS {
                let mut figures = SystemFigures::default();
                for file in results.files[form.name][system]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(Value::as_str)
                {
                    let sizes = match measured.get(file) {
                        Some(sizes) => *sizes,
                        None => {
                            let bytes =
                                std::fs::read(file).map_err(|e| format!("cannot read {file}: {e}"))?;
                            let sizes = sizes::measure(&bytes)?;
                            measured.insert(file.to_owned(), sizes);
                            sizes
                        }
                    };
                    figures.bytes.raw += sizes.raw;
                    figures.bytes.gzip += sizes.gzip;
                    figures.bytes.brotli += sizes.brotli;
                    figures.files.push((harness::shown(file), sizes));
                }
                figures.samples = results
                    .samples
                    .iter()
                    .filter(|s| s.form == form.name && s.system == system)
                    .cloned()
                    .collect();
                systems.push(figures);
            }
            figures.push(FormFigures {
                name: form.name.to_owned(),
                steps: form.steps.len(),
                fields: form.fields().count(),
                conditions: form.conditions(),
                systems,
            });
        }
        Ok(Report {
            date: today(),
            machine: Machine { cpus: cpus(), cpu: cpu_model(), chromium: results.chromium.clone() },
            runs: results.runs,
            forms: figures,
            phone: Phone::new(results),
            failures: results.failures.clone(),
            engine: None,
            server: None,
        })
    }

    /// Writes report.md and report.json into `dir`.
    pub(crate) fn write(&self, dir: &Path) -> Result {
        let md = dir.join("report.md");
        std::fs::write(&md, self.markdown()).map_err(|e| format!("cannot write {}: {e}", md.display()))?;
        let json = dir.join("report.json");
        let text = serde_json::to_string_pretty(&self.json()).map_err(|e| e.to_string())?;
        std::fs::write(&json, text + "\n").map_err(|e| format!("cannot write {}: {e}", json.display()))
    }

    /// The report as Markdown: the table (ready for the README), the machine, the engine
    /// section and anything that went wrong.
    pub(crate) fn markdown(&self) -> String {
        let mut out = String::new();
        out.push_str(&format!(
            "Measured {} on {} ({} CPUs), {}; medians of {} runs per system and form, the three \
             alternating in one headless Chromium. Ratio below 1: Formlotse is smaller or faster.\n\n",
            self.date, self.machine.cpu, self.machine.cpus, self.machine.chromium, self.runs
        ));
        let names: Vec<&str> = SYSTEMS.iter().map(|(_, name)| *name).collect();
        out.push_str(&format!(
            "| form | measure | {} | {} | {} | {}/{} | {}/{} |\n|---|---|---:|---:|---:|---:|---:|\n",
            names[0], names[1], names[2], names[0], names[1], names[0], names[2]
        ));
        for form in &self.forms {
            let what = format!(
                "{} ({} steps, {} fields, {} conditions)",
                form.name, form.steps, form.fields, form.conditions
            );
            for (i, metric) in METRICS.iter().enumerate() {
                let values: Vec<Option<f64>> = form.systems.iter().map(metric.value).collect();
                let cells: Vec<String> = values.iter().map(|v| cell(*v, metric.unit)).collect();
                let ratio = |peer: Option<f64>| match (values[0], peer) {
                    (Some(ours), Some(theirs)) if theirs > 0.0 => format!("{:.2}", ours / theirs),
                    _ => "–".to_owned(),
                };
                out.push_str(&format!(
                    "| {} | {} | {} | {} | {} | {} | {} |\n",
                    if i == 0 { what.as_str() } else { "" },
                    metric.label,
                    cells[0],
                    cells[1],
                    cells[2],
                    ratio(values[1]),
                    ratio(values[2])
                ));
            }
        }
        out.push_str(
            "\nDownload: every file the page loaded (page, glue script, library, CSS, the form's JSON), \
             each compressed by itself. First field interactive: navigation start to the first frame \
             showing the first input. Keystroke to error: after a Next with the required field empty, \
             one digit typed until the frame showing \"must be 5 digits\". Step change: a click on Next \
             until the frame showing the next step's first input. Memory: after render and a forced \
             garbage collection (CDP `Runtime.getHeapUsage`; wasm: the size of the instance's memory, \
             grown pages, not bytes in use). The peers as a town would use them: SurveyJS with its fontless \
             CSS (the default CSS fetches a Google font), Form.io with its default 100 ms change \
             debounce, which is part of its keystroke figure.\n",
        );
        out.push_str(&self.phone.markdown());
        out.push_str("\n## Engine\n\n");
        out.push_str(&engine_markdown(self.engine.as_ref()));
        match &self.server {
            Some(server) if server.get("error").is_none() => {
                out.push_str(&format!("\n{}", super::server::markdown(server)))
            }
            Some(server) => out.push_str(&format!("\n## Server\n\nFailed: {}\n", server["error"])),
            None => {}
        }
        if !self.failures.is_empty() {
            out.push_str("\n## Problems\n\n");
            for failure in &self.failures {
                out.push_str(&format!("- {failure}\n"));
            }
        }
        out
    }

    fn json(&self) -> Value {
        let forms: Vec<Value> = self
            .forms
            .iter()
            .map(|form| {
                let systems: serde_json::Map<String, Value> = SYSTEMS
                    .iter()
                    .zip(&form.systems)
                    .map(|((key, _), figures)| {
                        let medians: serde_json::Map<String, Value> =
                            METRICS.iter().map(|m| (m.key.to_owned(), json!((m.value)(figures)))).collect();
                        let files: Vec<Value> = figures
                            .files
                            .iter()
                            .map(|(path, s)| json!({ "path": path, "raw": s.raw, "gzip": s.gzip, "brotli": s.brotli }))
                            .collect();
                        let samples: Vec<Value> = figures
                            .samples
                            .iter()
                            .map(|s| {
                                json!({
                                    "interactiveMs": s.interactive_ms, "keystrokeMs": s.keystroke_ms,
                                    "stepMs": s.step_ms, "jsHeapBytes": s.js_heap_bytes, "wasmBytes": s.wasm_bytes,
                                })
                            })
                            .collect();
                        ((*key).to_owned(), json!({ "medians": medians, "files": files, "samples": samples }))
                    })
                    .collect();
                json!({
                    "form": form.name, "steps": form.steps, "fields": form.fields,
                    "conditions": form.conditions, "systems": systems,
                })
            })
            .collect();
        json!({
            "date": self.date,
            "machine": { "cpus": self.machine.cpus, "cpu": self.machine.cpu, "chromium": self.machine.chromium },
            "runs": self.runs,
            "units": METRICS.iter().map(|m| (m.key, m.unit)).collect::<BTreeMap<_, _>>(),
            "forms": forms,
            "phone": self.phone.json(),
            "engine": self.engine,
            "server": self.server,
            "failures": self.failures,
        })
    }
}

/// The engine section: each `…_us` figure of `logic_bench` as a row (by name).
fn engine_markdown(engine: Option<&Value>) -> String {
    let Some(engine) = engine else { return "Not run.\n".to_owned() };
    if let Some(error) = engine.get("error").and_then(Value::as_str) {
        return format!("Not measured: {error}.\n");
    }
    let mut out = format!(
        "formlotse-core alone, natively (release; `cargo run --release -p formlotse-core --example \
         logic_bench`): a generated form of {} fields with {} conditions; medians.\n\n\
         | measure | µs |\n|---|---:|\n",
        engine["fields"], engine["conditions"]
    );
    for (key, value) in engine.as_object().into_iter().flatten() {
        if let (Some(name), Some(us)) = (key.strip_suffix("_us"), value.as_f64()) {
            out.push_str(&format!("| {} | {us} |\n", name.replace('_', " ")));
        }
    }
    out
}

fn cell(value: Option<f64>, unit: &str) -> String {
    match value {
        None => "–".to_owned(),
        Some(v) if unit == "ms" && v < 100.0 => format!("{v:.1} {unit}"),
        Some(v) if unit == "ms" => format!("{v:.0} {unit}"),
        Some(v) => format!("{v:.1} {unit}"),
    }
}

/// Today's date (UTC) as YYYY-MM-DD, by the engine's own calendar.
fn today() -> String {
    let secs =
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0);
    formlotse_core::Date::from_days((secs / 86_400) as i64).map(|date| date.to_string()).unwrap_or_default()
}

fn cpus() -> usize {
    std::thread::available_parallelism().map(usize::from).unwrap_or(1)
}

/// The CPU model from /proc/cpuinfo (Linux), or "unknown CPU".
fn cpu_model() -> String {
    std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|info| {
            info.lines()
                .find(|line| line.starts_with("model name"))
                .and_then(|line| line.split_once(':'))
                .map(|(_, model)| model.trim().to_owned())
        })
        .unwrap_or_else(|| "unknown CPU".to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn medians() {
        assert_eq!(median(vec![]), None);
        assert_eq!(median(vec![3.0, 1.0, 2.0]), Some(2.0));
        assert_eq!(median(vec![4.0, 1.0, 3.0, 2.0]), Some(2.5));
    }

    #[test]
    fn today_is_a_date() {
        let date = today();
        assert_eq!(date.len(), 10);
        assert!(date.starts_with("20"));
    }
}
