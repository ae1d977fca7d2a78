//! The receiver's side of "same verdict in the browser and on the server": a submission names
//! its form by id; the server looks that form up among the definitions it serves and runs
//! `formlotse_core::check_received` on the payload's text.

use std::path::{Path, PathBuf};

use formlotse_core::validation::PayloadProblem;
use formlotse_core::{Date, Definition, FieldError, Lang, check_received, messages};
use serde_json::{Value, json};

/// What the server concluded about a payload.
#[derive(Debug, PartialEq)]
pub enum Verdict {
    /// The form is known and every rule passed.
    Valid,
    /// No definition served here has this form id; stored as received.
    Unchecked,
    /// The payload breaks its form's rules: one `{field, code, detail}` per error.
    Invalid(Vec<Value>),
}

impl Verdict {
    /// The word stored with the submission.
    pub fn as_str(&self) -> &'static str {
        match self {
            Verdict::Valid => "valid",
            Verdict::Unchecked => "unchecked",
            Verdict::Invalid(_) => "invalid",
        }
    }
}

/// The directories whose `*.json` definitions the receiver knows.
#[derive(Debug, Clone)]
pub struct FormDirs(pub Vec<PathBuf>);

impl FormDirs {
    /// The definition with id `form`, read fresh from disk so an edited sample counts at once.
    /// Files that do not load are skipped: they are the `check` command's business.
    pub fn find(&self, form: &str) -> Option<Definition> {
        self.0.iter().flat_map(|dir| json_files(dir)).find_map(|file| {
            let source = std::fs::read_to_string(file).ok()?;
            formlotse_core::load(&source).ok().filter(|definition| definition.id == form)
        })
    }

    /// Checks `payload` (the received text, `parsed` its reading) against its form: the
    /// verdict of `formlotse_core::check_received` for the server's day `today`.
    pub fn check(&self, payload: &str, parsed: &Value, today: Date) -> Verdict {
        let Some(definition) = parsed.get("form").and_then(Value::as_str).and_then(|id| self.find(id)) else {
            return Verdict::Unchecked;
        };
        let lang = Lang::from_tag(parsed.get("lang").and_then(Value::as_str).unwrap_or("de"));
        verdict(&definition, check_received(&definition, payload, today), lang)
    }
}

fn verdict(
    definition: &Definition,
    checked: Result<Vec<FieldError>, Vec<PayloadProblem>>,
    lang: Lang,
) -> Verdict {
    match checked {
        Ok(errors) if errors.is_empty() => Verdict::Valid,
        Ok(errors) => Verdict::Invalid(
            errors
                .iter()
                .map(|error| {
                    // A field's label, a repeatable group's legend (its number of items), or
                    // the form's own words ("… more").
                    let detail = match definition.field_at(&error.path) {
                        Some((field, _)) => messages::for_field(definition, field, &error.violation, lang),
                        None => match definition.repeats().find(|repeat| repeat.id == error.path) {
                            Some(repeat) => messages::for_group(repeat, &error.violation, lang),
                            None => messages::for_form(&error.violation, lang),
                        },
                    };
                    json!({"field": error.path, "code": error.violation.code(), "detail": detail})
                })
                .collect(),
        ),
        Err(problems) => Verdict::Invalid(
            problems
                .iter()
                .map(|problem| {
                    let field = match problem {
                        PayloadProblem::UnknownField { field, .. } => field.as_str(),
                        _ => "",
                    };
                    json!({"field": field, "code": problem.code(),
                        "detail": messages::payload_problem(problem, lang)})
                })
                .collect(),
        ),
    }
}

/// The `*.json` files directly in `dir`, sorted so the first match is deterministic.
pub fn json_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    files.sort();
    files
}

/// Today in UTC, from the system clock (the engine has none).
pub fn today_utc() -> Date {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |elapsed| i64::try_from(elapsed.as_secs()).unwrap_or(0));
    Date::from_days(seconds / 86_400).unwrap_or_else(|| Date::new(1970, 1, 1).expect("a valid date"))
}
