//! Imports a FIM data-field schema (XDatenfelder 2.0 or 3.0 XML) as a Formlotse definition,
//! with a report of everything that needs a person: patterns the runtime cannot express
//! exactly, missing code lists, rules (prose) to write as conditions, flattened groups.
//!
//! ```text
//! XML ──xml::parse──▶ roxmltree DOM ──xdf::read──▶ model::Schema ──ids::assign──▶ unique ids
//!     ──map::definition──▶ json::Json ──▶ text ──formlotse_core::load──▶ checked
//! ```
//!
//! The output always loads: [`import`] runs the core loader on what it wrote and fails (as a
//! bug, [`ImportErrorKind::Internal`]) rather than hand out a definition that does not.
//! Work is bounded: input over [`MAX_INPUT_BYTES`] is refused before parsing, DTDs (and so
//! entity expansion) are refused, and nesting is limited to [`MAX_DEPTH`] groups.

pub mod cli;
mod error;
mod genericode;
mod ids;
mod json;
mod map;
mod model;
mod pattern;
mod report;
mod xdf;
mod xml;

pub use cli::{USAGE, run_cli};
pub use error::{ImportError, ImportErrorKind};
pub use genericode::{CodeList, CodeLists};
pub use report::{Note, NoteKind, Report, Stats};

/// The largest XML file (schema or code list) read, in bytes. Real FIM schemas are well under
/// 5 MB; importing 15.5 MB (10,000 fields) takes under 5 s and 130 MB in a debug build.
pub const MAX_INPUT_BYTES: usize = 16 * 1024 * 1024;

/// The deepest nesting of groups followed (real schemas reach four or five levels).
pub const MAX_DEPTH: usize = 32;

/// A schema turned into a definition.
#[derive(Debug, Clone)]
pub struct Import {
    /// The definition as JSON text, pretty-printed, ending in a newline.
    pub json: String,
    /// What was mapped, and what needs an author.
    pub report: Report,
}

/// Imports an XDatenfelder 2.0 or 3.0 message (a Stammdatenschema or a Datenfeldgruppe) as a
/// Formlotse definition. Code lists named by the schema are looked up in `code_lists`.
pub fn import(xml: &str, code_lists: &CodeLists) -> Result<Import, ImportError> {
    let document = xml::parse(xml)?;
    let mut report = Report::default();
    let mut schema = xdf::read(&document, &mut report)?;
    ids::assign(&mut schema);
    let definition = map::definition(&schema, code_lists, &mut report);
    let json = definition.pretty();
    if let Err(diagnostics) = formlotse_core::load(&json) {
        let detail: Vec<String> = diagnostics
            .iter()
            .map(|d| {
                format!("{} {}", d.pointer, formlotse_core::messages::diagnostic(d, formlotse_core::Lang::En))
            })
            .collect();
        return Err(ImportError::internal(format!(
            "the definition written does not load (a bug in formlotse-fim): {}",
            detail.join("; ")
        )));
    }
    Ok(Import { json, report })
}
