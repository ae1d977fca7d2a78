//! Why the form could not be shown, in words for the webmaster: what failed and where. A
//! broken definition is reported by each problem's code and JSON Pointer; its words, line and
//! column are the authors' tools' work (`Formlotse.check`, the playground), which keeps them out
//! of the citizen's download.

use crate::fetch::FetchError;
use formlotse_core::{Diagnostic, Lang};

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

    /// The details lines shown in the notice.
    pub(crate) fn details(&self, lang: Lang) -> Vec<String> {
        let de = !lang.is_english();
        match self {
            LoadError::MissingAttribute(name) if de => {
                vec![format!("Am Element <form-lotse> fehlt das Attribut „{name}“.")]
            }
            LoadError::MissingAttribute(name) => {
                vec![format!("The <form-lotse> element has no \"{name}\" attribute.")]
            }
            LoadError::Fetch { url, error: FetchError::Status(404) } if de => {
                vec![format!("Die Formulardefinition {url} wurde nicht gefunden (HTTP 404).")]
            }
            LoadError::Fetch { url, error: FetchError::Status(404) } => {
                vec![format!("The form definition {url} was not found (HTTP 404).")]
            }
            LoadError::Fetch { url, error: FetchError::Status(status) } if de => {
                vec![format!("Die Formulardefinition {url} konnte nicht abgerufen werden (HTTP {status}).")]
            }
            LoadError::Fetch { url, error: FetchError::Status(status) } => {
                vec![format!("The form definition {url} could not be fetched (HTTP {status}).")]
            }
            LoadError::Fetch { url, error: FetchError::Network(message) } if de => {
                vec![format!("Die Formulardefinition {url} konnte nicht abgerufen werden: {message}")]
            }
            LoadError::Fetch { url, error: FetchError::Network(message) } => {
                vec![format!("The form definition {url} could not be fetched: {message}")]
            }
            LoadError::Invalid { url, diagnostics } => {
                let head = if de {
                    format!("Die Formulardefinition {url} enthält Fehler:")
                } else {
                    format!("The form definition {url} has errors:")
                };
                let tail = if de {
                    "Zeile, Spalte und Erklärung jedes Fehlers zeigen Formlotse.check() und der Spielplatz."
                } else {
                    "Formlotse.check() and the playground show each error's line, column and explanation."
                };
                std::iter::once(head)
                    .chain(diagnostics.iter().map(|d| problem_line(d, lang)))
                    .chain(std::iter::once(tail.to_owned()))
                    .collect()
            }
        }
    }
}

/// One problem as a line: "/steps/0/fields/1/type: unknown_field_type", or with the place when
/// the parser knew it ("Zeile 7, Spalte 3: json_syntax").
fn problem_line(diagnostic: &Diagnostic, lang: Lang) -> String {
    let code = diagnostic.problem.code();
    match (diagnostic.position, lang.is_english()) {
        (Some(p), false) => format!("Zeile {}, Spalte {}: {code}", p.line, p.column),
        (Some(p), true) => format!("line {}, column {}: {code}", p.line, p.column),
        (None, _) if diagnostic.pointer.is_empty() => code.to_owned(),
        (None, _) => format!("{}: {code}", diagnostic.pointer),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use formlotse_core::{Position, Problem};

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
        let lines = error.details(Lang::De);
        assert_eq!(lines[0], "Die Formulardefinition /f.json enthält Fehler:");
        assert_eq!(lines[1], "/steps/0/fields/1/type: unknown_field_type");
        assert_eq!(lines[2], "german_first");
        assert!(lines[3].contains("Formlotse.check()"), "{lines:?}");
        assert_eq!(error.details(Lang::En)[1], "/steps/0/fields/1/type: unknown_field_type");
    }

    #[test]
    fn a_syntax_error_keeps_its_place() {
        let error = invalid(vec![Diagnostic {
            problem: Problem::JsonSyntax { detail: "expected `,`".into() },
            pointer: String::new(),
            position: Some(Position { line: 7, column: 3 }),
        }]);
        assert_eq!(error.details(Lang::De)[1], "Zeile 7, Spalte 3: json_syntax");
        assert_eq!(error.details(Lang::En)[1], "line 7, column 3: json_syntax");
    }

    #[test]
    fn fetch_failures_name_the_url_and_status() {
        let missing = LoadError::Fetch { url: "/x.json".into(), error: FetchError::Status(404) };
        assert_eq!(missing.reason(), "http_status");
        assert_eq!(
            missing.details(Lang::De),
            ["Die Formulardefinition /x.json wurde nicht gefunden (HTTP 404)."]
        );
        let offline =
            LoadError::Fetch { url: "/x.json".into(), error: FetchError::Network("offline".into()) };
        assert_eq!(offline.reason(), "network");
        assert_eq!(offline.details(Lang::En), ["The form definition /x.json could not be fetched: offline"]);
        assert_eq!(
            LoadError::MissingAttribute("src").details(Lang::En),
            ["The <form-lotse> element has no \"src\" attribute."]
        );
    }
}
