//! Why a schema could not be imported at all: errors as values with a stable kind, the line
//! (when there is one) and words naming what was found.

use std::fmt;

/// What went wrong, as a stable code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportErrorKind {
    /// Over [`crate::MAX_INPUT_BYTES`].
    TooLarge,
    /// Not well-formed XML (or a DTD, which is refused).
    Malformed,
    /// Well-formed, but not an XDatenfelder 2.0 or 3.0 message.
    NotXDatenfelder,
    /// An XDatenfelder message that lacks what an import needs (an `identifikation`, say).
    Incomplete,
    /// A code list file that cannot be read.
    CodeList,
    /// Reading or writing a file.
    Io,
    /// A bug: the definition written does not load.
    Internal,
}

impl ImportErrorKind {
    /// The stable code.
    pub fn code(self) -> &'static str {
        match self {
            ImportErrorKind::TooLarge => "too_large",
            ImportErrorKind::Malformed => "malformed_xml",
            ImportErrorKind::NotXDatenfelder => "not_xdatenfelder",
            ImportErrorKind::Incomplete => "incomplete",
            ImportErrorKind::CodeList => "code_list",
            ImportErrorKind::Io => "io",
            ImportErrorKind::Internal => "internal",
        }
    }
}

/// Why an import failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportError {
    /// What kind of failure.
    pub kind: ImportErrorKind,
    /// The line in the XML, when the failure has one.
    pub line: Option<u32>,
    /// What was found, in words.
    pub message: String,
}

impl ImportError {
    pub(crate) fn new(kind: ImportErrorKind, line: Option<u32>, message: impl Into<String>) -> Self {
        ImportError { kind, line, message: message.into() }
    }

    pub(crate) fn internal(message: impl Into<String>) -> Self {
        ImportError::new(ImportErrorKind::Internal, None, message)
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{line}: {} ({})", self.message, self.kind.code()),
            None => write!(f, "{} ({})", self.message, self.kind.code()),
        }
    }
}

impl std::error::Error for ImportError {}
