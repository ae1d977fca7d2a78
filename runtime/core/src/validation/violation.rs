//! What an answer can break: each rule's violation with the parameters its message needs, and
//! the stable codes authors key their own messages by.

use crate::value::Date;

/// One rule an answer broke, with the parameters a message needs. Codes are stable.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Violation {
    /// A required field is empty (a required checkbox is not ticked).
    Required,
    /// Fewer than `min` characters.
    MinLength {
        /// Fewest allowed.
        min: u64,
    },
    /// More than `max` characters.
    MaxLength {
        /// Most allowed.
        max: u64,
        /// How many were typed.
        actual: u64,
    },
    /// Control characters (other than line breaks in a textarea).
    ControlCharacters,
    /// Not a number.
    NotANumber,
    /// More than 18 digits.
    NumberTooLong,
    /// More decimal places than allowed.
    TooManyDecimals {
        /// Most allowed (0: whole numbers only).
        max: u32,
    },
    /// Below the minimum.
    Min {
        /// The minimum, formatted for the citizen's language.
        min: String,
    },
    /// Above the maximum.
    Max {
        /// The maximum, formatted.
        max: String,
    },
    /// Some of day, month and year are missing.
    DateIncomplete,
    /// The year is not four digits.
    DateYear,
    /// No such date (31 April, 29 February 2023, letters).
    InvalidDate,
    /// Earlier than allowed.
    DateMin {
        /// The earliest allowed date.
        min: Date,
    },
    /// Later than allowed.
    DateMax {
        /// The latest allowed date.
        max: Date,
    },
    /// Does not match the author's pattern (the author's message is mandatory).
    Pattern,
    /// Not an e-mail address.
    Email,
    /// Not a valid IBAN.
    Iban,
    /// Not a German postal code.
    PostalCode,
    /// Not a telephone number.
    Phone,
    /// A value that is not one of the options.
    UnknownOption,
    /// Fewer options ticked than needed.
    MinSelected {
        /// Fewest.
        min: u64,
    },
    /// More options ticked than allowed.
    MaxSelected {
        /// Most.
        max: u64,
    },
    /// A file of a type that is not accepted.
    FileType {
        /// The file's name.
        name: String,
    },
    /// A file larger than allowed.
    FileSize {
        /// The file's name.
        name: String,
        /// The limit in bytes.
        max: u64,
    },
    /// More files than allowed.
    FileCount {
        /// Most files.
        max: u32,
    },
    /// This date is not after the other field's date.
    After {
        /// Id of the other field.
        other: String,
    },
    /// Differs from the other field's answer.
    Equals {
        /// Id of the other field.
        other: String,
    },
    /// A calculated value the answers give no result for: a division by zero or a number too
    /// large to hold exactly. The citizen changes one of the answers it is calculated from.
    Calculation,
    /// A payload value of the wrong JSON type (only from a server's check).
    WrongType {
        /// The JSON type the payload should carry.
        expected: &'static str,
    },
    /// A repeatable group with fewer or more items than allowed (only from a server's check:
    /// the browser offers no more).
    ItemCount {
        /// Fewest.
        min: usize,
        /// Most.
        max: usize,
    },
    /// An answer to a question the other answers hide (only from a server's check).
    NotAsked,
    /// A calculated value that differs from what the answers give (only from a server's check).
    Calculated,
    /// More errors than a server reports one by one (only from a server's check, as the last
    /// entry, at path ""): `count` more.
    MoreErrors {
        /// How many errors were left out.
        count: usize,
    },
    /// The receiver refused the answer (an RFC 9457 problem naming the field), in its words.
    Reported {
        /// The receiver's message.
        message: String,
    },
}

impl Violation {
    /// The stable code of this violation, e.g. `required`; also the key of an author's message.
    pub fn code(&self) -> &'static str {
        match self {
            Violation::Required => "required",
            Violation::MinLength { .. } => "minLength",
            Violation::MaxLength { .. } => "maxLength",
            Violation::ControlCharacters => "controlCharacters",
            Violation::NotANumber => "number",
            Violation::NumberTooLong => "numberTooLong",
            Violation::TooManyDecimals { .. } => "decimals",
            Violation::Min { .. } => "min",
            Violation::Max { .. } => "max",
            Violation::DateIncomplete => "dateIncomplete",
            Violation::DateYear => "dateYear",
            Violation::InvalidDate => "date",
            Violation::DateMin { .. } => "minDate",
            Violation::DateMax { .. } => "maxDate",
            Violation::Pattern => "pattern",
            Violation::Email => "email",
            Violation::Iban => "iban",
            Violation::PostalCode => "postalCode",
            Violation::Phone => "phone",
            Violation::UnknownOption => "option",
            Violation::MinSelected { .. } => "minSelected",
            Violation::MaxSelected { .. } => "maxSelected",
            Violation::FileType { .. } => "fileType",
            Violation::FileSize { .. } => "fileSize",
            Violation::FileCount { .. } => "fileCount",
            Violation::After { .. } => "after",
            Violation::Equals { .. } => "equals",
            Violation::Calculation => "calculation",
            Violation::WrongType { .. } => "type",
            Violation::ItemCount { .. } => "itemCount",
            Violation::NotAsked => "notAsked",
            Violation::Calculated => "calculated",
            Violation::MoreErrors { .. } => "moreErrors",
            Violation::Reported { .. } => "reported",
        }
    }
}

/// Every violation code a rule can produce; an author's `messages` may use these keys.
pub const VIOLATION_CODES: &[&str] = &[
    "required",
    "minLength",
    "maxLength",
    "controlCharacters",
    "number",
    "numberTooLong",
    "decimals",
    "min",
    "max",
    "dateIncomplete",
    "dateYear",
    "date",
    "minDate",
    "maxDate",
    "pattern",
    "email",
    "iban",
    "postalCode",
    "phone",
    "option",
    "minSelected",
    "maxSelected",
    "fileType",
    "fileSize",
    "fileCount",
    "after",
    "equals",
    "calculation",
];
