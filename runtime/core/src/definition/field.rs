//! One question of a form: its kind, rules, messages and logic.

use super::{ByKey, FimRef, Text};
use crate::expr::Expr;
use crate::value::{Date, Decimal};

/// One question.
#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    /// Stable id, unique in the form; the key of the answer in the payload.
    pub id: String,
    /// What kind of input this is, with what only that kind has.
    pub kind: FieldKind,
    /// The visible label.
    pub label: Text,
    /// Help shown between label and input.
    pub hint: Option<Text>,
    /// Whether an answer is needed to go on (for a single checkbox: that it is ticked).
    pub required: bool,
    /// Needed while this holds (besides `required`).
    pub required_if: Option<Condition>,
    /// Shown (and asked, validated, submitted) only while this holds.
    pub visible_if: Option<Condition>,
    /// An HTML `autocomplete` token such as `given-name`.
    pub autocomplete: Option<String>,
    /// The rules beyond the kind's own check.
    pub rules: Rules,
    /// The author's own messages, by violation code (`required`, `pattern`, …).
    pub messages: ByKey<Text>,
    /// The FIM field it was imported from.
    pub fim: Option<FimRef>,
}

/// The kinds of field, with their settings.
#[derive(Debug, Clone, PartialEq)]
pub enum FieldKind {
    /// One line of text.
    Text,
    /// Several lines of text.
    Textarea,
    /// A number; `decimals` is the most digits after the separator (0: whole numbers).
    Number {
        /// The most decimal places.
        decimals: u32,
        /// A unit shown after the input, e.g. "m²".
        unit: Option<Text>,
    },
    /// An amount in euros with at most two decimals.
    Money,
    /// An e-mail address as the HTML standard defines a valid one.
    Email,
    /// A telephone number, national or international.
    Phone,
    /// A calendar date, typed as day, month and year.
    Date,
    /// One of many options, as a drop-down.
    Select(Vec<Choice>),
    /// One of a few options, as radio buttons.
    Radio(Vec<Choice>),
    /// One checkbox (yes/no as a tick, e.g. a consent).
    Checkbox,
    /// Any number of options, as checkboxes.
    Checkboxes(Vec<Choice>),
    /// Yes or no, as two radio buttons.
    YesNo,
    /// An IBAN.
    Iban,
    /// A German postal code (5 digits).
    PostalCode,
    /// File uploads.
    File(FileRules),
    /// A value the engine calculates from other answers; shown read-only and submitted.
    Calculated(Calculation),
}

/// The names of the field kinds in the format, in the order the documentation lists them.
pub const FIELD_TYPES: &[&str] = &[
    "text",
    "textarea",
    "number",
    "money",
    "email",
    "phone",
    "date",
    "select",
    "radio",
    "checkbox",
    "checkboxes",
    "yesno",
    "iban",
    "postalCode",
    "file",
    "calculated",
];

impl FieldKind {
    /// The options of a choice field.
    pub fn choices(&self) -> Option<&[Choice]> {
        match self {
            FieldKind::Select(choices) | FieldKind::Radio(choices) | FieldKind::Checkboxes(choices) => {
                Some(choices)
            }
            _ => None,
        }
    }

    /// The options of a choice field, to change.
    pub fn choices_mut(&mut self) -> Option<&mut Vec<Choice>> {
        match self {
            FieldKind::Select(choices) | FieldKind::Radio(choices) | FieldKind::Checkboxes(choices) => {
                Some(choices)
            }
            _ => None,
        }
    }

    /// The kind's name in the format.
    pub fn name(&self) -> &'static str {
        match self {
            FieldKind::Text => "text",
            FieldKind::Textarea => "textarea",
            FieldKind::Number { .. } => "number",
            FieldKind::Money => "money",
            FieldKind::Email => "email",
            FieldKind::Phone => "phone",
            FieldKind::Date => "date",
            FieldKind::Select(_) => "select",
            FieldKind::Radio(_) => "radio",
            FieldKind::Checkbox => "checkbox",
            FieldKind::Checkboxes(_) => "checkboxes",
            FieldKind::YesNo => "yesno",
            FieldKind::Iban => "iban",
            FieldKind::PostalCode => "postalCode",
            FieldKind::File(_) => "file",
            FieldKind::Calculated(_) => "calculated",
        }
    }
}

