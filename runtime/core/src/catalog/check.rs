//! Checking a catalog against the built-in German one, for `Formlotse.check` and the `check`
//! command: which words are missing or extra, which templates use parameters the runtime does
//! not give (or leave out ones it does), and which plural forms a counted text lacks.

use super::{Catalog, CatalogError, german, german_documents, german_problems, parameters};
use crate::json;
use crate::plural::{self, Plural};

/// One thing wrong with a catalog; `pointer` is its JSON Pointer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CatalogProblem {
    /// The text is not a catalog at all.
    NotACatalog(CatalogError),
    /// A word the runtime uses is not in the catalog (German is shown instead).
    Missing { key: String },
    /// A key the runtime does not use (a typo, or a word of an older release).
    Extra { key: String },
    /// A template uses `{name}`s the runtime does not give, or leaves out ones it gives.
    Parameters { key: String, unknown: Vec<String>, missing: Vec<String> },
    /// `months` does not hold twelve names separated by commas; `count`, the names it holds.
    Months { count: usize },
}

impl CatalogProblem {
    /// The stable code.
    pub fn code(&self) -> &'static str {
        match self {
            CatalogProblem::NotACatalog(_) => "catalog_invalid",
            CatalogProblem::Missing { .. } => "catalog_missing_key",
            CatalogProblem::Extra { .. } => "catalog_extra_key",
            CatalogProblem::Parameters { .. } => "catalog_parameters",
            CatalogProblem::Months { .. } => "catalog_months",
        }
    }

    /// Where in the catalog file: `/words/next`, or the root.
    pub fn pointer(&self) -> String {
        match self {
            CatalogProblem::NotACatalog(_) => String::new(),
            CatalogProblem::Missing { key }
            | CatalogProblem::Extra { key }
            | CatalogProblem::Parameters { key, .. } => format!("/words/{}", json::pointer_token(key)),
            CatalogProblem::Months { .. } => "/words/months".to_owned(),
        }
    }
}

/// What is wrong with the catalog `text`; nothing for a complete, correct one.
pub fn check(text: &str) -> Vec<CatalogProblem> {
    let catalog = match Catalog::parse(text) {
        Ok(catalog) => catalog,
        Err(error) => return vec![CatalogProblem::NotACatalog(error)],
    };
    let mut problems = Vec::new();
    let wanted = wanted_keys(&catalog);
    for (key, reference) in &wanted {
        let Some(template) = catalog.own(key) else {
            problems.push(CatalogProblem::Missing { key: key.clone() });
            continue;
        };
        let (given, used) = (reference.params(key), parameters(template));
        let unknown: Vec<String> =
            used.iter().filter(|p| !given.contains(p)).map(|p| (*p).to_owned()).collect();
        // A plural form may leave the count out ("eine Sekunde"); a plain text says everything.
        let missing: Vec<String> = match reference {
            // A date is written with any of its parameters ("{d} {month} {yyyy}").
            Reference::Plain(_) if key == "date" => Vec::new(),
            Reference::Plain(_) => {
                given.iter().filter(|p| !used.contains(p)).map(|p| (*p).to_owned()).collect()
            }
            Reference::Counted(_) => Vec::new(),
        };
        if !unknown.is_empty() || !missing.is_empty() {
            problems.push(CatalogProblem::Parameters { key: key.clone(), unknown, missing });
        }
    }
    // The month names, wanted when the catalog's dates name months (German's do not).
    let names_months = catalog.own("date").is_some_and(|date| date.contains("{month}"));
    match catalog.own("months") {
        None if names_months => problems.push(CatalogProblem::Missing { key: "months".to_owned() }),
        Some(months) if names_months => {
            let names: Vec<&str> = months.split(',').map(str::trim).collect();
            if names.len() != 12 || names.contains(&"") {
                let count = names.iter().filter(|name| !name.is_empty()).count();
                problems.push(CatalogProblem::Months { count });
            }
        }
        _ => {}
    }
    for key in catalog.keys() {
        let is_wanted = wanted.iter().any(|(wanted, _)| wanted == key) || (names_months && key == "months");
        if !is_wanted {
            problems.push(CatalogProblem::Extra { key: key.clone() });
        }
    }
    problems
}

/// What a key of the catalog is checked against.
enum Reference {
    /// German's template for the same key.
    Plain(&'static str),
    /// The German templates of a counted text, all its forms.
    Counted(Vec<&'static str>),
}

impl Reference {
    /// The parameters the runtime gives for `key`.
    fn params(&self, key: &str) -> Vec<&'static str> {
        let mut all = match self {
            Reference::Plain(_) if key == "date" => crate::messages::DATE_PARAMETERS.to_vec(),
            Reference::Plain(template) => parameters(template),
            Reference::Counted(templates) => templates.iter().flat_map(|t| parameters(t)).collect(),
        };
        all.sort_unstable();
        all.dedup();
        all
    }
}

/// Every key a catalog in this language should have: German's plain keys, and for each
/// counted text one key per plural category of the catalog's language.
fn wanted_keys(catalog: &Catalog) -> Vec<(String, Reference)> {
    let mut wanted: Vec<(String, Reference)> = Vec::new();
    for (key, template) in german::all().chain(german_documents::all()).chain(german_problems::all()) {
        match counted_base(key) {
            None => wanted.push((key.to_owned(), Reference::Plain(template))),
            Some(base) => {
                let forms: Vec<&'static str> = german::all()
                    .filter(|(other, _)| counted_base(other) == Some(base))
                    .map(|(_, t)| t)
                    .collect();
                for category in plural::categories(catalog.lang()) {
                    let key = format!("{base}.{}", category.name());
                    if !wanted.iter().any(|(known, _)| *known == key) {
                        wanted.push((key, Reference::Counted(forms.clone())));
                    }
                }
            }
        }
    }
    wanted
}

/// `retrying` for `retrying.one`: the text a plural form belongs to.
fn counted_base(key: &str) -> Option<&str> {
    let (base, category) = key.rsplit_once('.')?;
    let categories = [Plural::Zero, Plural::One, Plural::Two, Plural::Few, Plural::Many, Plural::Other];
    categories.iter().any(|c| c.name() == category).then_some(base)
}
