//! What is wrong with a definition, as values: a stable code with parameters and the JSON
//! Pointer of the place. [`crate::messages`] turns them into text.

/// A line and column in the definition's source, both counted from 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    /// Line, from 1.
    pub line: usize,
    /// Column in characters, from 1.
    pub column: usize,
}

/// One thing wrong with a definition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// What is wrong.
    pub problem: Problem,
    /// JSON Pointer (RFC 6901) of the offending value; `""` is the whole document.
    pub pointer: String,
    /// Where in the source, when known.
    pub position: Option<Position>,
}

/// The kinds of problem a definition can have. Each has a stable [`Problem::code`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// The source is not JSON.
    JsonSyntax {
        /// The parser's own description.
        detail: String,
    },
    /// An object names the same key twice (the pointer is the repeated member's).
    DuplicateKey {
        /// The key as written.
        key: String,
    },
    /// `"formlotse"` names a format version this engine does not read.
    UnsupportedFormat {
        /// The version found, as written.
        found: String,
    },
    /// A key that must be there is missing.
    MissingKey {
        /// The missing key.
        key: &'static str,
    },
    /// A key the format does not have (often a typo).
    UnknownKey {
        /// The key as written.
        key: String,
        /// The closest known key, when one is close.
        suggestion: Option<&'static str>,
    },
    /// A value of the wrong JSON type.
    WrongType {
        /// What the format wants here, e.g. `string`.
        expected: &'static str,
    },
    /// A field `type` that does not exist.
    UnknownFieldType {
        /// The type as written.
        found: String,
    },
    /// An id used twice in one form.
    DuplicateId {
        /// The id.
        id: String,
        /// Pointer of its first use.
        first: String,
    },
    /// An id with characters that cannot be used in paths and payload keys.
    InvalidId {
        /// The id as written.
        id: String,
    },
    /// A list or text that must not be empty.
    Empty,
    /// A name that refers to nothing: a code list or a field that does not exist.
    UnknownReference {
        /// The name as written.
        name: String,
        /// What it should name: `code list`, `field` or `date field`.
        what: &'static str,
    },
    /// A `pattern` that does not compile.
    InvalidPattern {
        /// The regex compiler's description.
        detail: String,
    },
    /// A rule that needs the author's own message has none (a `pattern`).
    MissingMessage {
        /// The message key, e.g. `pattern`.
        code: &'static str,
    },
    /// A lower limit above its upper limit.
    MinAboveMax {
        /// The lower limit's key.
        min: &'static str,
        /// The upper limit's key.
        max: &'static str,
    },
    /// A date limit that is neither `YYYY-MM-DD` nor `today`, `today-18y`, `today+14d`, `today+3m`.
    InvalidDateBound {
        /// As written.
        found: String,
    },
    /// `languages` does not start with German.
    GermanFirst,
    /// The same option value twice in one field.
    DuplicateValue {
        /// The value.
        value: String,
    },
    /// An expression that does not parse or whose types do not fit.
    Expression {
        /// What is wrong.
        error: crate::expr::ExprError,
        /// Characters into the expression where the problem is.
        column: usize,
    },
    /// Conditions or calculations that depend on each other in a circle.
    Cycle {
        /// The fields along the circle.
        fields: Vec<String>,
    },
    /// What a repeatable group cannot hold: another one, or a file field (files travel by
    /// field, not by item).
    NotInRepeat {
        /// `repeat` or `file`.
        what: &'static str,
    },
    /// A word that is not one of the allowed ones.
    NotOneOf {
        /// As written.
        found: String,
        /// The allowed words.
        expected: &'static [&'static str],
    },
    /// A number outside what the format allows here.
    OutOfRange {
        /// The smallest allowed value.
        min: u64,
        /// The largest allowed value.
        max: u64,
    },
}

impl Problem {
    /// The stable code of this problem, e.g. `unknown_key`.
    pub fn code(&self) -> &'static str {
        match self {
            Problem::JsonSyntax { .. } => "json_syntax",
            Problem::DuplicateKey { .. } => "duplicate_key",
            Problem::UnsupportedFormat { .. } => "unsupported_format",
            Problem::MissingKey { .. } => "missing_key",
            Problem::UnknownKey { .. } => "unknown_key",
            Problem::WrongType { .. } => "wrong_type",
            Problem::UnknownFieldType { .. } => "unknown_field_type",
            Problem::DuplicateId { .. } => "duplicate_id",
            Problem::InvalidId { .. } => "invalid_id",
            Problem::Empty => "empty",
            Problem::OutOfRange { .. } => "out_of_range",
            Problem::UnknownReference { .. } => "unknown_reference",
            Problem::InvalidPattern { .. } => "invalid_pattern",
            Problem::MissingMessage { .. } => "missing_message",
            Problem::MinAboveMax { .. } => "min_above_max",
            Problem::InvalidDateBound { .. } => "invalid_date_bound",
            Problem::GermanFirst => "german_first",
            Problem::DuplicateValue { .. } => "duplicate_value",
            Problem::Expression { .. } => "expression",
            Problem::Cycle { .. } => "cycle",
            Problem::NotOneOf { .. } => "not_one_of",
            Problem::NotInRepeat { .. } => "not_in_repeat",
        }
    }
}

/// Appends `key` to a JSON Pointer, escaping `~` and `/` as RFC 6901 says.
pub fn pointer_join(base: &str, key: &str) -> String {
    let mut pointer = String::with_capacity(base.len().saturating_add(key.len()).saturating_add(1));
    pointer.push_str(base);
    pointer.push('/');
    for ch in key.chars() {
        match ch {
            '~' => pointer.push_str("~0"),
            '/' => pointer.push_str("~1"),
            _ => pointer.push(ch),
        }
    }
    pointer
}

#[cfg(test)]
mod tests {
    use super::pointer_join;

    #[test]
    fn pointer_escapes() {
        assert_eq!(pointer_join("", "steps"), "/steps");
        assert_eq!(pointer_join("/steps", "0"), "/steps/0");
        assert_eq!(pointer_join("", "a/b~c"), "/a~1b~0c");
    }
}