/// One option of a choice field.
#[derive(Debug, Clone, PartialEq)]
pub struct Choice {
    /// The value in the payload.
    pub value: String,
    /// What the citizen reads.
    pub label: Text,
    /// Help under the option.
    pub hint: Option<Text>,
    /// Offered only while this holds.
    pub visible_if: Option<Condition>,
}

/// What a file field accepts.
#[derive(Debug, Clone, PartialEq)]
pub struct FileRules {
    /// Accepted MIME types (`application/pdf`, `image/*`) or extensions (`.pdf`); empty: any.
    pub accept: Vec<String>,
    /// The largest file in bytes.
    pub max_size: Option<u64>,
    /// The most files.
    pub max_files: u32,
}

/// Rules a field's answer must follow, beyond its kind.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Rules {
    /// Fewest characters.
    pub min_length: Option<u64>,
    /// Most characters.
    pub max_length: Option<u64>,
    /// Smallest number.
    pub min: Option<Decimal>,
    /// Largest number.
    pub max: Option<Decimal>,
    /// Earliest date.
    pub min_date: Option<DateBound>,
    /// Latest date.
    pub max_date: Option<DateBound>,
    /// A regular expression the whole answer must match.
    pub pattern: Option<Pattern>,
    /// Fewest options ticked (checkboxes).
    pub min_selected: Option<u64>,
    /// Most options ticked (checkboxes).
    pub max_selected: Option<u64>,
    /// This date must be after the date of that field.
    pub after: Option<String>,
    /// This answer must equal that field's (repeat your e-mail).
    pub equals: Option<String>,
}

/// A date limit: fixed, or relative to the day of filling in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateBound {
    /// A fixed date.
    Fixed(Date),
    /// Today shifted by months and days (e.g. `today-18y` is -216 months).
    Today {
        /// Months to add (negative: ago).
        months: i64,
        /// Days to add.
        days: i64,
    },
}

impl DateBound {
    /// The date this bound means when filling in on `today`.
    pub fn resolve(self, today: Date) -> Option<Date> {
        match self {
            DateBound::Fixed(date) => Some(date),
            DateBound::Today { months, days } => today.add_months(months)?.add_days(days),
        }
    }
}

/// An author's pattern (of the dialect in [`crate::pattern`]), with its source (for messages
/// and equality).
#[derive(Debug, Clone)]
pub struct Pattern {
    /// As the author wrote it.
    pub source: String,
    /// Anchored, for ECMAScript's `RegExp(…, "u")`: how the citizen's browser matches it.
    pub ecmascript: String,
    /// Anchored: the whole answer must match.
    #[cfg(feature = "regex-lite")]
    pub regex: regex_lite::Regex,
}

impl Pattern {
    /// Whether the whole of `text` matches: by `regex-lite`, or in a build without it by the
    /// host's matcher ([`crate::pattern::set_host_matcher`]).
    pub fn matches(&self, text: &str) -> bool {
        #[cfg(feature = "regex-lite")]
        return self.regex.is_match(text);
        #[cfg(not(feature = "regex-lite"))]
        return crate::pattern::host_matches(&self.ecmascript, text);
    }
}

impl PartialEq for Pattern {
    fn eq(&self, other: &Self) -> bool {
        self.source == other.source
    }
}

/// A `visibleIf` or `requiredIf`: a checked expression of type true/false. `slot` numbers it
/// within the form, so an evaluation keeps each condition's verdict in a plain list.
#[derive(Debug, Clone, PartialEq)]
pub struct Condition {
    /// Index of this condition's verdict in [`crate::logic::Resolved`].
    pub slot: usize,
    /// The expression.
    pub expr: Expr,
}

/// How a calculated field computes and shows its value.
#[derive(Debug, Clone, PartialEq)]
pub struct Calculation {
    /// The expression; its type is the field's.
    pub expr: Expr,
    /// Shown as an amount in euros ("240,00 €").
    pub money: bool,
}
