//! What the PDF tests share: the fonts, the sample forms, a payload for any form, and the
//! independent tools that read the PDF (poppler's pdftotext and pdfinfo, qpdf).

#![allow(dead_code)] // each test file uses a part

pub mod dog;

use formlotse_core::catalog::{Catalog, Catalogs};
use formlotse_core::{Definition, FieldKind, Item};
use formlotse_pdf::Fonts;
use serde_json::{Map, Value as Json, json};
use std::path::{Path, PathBuf};
use std::process::Command;

pub fn fonts() -> Fonts {
    Fonts::system_default().unwrap_or_else(|e| panic!("{e}")) // ok: test
}

/// The catalogs Formlotse ships (`runtime/i18n`), as the server loads them.
pub fn catalogs() -> Catalogs {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../runtime/i18n");
    let mut files: Vec<PathBuf> =
        std::fs::read_dir(&dir).expect("runtime/i18n").map(|e| e.expect("entry").path()).collect(); // ok: test
    files.retain(|p| p.extension().is_some_and(|ext| ext == "json"));
    Catalogs::new(files.iter().map(|file| {
        Catalog::parse(&std::fs::read_to_string(file).expect("read")).expect("a catalog") // ok: test
    }))
}

/// The sample form `demo/forms/{id}.json`.
pub fn sample(id: &str) -> Definition {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("../demo/forms/{id}.json"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display())); // ok: test
    formlotse_core::load(&text).unwrap_or_else(|d| panic!("{id}: {d:?}")) // ok: test
}

/// The ids of every sample form.
pub fn sample_ids() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../demo/forms");
    let mut ids: Vec<String> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display())) // ok: test
        .filter_map(|entry| entry.ok()?.file_name().to_str()?.strip_suffix(".json").map(str::to_owned))
        .collect();
    ids.sort();
    ids
}

/// A payload answering every field of `definition` by its type (two items per repeatable
/// group, every textarea long enough to run over a page): what the PDF must then show.
pub fn filled(definition: &Definition, lang: &str) -> Json {
    let mut answers = Map::new();
    for step in &definition.steps {
        fill(&step.items, &mut answers, 0);
    }
    json!({"formlotse": 1, "form": definition.id, "version": definition.version, "lang": lang, "answers": answers})
}

fn fill(items: &[Item], answers: &mut Map<String, Json>, item: usize) {
    for entry in items {
        match entry {
            Item::Field(field) => {
                if let Some(value) = answer(&field.id, &field.kind, item) {
                    answers.insert(field.id.clone(), value);
                }
            }
            Item::Group(group) => fill(&group.items, answers, item),
            Item::Repeat(repeat) => {
                let items = (0..2)
                    .map(|index| {
                        let mut one = Map::new();
                        fill(&repeat.items, &mut one, index + 1);
                        Json::Object(one)
                    })
                    .collect();
                answers.insert(repeat.id.clone(), Json::Array(items));
            }
            Item::Content(_) => {}
        }
    }
}

fn answer(id: &str, kind: &FieldKind, item: usize) -> Option<Json> {
    let first = |choices: &[formlotse_core::definition::Choice]| choices.first().map(|c| json!(c.value));
    Some(match kind {
        FieldKind::Text => json!(format!("Beispiel {id} {item}")),
        FieldKind::Textarea => json!(long_text(id)),
        FieldKind::Number { .. } => json!(3),
        FieldKind::Money => json!(1234.5),
        FieldKind::Email => json!("erika.mustermann@example.org"),
        FieldKind::Phone => json!("+49 30 1234567"),
        FieldKind::Date => json!("2026-11-02"),
        FieldKind::Select(choices) | FieldKind::Radio(choices) => first(choices)?,
        FieldKind::Checkboxes(choices) => json!(choices.iter().map(|c| c.value.clone()).collect::<Vec<_>>()),
        FieldKind::Checkbox | FieldKind::YesNo => json!(true),
        FieldKind::Iban => json!("DE02120300000000202051"),
        FieldKind::PostalCode => json!("12345"),
        FieldKind::File(_) => {
            json!([{"name": format!("{id}-nachweis.pdf"), "type": "application/pdf", "size": 48213}])
        }
        FieldKind::Calculated(_) => return None,
    })
}

/// A citizen's long description, with their own paragraph breaks.
pub fn long_text(id: &str) -> String {
    let sentence =
        "Die schwarze Ledertasche mit dem Schulterriemen lag am Dienstagmorgen im Bus der Linie 7.";
    let paragraph = [sentence; 6].join(" ");
    format!("{id}: {}", [paragraph.as_str(); 12].join("\n\n"))
}

/// Writes `pdf` where a person can look at it: target/tmp/formlotse-pdf/{name}.pdf.
pub fn save(name: &str, pdf: &[u8]) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("formlotse-pdf");
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())); // ok: test
    let path = dir.join(format!("{name}.pdf"));
    std::fs::write(&path, pdf).unwrap_or_else(|e| panic!("{}: {e}", path.display())); // ok: test
    path
}

/// Runs a tool on a file and returns what it printed; a missing tool or a failure fails the test.
pub fn tool(program: &str, args: &[&str], file: &Path) -> String {
    let output = Command::new(program)
        .args(args)
        .arg(file)
        .args(if program == "pdftotext" { &["-"][..] } else { &[] })
        .output()
        .unwrap_or_else(|e| panic!("{program}: {e} (apt-get install poppler-utils qpdf)")); // ok: test
    assert!(output.status.success(), "{program} {args:?}: {}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// The text in content order (`pdftotext -raw`): a wrapped label stays together.
pub fn text_of(file: &Path) -> String {
    tool("pdftotext", &["-raw", "-enc", "UTF-8"], file)
}

/// The text without what every page repeats (page numbers, the running head, a table's header
/// row, a question named again with "(Fortsetzung)"), so a row that runs over a page reads as one.
pub fn without_page_furniture(text: &str) -> String {
    let furniture = |line: &str| {
        let words: Vec<&str> = line.split(' ').collect();
        let page_number = matches!(words.as_slice(), ["Seite" | "Page", n, "von" | "of", m]
            if n.parse::<usize>().is_ok() && m.parse::<usize>().is_ok());
        let running_head =
            (line.starts_with("Antrag: ") || line.starts_with("Application: ")) && line.contains(" – FL-");
        page_number || running_head || line == "Angabe Antwort" || line == "Question Answer"
    };
    let mut lines: Vec<&str> = Vec::new();
    for line in text.lines().map(str::trim) {
        if line == "(Fortsetzung)" || line == "(continued)" {
            lines.pop(); // the question named again above it
        } else if !furniture(line) {
            lines.push(line);
        }
    }
    lines.join("\n")
}

/// Text without any white space, to find a wrapped text whatever its line breaks.
pub fn squeeze(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// A line of `pdfinfo`: `field("Pages")` is "3".
pub fn info_field(info: &str, field: &str) -> String {
    info.lines()
        .find_map(|line| line.strip_prefix(&format!("{field}:")))
        .map(|value| value.trim().to_owned())
        .unwrap_or_else(|| panic!("pdfinfo has no {field}:\n{info}")) // ok: test
}
