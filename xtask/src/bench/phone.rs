//! The phone profile of the report (issue 19): the small and medium forms on an emulated
//! phone (Lighthouse's "Slow 4G" as Chromium's network emulation, CPU 4× slower), with an
//! empty cache and as the second page view of a site. Medians per system, form and cache.

use super::harness::{PhoneSample, Results};
use super::report::{SYSTEMS, median};
use serde_json::{Value, json};

/// The phone profile's figures.
#[derive(Debug)]
pub(crate) struct Phone {
    samples: Vec<PhoneSample>,
    profile: Value,
}

/// One row: a label, its unit, which cache and which figure of a sample.
struct Row {
    key: &'static str,
    label: &'static str,
    unit: &'static str,
    warm: bool,
    value: fn(&PhoneSample) -> Option<f64>,
}

const KB: f64 = 1000.0;

const ROWS: &[Row] = &[
    Row {
        key: "coldInteractive",
        label: "first field interactive, fresh cache",
        unit: "ms",
        warm: false,
        value: |s| s.interactive_ms,
    },
    Row {
        key: "coldFormArrived",
        label: "the form's JSON arrived",
        unit: "ms",
        warm: false,
        value: |s| s.form_arrived_ms,
    },
    Row {
        key: "coldRoundTrips",
        label: "sequential round trips before it",
        unit: "",
        warm: false,
        value: |s| s.round_trips,
    },
    Row {
        key: "coldTransferred",
        label: "over the wire before it",
        unit: "kB",
        warm: false,
        value: |s| s.transferred_bytes.map(|b| b / KB),
    },
    Row {
        key: "warmInteractive",
        label: "first field interactive, second page (warm cache)",
        unit: "ms",
        warm: true,
        value: |s| s.interactive_ms,
    },
    Row {
        key: "warmRoundTrips",
        label: "sequential round trips before it",
        unit: "",
        warm: true,
        value: |s| s.round_trips,
    },
    Row {
        key: "warmRuntime",
        label: "runtime files downloaded",
        unit: "kB",
        warm: true,
        value: |s| s.runtime_bytes.map(|b| b / KB),
    },
];

impl Phone {
    pub(crate) fn new(results: &Results) -> Phone {
        Phone { samples: results.phone.clone(), profile: results.phone_profile.clone() }
    }

    /// The forms measured, in the order they were.
    fn forms(&self) -> Vec<&str> {
        let mut forms: Vec<&str> = Vec::new();
        for sample in &self.samples {
            if !forms.contains(&sample.form.as_str()) {
                forms.push(&sample.form);
            }
        }
        forms
    }

    /// The median of `row` for `system` on `form`.
    fn value(&self, form: &str, system: &str, row: &Row) -> Option<f64> {
        median(
            self.samples
                .iter()
                .filter(|s| s.form == form && s.system == system && s.warm == row.warm)
                .filter_map(row.value)
                .collect(),
        )
    }

