//! Render time and size of the application PDF for the dog sample (two dogs, one attachment),
//! and for the longest sample (every field answered, long descriptions).
//!
//! `cargo run --release -p formlotse-pdf --example bench [-- ROUNDS] [--out DIR]`
//! With `--out DIR` the PDFs are written there to look at.

use formlotse_core::payload::Attachment;
use formlotse_core::{Definition, Lang};
use formlotse_pdf::{Application, Fonts, render};
use serde_json::{Value as Json, json};
use std::time::Instant;

/// The dog application of the PDF tests.
#[path = "../tests/common/dog.rs"]
mod dog;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let rounds: u32 = args.first().and_then(|n| n.parse().ok()).unwrap_or(50);
    let out = args.iter().position(|a| a == "--out").and_then(|i| args.get(i + 1));
    let started = Instant::now();
    let fonts = Fonts::system_default()?;
    println!("fonts loaded in {:.1} ms", started.elapsed().as_secs_f64() * 1e3);

    let forms = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../demo/forms");
    let dog = formlotse_core::load(&std::fs::read_to_string(forms.join("hund-anmelden.json"))?)
        .map_err(|d| format!("{d:?}"))?;
    let lost = formlotse_core::load(&std::fs::read_to_string(forms.join("fundbuero-verlust.json"))?)
        .map_err(|d| format!("{d:?}"))?;
    let files = dog::attachments();
    let lost_payload = json!({"lang": "de", "answers": {
        "beschreibung": vec!["Eine schwarze Ledertasche mit Schulterriemen, darin ein Schlüsselbund."; 60].join(" ")
    }});
    for (name, definition, payload, files) in [
        ("hund-anmelden", &dog, dog::payload("de"), &files[..]),
        ("fundbuero-verlust (long)", &lost, lost_payload, &[][..]),
    ] {
        measure(name, definition, &payload, files, &fonts, rounds, out.map(String::as_str))?;
    }
    Ok(())
}

fn measure(
    name: &str,
    definition: &Definition,
    payload: &Json,
    attachments: &[Attachment],
    fonts: &Fonts,
    rounds: u32,
    out: Option<&str>,
) -> Result<(), Box<dyn std::error::Error>> {
    let application = Application {
        definition,
        payload,
        reference: "FL-2026-7K3M-Q9XD",
        received_at: "2026-11-29T10:05:00Z",
        attachments,
    };
    let first = render(&application, Lang::De, &formlotse_core::catalog::Catalog::german(), fonts)?;
    let mut times: Vec<f64> = (0..rounds)
        .map(|_| {
            let started = Instant::now();
            let pdf = render(&application, Lang::De, &formlotse_core::catalog::Catalog::german(), fonts);
            std::hint::black_box(pdf.map(|pdf| pdf.len()).unwrap_or(0));
            started.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    let cpu = cpu_ms();
    for _ in 0..rounds {
        std::hint::black_box(
            render(&application, Lang::De, &formlotse_core::catalog::Catalog::german(), fonts)
                .map(|pdf| pdf.len())
                .unwrap_or(0),
        );
    }
    let cpu = cpu_ms().zip(cpu).map_or(String::new(), |(after, before)| {
        format!(", {:.2} ms on the CPU each", (after - before) / f64::from(rounds.max(1)))
    });
    times.sort_by(f64::total_cmp);
    let median = times.get(times.len() / 2).copied().unwrap_or(0.0);
    let worst = times.last().copied().unwrap_or(0.0);
    let bytes = first.len();
    println!("{name}: {bytes} bytes, median {median:.2} ms, max {worst:.2} ms over {rounds} renders{cpu}");
    if let Some(dir) = out {
        std::fs::create_dir_all(dir)?;
        std::fs::write(format!("{dir}/{}.pdf", name.split(' ').next().unwrap_or(name)), &first)?;
    }
    Ok(())
}

/// Time this thread spent on a CPU (Linux), which a busy machine does not inflate as it does
/// the wall clock.
fn cpu_ms() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let nanoseconds: f64 = stat.split_whitespace().next()?.parse().ok()?;
    Some(nanoseconds / 1e6)
}
