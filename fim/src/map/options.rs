//! Options of a select field: a genericode code list (by canonical URI and version, shared by
//! every field that names it, in the form's `codeLists`) or XDF3's inline `werte`. A code
//! list that is missing makes the field a text field, never an empty select.

use super::{Mapper, markup_text};
use crate::genericode::Entry;
use crate::json::Json;
use crate::model::{Codes, Field};
use crate::report::NoteKind;

impl Mapper<'_> {
    /// The `options` value (inline list or code list name) and the number of options.
    pub(super) fn options(&mut self, field: &Field) -> Option<(Json, usize)> {
        let line = field.ident.line;
        let id = &field.ident.id;
        match &field.codes {
            Codes::None => {
                self.report.note(
                    line,
                    NoteKind::CodeList,
                    format!(
                        "select field {id} ({}) names no code list (with a canonicalIdentification) or values: imported as a text field",
                        field.label
                    ),
                );
                None
            }
            Codes::Inline(entries) => {
                let choices = self.choices(entries, id, line);
                let count = choices.len();
                (count > 0).then_some((Json::Arr(choices), count))
            }
            Codes::Reference { uri, version, version_uri, code_key, name_key, help_key } => {
                let named = match version {
                    Some(version) => format!("{uri} version {version}"),
                    None => uri.clone(),
                };
                let Some(list) = self.code_lists.find(uri, version.as_deref(), version_uri.as_deref()) else {
                    let versions = self.code_lists.versions_of(uri);
                    let found = if versions.is_empty() {
                        format!("not among the {} code lists given (--codelists)", self.code_lists.len())
                    } else {
                        format!("not found (there is version {})", versions.join(", "))
                    };
                    self.report.note(
                        line,
                        NoteKind::CodeList,
                        format!("code list {named} of {id} is {found}: imported as a text field"),
                    );
                    return None;
                };
                let entries =
                    match list.entries(code_key.as_deref(), name_key.as_deref(), help_key.as_deref()) {
                        Ok(entries) => entries,
                        Err(why) => {
                            self.report.note(
                                line,
                                NoteKind::CodeList,
                                format!(
                                    "code list {named} ({}) {why}: {id} imported as a text field",
                                    list.source
                                ),
                            );
                            return None;
                        }
                    };
                let name = list_name(uri, version.as_deref(), code_key.as_deref(), name_key.as_deref());
                let count = match self.lists.iter().find(|(existing, _)| *existing == name) {
                    Some((_, Json::Arr(choices))) => choices.len(),
                    _ => {
                        let choices = self.choices(&entries, id, line);
                        if choices.is_empty() {
                            self.report.note(
                                line,
                                NoteKind::CodeList,
                                format!("code list {named} has no codes: {id} imported as a text field"),
                            );
                            return None;
                        }
                        self.report.stats.code_lists += 1;
                        let count = choices.len();
                        self.lists.push((name.clone(), Json::Arr(choices)));
                        count
                    }
                };
                Some((Json::Str(name), count))
            }
        }
    }

    /// Options with distinct, non-empty values.
    fn choices(&mut self, entries: &[Entry], id: &str, line: u32) -> Vec<Json> {
        let mut seen: Vec<&str> = Vec::new();
        let mut choices = Vec::new();
        for (code, name, help) in entries {
            let code = code.trim();
            if code.is_empty() {
                continue;
            }
            if seen.contains(&code) {
                self.report.note(
                    line,
                    NoteKind::CodeList,
                    format!("code {code:?} occurs twice in the options of {id}: kept once"),
                );
                continue;
            }
            seen.push(code);
            let label = if name.trim().is_empty() { code } else { name.trim() };
            choices.push(
                Json::obj()
                    .with("value", Json::str(code))
                    .with("label", Json::str(label.split_whitespace().collect::<Vec<_>>().join(" ")))
                    .with_opt(
                        "hint",
                        help.as_deref()
                            .filter(|h| !h.trim().is_empty())
                            .map(|h| Json::str(markup_text(h.trim()))),
                    ),
            );
        }
        choices
    }
}

/// The name of a code list in `codeLists`: the last part of its URI and its version
/// (`geschlecht_2`), and the columns when they are not the default ones.
fn list_name(uri: &str, version: Option<&str>, code_key: Option<&str>, name_key: Option<&str>) -> String {
    let last = uri.rsplit([':', '/']).find(|part| !part.is_empty()).unwrap_or(uri);
    let mut name = last.to_owned();
    for part in [version, code_key, name_key].into_iter().flatten() {
        name.push('_');
        name.push_str(part);
    }
    name.chars().map(|c| if c.is_ascii_alphanumeric() || c == '-' { c } else { '_' }).collect()
}
