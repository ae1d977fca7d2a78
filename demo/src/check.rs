//! `formlotse-demo check FILE.json...`: a form author's (or CI's) check of definitions, in the
//! form compilers use so editors can jump to the place: `FILE:LINE:COLUMN: message (code)`.

use std::path::Path;

use formlotse_core::catalog::{self, Catalog};
use formlotse_core::{Lang, messages};

/// Prints the diagnostics of each file; returns how many files had any (or could not be read).
pub fn run(files: &[impl AsRef<Path>]) -> usize {
    files.iter().filter(|file| !check_file(file.as_ref())).count()
}

/// Checks one file and prints its diagnostics; true when it is a valid definition.
fn check_file(file: &Path) -> bool {
    let source = match std::fs::read_to_string(file) {
        Ok(source) => source,
        Err(error) => {
            println!("{}: cannot read: {error}", file.display());
            return false;
        }
    };
    for line in report(&file.display().to_string(), &source) {
        println!("{line}");
    }
    if Catalog::is_catalog(&source) {
        catalog::check(&source).is_empty() && misnamed(&file.display().to_string(), &source).is_none()
    } else {
        formlotse_core::load(&source).is_ok()
    }
}

/// The report lines of a language catalog: its missing and extra words, wrong placeholders, and
/// a file (`name` ending in `.json`) named otherwise than browsers fetch it.
fn catalog_report(name: &str, source: &str) -> Vec<String> {
    let problems = catalog::check(source);
    let mut lines: Vec<String> = misnamed(name, source)
        .map(|catalog| {
            format!(
                "{name}: browsers fetch the catalog of \"{}\" as {}; rename the file (at /lang, catalog_file_name)",
                catalog.lang().tag(),
                catalog.file_name()
            )
        })
        .into_iter()
        .collect();
    if problems.is_empty() && lines.is_empty() {
        let lang = Catalog::parse(source).map(|c| c.lang().tag().to_owned()).unwrap_or_default();
        return vec![format!("{name}: ok (catalog {lang})")];
    }
    lines.extend(problems.iter().map(|problem| {
        let pointer = problem.pointer();
        let pointer = if pointer.is_empty() { "/".to_owned() } else { pointer };
        format!("{name}: {} (at {pointer}, {})", messages::catalog_problem(problem, Lang::En), problem.code())
    }));
    lines
}

/// The catalog in `source` if the file `name` (ending in `.json`) is named otherwise than
/// browsers fetch it (`Catalog::file_name`).
fn misnamed(name: &str, source: &str) -> Option<Catalog> {
    let file = Path::new(name).file_name().and_then(|file| file.to_str()).unwrap_or_default();
    Catalog::parse(source).ok().filter(|catalog| file.ends_with(".json") && file != catalog.file_name())
}

/// The report lines for `source`, named `name`: one per diagnostic, or `name: ok`.
pub fn report(name: &str, source: &str) -> Vec<String> {
    if Catalog::is_catalog(source) {
        return catalog_report(name, source);
    }
    match formlotse_core::load(source) {
        Ok(definition) => vec![format!("{name}: ok (form {})", definition.id)],
        Err(diagnostics) => diagnostics
            .iter()
            .map(|diagnostic| {
                let place = diagnostic
                    .position
                    .map_or_else(String::new, |position| format!(":{}:{}", position.line, position.column));
                let pointer = if diagnostic.pointer.is_empty() { "/" } else { &diagnostic.pointer };
                format!(
                    "{name}{place}: {} (at {pointer}, {})",
                    messages::diagnostic(diagnostic, Lang::En),
                    diagnostic.problem.code()
                )
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::report;

    #[test]
    fn a_broken_definition_names_file_line_and_column() {
        let lines = report("hund.json", "{\n  \"formlotse\": 1,\n  \"idd\": \"x\"\n}");
        assert!(lines.iter().any(|line| line.starts_with("hund.json:3:3: ")), "{lines:?}");
        assert!(lines.iter().all(|line| line.starts_with("hund.json:")), "{lines:?}");
    }

    #[test]
    fn a_catalog_is_checked_against_the_german_words() {
        let lines = report(
            "hsb.json",
            r#"{"formlotse-catalog": 1, "lang": "hsb", "name": "Hornjoserbšćina", "words": {"progress": "Krok {step} z {total}"}}"#,
        );
        assert!(lines.contains(&"hsb.json: The word “back” is missing; citizens see the German one (at /words/back, catalog_missing_key)".to_owned()), "{lines:?}");
        assert!(lines.iter().any(|l| l.contains("unknown placeholders {total}; missing {of}")), "{lines:?}");
        let misnamed = report(
            "i18n/dsb.json",
            r#"{"formlotse-catalog": 1, "lang": "hsb", "name": "Hornjoserbšćina", "words": {}}"#,
        );
        assert_eq!(
            misnamed.first().map(String::as_str),
            Some(
                "i18n/dsb.json: browsers fetch the catalog of \"hsb\" as hsb.json; rename the file (at /lang, catalog_file_name)"
            )
        );
        let shipped = concat!(env!("CARGO_MANIFEST_DIR"), "/../runtime/i18n");
        for entry in std::fs::read_dir(shipped).unwrap() {
            let path = entry.unwrap().path();
            let name = path.display().to_string();
            let lines = report(&name, &std::fs::read_to_string(&path).unwrap());
            assert!(
                lines.len() == 1 && lines[0].starts_with(&format!("{name}: ok (catalog ")),
                "{}: {lines:?}",
                path.display()
            );
        }
    }

    #[test]
    fn the_samples_are_valid() {
        let forms = concat!(env!("CARGO_MANIFEST_DIR"), "/forms");
        for entry in std::fs::read_dir(forms).unwrap() {
            let path = entry.unwrap().path();
            let source = std::fs::read_to_string(&path).unwrap();
            let lines = report("sample", &source);
            assert!(lines.len() == 1 && lines[0].starts_with("sample: ok"), "{}: {lines:?}", path.display());
        }
    }
}
