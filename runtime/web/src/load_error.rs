//! Why the form could not be shown, in words for the webmaster: what failed and where. A
//! broken definition is reported by each problem's code and JSON Pointer; its words, line and
//! column are the authors' tools' work (`Formlotse.check`, the playground), which keeps them out
//! of the citizen's download.

use crate::fetch::FetchError;
use crate::texts::Texts;
use formlotse_core::Diagnostic;
use formlotse_core::catalog::Catalog;

/// Why the form could not be shown, for the webmaster: what failed and where.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum LoadError {
    /// The element has no `src` attribute.
    MissingAttribute(&'static str),
    /// The definition could not be fetched.
    Fetch { url: String, error: FetchError },
    /// The definition has problems.
    Invalid { url: String, diagnostics: Vec<Diagnostic> },
}

impl LoadError {
    /// A short code for the `formlotse:error` event.
    pub(crate) fn reason(&self) -> &'static str {
        match self {
            LoadError::MissingAttribute(_) => "missing_attribute",
            LoadError::Fetch { error: FetchError::Status(_), .. } => "http_status",
            LoadError::Fetch { error: FetchError::Network(_), .. } => "network",
            LoadError::Invalid { .. } => "invalid_definition",
        }
    }

    /// The details lines shown in the notice, in the words of `t`'s catalog.
    pub(crate) fn details(&self, t: &Texts) -> Vec<String> {
        let words = t.catalog();
        match self {
            LoadError::MissingAttribute(name) => vec![words.text("load_error.attribute", &[("name", name)])],
            LoadError::Fetch { url, error: FetchError::Status(404) } => {
                vec![words.text("load_error.not_found", &[("url", url)])]
            }
            LoadError::Fetch { url, error: FetchError::Status(status) } => {
                vec![words.text("load_error.status", &[("url", url), ("status", &status.to_string())])]
            }
            LoadError::Fetch { url, error: FetchError::Network(message) } => {
                vec![words.text("load_error.network", &[("url", url), ("message", message)])]
            }
            LoadError::Invalid { url, diagnostics } => {
                std::iter::once(words.text("load_error.invalid", &[("url", url)]))
                    .chain(diagnostics.iter().map(|d| problem_line(d, words)))
                    .chain(std::iter::once(words.text("load_error.invalid_help", &[])))
                    .collect()
            }
        }
    }
}

/// One problem as a line: "/steps/0/fields/1/type: unknown_field_type", or with the place when
/// the parser knew it ("Zeile 7, Spalte 3: json_syntax").
fn problem_line(diagnostic: &Diagnostic, words: &Catalog) -> String {
    let code = diagnostic.problem.code();
    match diagnostic.position {
        Some(p) => words.text(
            "load_error.position",
            &[("line", &p.line.to_string()), ("column", &p.column.to_string()), ("code", code)],
        ),
        None if diagnostic.pointer.is_empty() => code.to_owned(),
        None => format!("{}: {code}", diagnostic.pointer),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogs;
    use crate::texts::texts;
    use formlotse_core::{Lang, Position, Problem};

    fn invalid(diagnostics: Vec<Diagnostic>) -> LoadError {
        LoadError::Invalid { url: "/f.json".into(), diagnostics }
    }

    #[test]
    fn a_broken_definition_is_told_by_code_and_pointer() {
        let error = invalid(vec![
            Diagnostic {
                problem: Problem::UnknownFieldType { found: "signature".into() },
                pointer: "/steps/0/fields/1/type".into(),
                position: None,
            },
            Diagnostic { problem: Problem::GermanFirst, pointer: String::new(), position: None },
        ]);
        assert_eq!(error.reason(), "invalid_definition");
        let lines = error.details(texts(Lang::De));
        assert_eq!(lines[0], "Die Formulardefinition /f.json enthält Fehler:");
        assert_eq!(lines[1], "/steps/0/fields/1/type: unknown_field_type");
        assert_eq!(lines[2], "german_first");
        assert!(lines[3].contains("Formlotse.check()"), "{lines:?}");
        assert_eq!(
            error.details(texts(catalogs::english()))[1],
            "/steps/0/fields/1/type: unknown_field_type"
        );
    }

    #[test]
    fn a_syntax_error_keeps_its_place() {
        let error = invalid(vec![Diagnostic {
            problem: Problem::JsonSyntax { detail: "expected `,`".into() },
            pointer: String::new(),
            position: Some(Position { line: 7, column: 3 }),
        }]);
        assert_eq!(error.details(texts(Lang::De))[1], "Zeile 7, Spalte 3: json_syntax");
        assert_eq!(error.details(texts(catalogs::english()))[1], "line 7, column 3: json_syntax");
    }

    #[test]
    fn fetch_failures_name_the_url_and_status() {
        let missing = LoadError::Fetch { url: "/x.json".into(), error: FetchError::Status(404) };
        assert_eq!(missing.reason(), "http_status");
        assert_eq!(
            missing.details(texts(Lang::De)),
            ["Die Formulardefinition /x.json wurde nicht gefunden (HTTP 404)."]
        );
        let offline =
            LoadError::Fetch { url: "/x.json".into(), error: FetchError::Network("offline".into()) };
        let uk = catalogs::register(include_str!("../../i18n/uk.json"));
        assert_eq!(
            missing.details(texts(uk)),
            ["Опис форми /x.json не знайдено (HTTP 404)."],
            "in every language"
        );
        assert_eq!(offline.reason(), "network");
        assert_eq!(
            offline.details(texts(catalogs::english())),
            ["The form definition /x.json could not be fetched: offline"]
        );
        assert_eq!(
            LoadError::MissingAttribute("src").details(texts(catalogs::english())),
            ["The <form-lotse> element has no “src” attribute."]
        );
    }
}