    /// The section as Markdown, with its table; empty when the harness measured no phone.
    pub(crate) fn markdown(&self) -> String {
        if self.samples.is_empty() {
            return String::new();
        }
        let network = &self.profile["network"];
        let kbit = |bytes_per_s: &Value| bytes_per_s.as_f64().map_or(0.0, |b| b * 8.0 / 1024.0);
        let mut out = format!(
            "\n## Phone\n\nThe small and medium forms on an emulated phone: Chromium's network emulation at \
             Lighthouse's \"Slow 4G\" ({:.1} kbit/s down, {:.0} kbit/s up, {} ms latency per request; CDP \
             `Network.emulateNetworkConditions`) and the CPU slowed {}× (`Emulation.setCPUThrottlingRate`), \
             412×823 px. Fresh cache: a new context. Second page: the other form's page of the same site \
             loaded first (unthrottled) in the same context, then this one; the server sends what \
             docs/embedding.md asks for (hashed runtime files and the peers' versioned packages kept a \
             year, pages, forms and `formlotse.js` revalidated). Round trips: the longest chain of \
             requests that went to the network before the first field showed, each started after the \
             one before it had ended (a revalidation counts, a cache hit does not). The form's JSON \
             arrived: the earliest anything of the form (its title) could show before the runtime.\n\n",
            kbit(&network["downloadThroughput"]),
            kbit(&network["uploadThroughput"]),
            network["latency"],
            self.profile["cpuSlowdown"],
        );
        let names: Vec<&str> = SYSTEMS.iter().map(|(_, name)| *name).collect();
        out.push_str(&format!(
            "| form | measure | {} | {} | {} | {}/{} | {}/{} |\n|---|---|---:|---:|---:|---:|---:|\n",
            names[0], names[1], names[2], names[0], names[1], names[0], names[2]
        ));
        for form in self.forms() {
            for (i, row) in ROWS.iter().enumerate() {
                let values: Vec<Option<f64>> =
                    SYSTEMS.iter().map(|(system, _)| self.value(form, system, row)).collect();
                let ratio = |peer: Option<f64>| match (values[0], peer) {
                    (Some(ours), Some(theirs)) if theirs > 0.0 && row.unit == "ms" => {
                        format!("{:.2}", ours / theirs)
                    }
                    _ => "–".to_owned(),
                };
                out.push_str(&format!(
                    "| {} | {} | {} | {} | {} | {} | {} |\n",
                    if i == 0 { form } else { "" },
                    row.label,
                    cell(values[0], row.unit),
                    cell(values[1], row.unit),
                    cell(values[2], row.unit),
                    ratio(values[1]),
                    ratio(values[2]),
                ));
            }
        }
        out
    }

    pub(crate) fn json(&self) -> Value {
        let forms: Vec<Value> = self
            .forms()
            .into_iter()
            .map(|form| {
                let systems: serde_json::Map<String, Value> = SYSTEMS
                    .iter()
                    .map(|(system, _)| {
                        let medians: serde_json::Map<String, Value> = ROWS
                            .iter()
                            .map(|row| (row.key.to_owned(), json!(self.value(form, system, row))))
                            .collect();
                        ((*system).to_owned(), Value::Object(medians))
                    })
                    .collect();
                json!({ "form": form, "systems": systems })
            })
            .collect();
        json!({ "profile": self.profile, "forms": forms })
    }
}

fn cell(value: Option<f64>, unit: &str) -> String {
    match (value, unit) {
        (None, _) => "–".to_owned(),
        (Some(v), "") => format!("{v:.0}"),
        (Some(v), "ms") => format!("{v:.0} ms"),
        (Some(v), unit) => format!("{v:.1} {unit}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample(system: &str, warm: bool, interactive: f64) -> PhoneSample {
        PhoneSample {
            form: "small".into(),
            system: system.into(),
            warm,
            interactive_ms: Some(interactive),
            round_trips: Some(if warm { 2.0 } else { 3.0 }),
            form_arrived_ms: Some(interactive / 2.0),
            transferred_bytes: Some(200_000.0),
            runtime_bytes: Some(if warm { 0.0 } else { 180_000.0 }),
        }
    }

    #[test]
    fn medians_per_cache_and_ratios_of_times_only() {
        let samples = vec![
            sample("formlotse", false, 1000.0),
            sample("formlotse", false, 1400.0),
            sample("formlotse", false, 1200.0),
            sample("formlotse", true, 500.0),
            sample("surveyjs", false, 2400.0),
            sample("formio", false, 3000.0),
        ];
        let phone = Phone { samples, profile: json!({ "network": { "latency": 150 }, "cpuSlowdown": 4 }) };
        let markdown = phone.markdown();
        assert!(
            markdown.contains(
                "| small | first field interactive, fresh cache | 1200 ms | 2400 ms | 3000 ms | 0.50 | 0.40 |"
            ),
            "{markdown}"
        );
        assert!(
            markdown.contains(
                "|  | first field interactive, second page (warm cache) | 500 ms | – | – | – | – |"
            ),
            "{markdown}"
        );
        assert!(
            markdown.contains("|  | sequential round trips before it | 3 | 3 | 3 | – | – |"),
            "{markdown}"
        );
        assert_eq!(phone.json()["forms"][0]["systems"]["formlotse"]["warmRuntime"], json!(0.0));
    }
}
