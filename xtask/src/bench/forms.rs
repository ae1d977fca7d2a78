//! Writes the benchmark forms for the harness: target/bench/forms/<form>/ holds
//! `formlotse.json`, `surveyjs.json`, `formio.json` and `expect.json` (what the harness checks
//! on each system's page, so a mistranslated form is a failure, not a fast figure).

use super::{formio, formlotse, spec, surveyjs};
use crate::Result;
use std::path::Path;

/// Writes every form under `dir` and returns the specs.
pub(crate) fn write(dir: &Path) -> Result<Vec<spec::Form>> {
    let forms = spec::forms(spec::WITH_CONDITIONS);
    for form in &forms {
        let definition = formlotse::definition(form);
        check_loads(form.name, &definition)?;
        let folder = dir.join(form.name);
        std::fs::create_dir_all(&folder).map_err(|e| format!("cannot create {}: {e}", folder.display()))?;
        for (file, json) in [
            ("formlotse.json", definition),
            ("surveyjs.json", surveyjs::survey(form)),
            ("formio.json", formio::form(form)),
            ("expect.json", form.expectations()),
        ] {
            let path = folder.join(file);
            std::fs::write(&path, json.to_string())
                .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        }
    }
    Ok(forms)
}

/// The Formlotse definition must load in this tree's runtime/core; the usual reason it does
/// not is `visibleIf` before issue 4 has landed.
fn check_loads(name: &str, definition: &serde_json::Value) -> Result {
    let Err(problems) = formlotse_core::load(&definition.to_string()) else { return Ok(()) };
    let first: Vec<String> = problems.iter().take(3).map(|p| format!("{p:?}")).collect();
    Err(format!(
        "the generated Formlotse definition `{name}` does not load ({} problems; first: {}). If they are \
         about visibleIf, this tree's runtime/core predates issue 4: merge main, or (only while \
         developing) set spec::WITH_CONDITIONS to false",
        problems.len(),
        first.join("; ")
    ))
}
