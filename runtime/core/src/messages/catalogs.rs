//! A language catalog's problems in words, for the authors' tools (`Formlotse.check`, the
//! `check` command): what a town's translator has to fix.

use crate::catalog::{CatalogError, CatalogProblem};
use crate::lang::Lang;

/// The message for a problem of a catalog, without its place.
pub fn catalog_problem(problem: &CatalogProblem, lang: Lang) -> String {
    let de = !lang.is_english();
    let names = |names: &[String]| names.iter().map(|n| format!("{{{n}}}")).collect::<Vec<_>>().join(", ");
    match problem {
        CatalogProblem::NotACatalog(CatalogError::Json(detail)) if de => {
            format!("Kein gültiges JSON: {detail}")
        }
        CatalogProblem::NotACatalog(CatalogError::Json(detail)) => format!("Not valid JSON: {detail}"),
        CatalogProblem::NotACatalog(CatalogError::Shape(member)) if de => format!(
            "Kein Sprachkatalog: „{member}“ fehlt oder hat die falsche Form (siehe docs/languages.md)"
        ),
        CatalogProblem::NotACatalog(CatalogError::Shape(member)) => {
            format!(
                "Not a language catalog: “{member}” is missing or of the wrong form (see docs/languages.md)"
            )
        }
        CatalogProblem::Missing { key } if key == "months" && de => "Die Vorlage „date“ nennt {month}, aber \
             „months“ fehlt: Daten zeigen dort die Zahl des Monats"
            .to_owned(),
        CatalogProblem::Missing { key } if key == "months" => {
            "The template “date” uses {month}, but “months” is \
             missing: dates show the month's number there"
                .to_owned()
        }
        CatalogProblem::Months { count } if de => {
            format!("„months“ nennt {count} Monatsnamen; es müssen zwölf sein, durch Kommas getrennt")
        }
        CatalogProblem::Months { count } => {
            format!("“months” lists {count} month names; it needs twelve, separated by commas")
        }
        CatalogProblem::Missing { key } if de => {
            format!("Das Wort „{key}“ fehlt; Bürgerinnen und Bürger sehen dort das deutsche")
        }
        CatalogProblem::Missing { key } => {
            format!("The word “{key}” is missing; citizens see the German one")
        }
        CatalogProblem::Extra { key } if de => format!("Formlotse verwendet kein Wort „{key}“"),
        CatalogProblem::Extra { key } => format!("Formlotse uses no word “{key}”"),
        CatalogProblem::Parameters { key, unknown, missing } => {
            let mut parts = Vec::new();
            if !unknown.is_empty() {
                parts.push(if de {
                    format!("unbekannte Platzhalter {}", names(unknown))
                } else {
                    format!("unknown placeholders {}", names(unknown))
                });
            }
            if !missing.is_empty() {
                parts.push(if de {
                    format!("es fehlen {}", names(missing))
                } else {
                    format!("missing {}", names(missing))
                });
            }
            let (open, close) = if de { ('„', '“') } else { ('“', '”') };
            format!("{open}{key}{close}: {}", parts.join("; "))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_translator_reads_what_to_fix() {
        let wrong = CatalogProblem::Parameters {
            key: "progress".into(),
            unknown: vec!["total".into()],
            missing: vec!["of".into()],
        };
        assert_eq!(
            catalog_problem(&wrong, Lang::De),
            "„progress“: unbekannte Platzhalter {total}; es fehlen {of}"
        );
        assert_eq!(
            catalog_problem(&wrong, Lang::En),
            "“progress”: unknown placeholders {total}; missing {of}"
        );
        let missing = CatalogProblem::Missing { key: "back".into() };
        assert_eq!(
            catalog_problem(&missing, Lang::En),
            "The word “back” is missing; citizens see the German one"
        );
    }
}
