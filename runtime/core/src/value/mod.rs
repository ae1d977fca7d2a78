//! Answers as typed (`Answer`) and as meant (`Value`): the browser reads what was typed, a
//! server reads the payload's JSON, and both arrive at the same `Value` for the rules.

mod date;
mod decimal;
mod digits;
mod read;
mod retype;

pub use date::Date;
pub use decimal::{Decimal, NumberProblem};
pub use digits::ascii_digits;
pub use read::{from_answer, from_json};
pub use retype::retype;

/// What the citizen entered into one field, exactly as entered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    /// Text inputs, drop-downs, radios and yes/no (`"yes"`/`"no"`).
    Text(String),
    /// The three inputs of a date.
    Date {
        /// Day, as typed.
        day: String,
        /// Month, as typed.
        month: String,
        /// Year, as typed.
        year: String,
    },
    /// A single checkbox.
    Flag(bool),
    /// The ticked options of checkboxes.
    Choices(Vec<String>),
    /// Chosen files (their facts; the bytes stay with the host).
    Files(Vec<FileMeta>),
}

/// The facts of a chosen file that rules need.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileMeta {
    /// File name.
    pub name: String,
    /// MIME type as the browser reports it.
    pub mime: String,
    /// Size in bytes.
    pub size: u64,
}

/// An answer as meant: the type the payload carries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    /// Text, trimmed.
    Text(String),
    /// A number (also money).
    Number(Decimal),
    /// A date.
    Date(Date),
    /// A checkbox or yes/no.
    Bool(bool),
    /// Ticked options.
    Choices(Vec<String>),
    /// Files.
    Files(Vec<FileMeta>),
}
