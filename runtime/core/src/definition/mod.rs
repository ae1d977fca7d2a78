//! A loaded, checked form definition. Build one with [`crate::load`]; every value here has
//! already passed the loader's checks, so the rest of the engine trusts it.

mod by_key;
mod text;

pub use by_key::ByKey;
pub use text::Text;

use crate::expr::Expr;
use crate::logic::Logic;
use crate::value::{Date, Decimal};

/// The version of the definition format this engine reads (`"formlotse": 1`).
pub const FORMAT_VERSION: u64 = 1;

/// A whole application assistant.
#[derive(Debug, Clone, PartialEq)]
pub struct Definition {
    /// Stable id of the form, e.g. `hund-anmelden`; keys drafts and submissions.
    pub id: String,
    /// The author's version of this form, if given.
    pub version: Option<String>,
    /// The form's title.
    pub title: Text,
    /// An optional introduction shown above the first step.
    pub description: Option<Text>,
    /// The languages the texts are written in, German first.
    pub languages: Vec<String>,
    /// The steps, in order; never empty.
    pub steps: Vec<Step>,
    /// The conditions and calculations in the order they are evaluated, with who reads what.
    pub logic: Logic,
    /// The FIM schema this form was imported from.
    pub fim: Option<FimRef>,
}

/// Where a part of the form came from in a FIM schema (XDatenfelder): the id of the schema,
/// group, field or rule and its version. The payload carries the ids of the answered fields,
/// so a receiver maps the answers back to the schema.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FimRef {
    /// `S00000121`, `G60000000088`, `F00000043`, `R60000000019`.
    pub id: String,
    /// `1.0`, `1.2.0`.
    pub version: Option<String>,
}

impl Definition {
    /// Every field of the form outside repeatable groups, step by step, groups opened: the
    /// fields answered once, keyed by their id.
    pub fn fields(&self) -> impl Iterator<Item = &Field> {
        self.steps.iter().flat_map(Step::fields)
    }

    /// Every repeatable group of the form.
    pub fn repeats(&self) -> impl Iterator<Item = &Repeat> {
        self.steps.iter().flat_map(Step::repeats)
    }

    /// The field with this id (outside repeatable groups).
    pub fn field(&self, id: &str) -> Option<&Field> {
        self.fields().find(|field| field.id == id)
    }

    /// The field an answer's path names: an id, or `repeat[i].id` inside a repeatable group
    /// (with the group and the item's index).
    pub fn field_at(&self, path: &str) -> Option<(&Field, Option<(&Repeat, usize)>)> {
        match crate::path::parse(path) {
            crate::path::Path::Field(id) => self.field(id).map(|field| (field, None)),
            crate::path::Path::Item { repeat, index, field } => {
                let repeat = self.repeats().find(|r| r.id == repeat)?;
                Some((repeat.fields().find(|f| f.id == field)?, Some((repeat, index))))
            }
        }
    }

    /// The index of the step that holds the answer at `path` (a field, a repeatable group, or
    /// a field of one of its items).
    pub fn step_of(&self, path: &str) -> Option<usize> {
        let id = match crate::path::parse(path) {
            crate::path::Path::Field(id) => id,
            crate::path::Path::Item { repeat, .. } => repeat,
        };
        self.steps
            .iter()
            .position(|step| step.fields().any(|field| field.id == id) || step.repeats().any(|r| r.id == id))
    }
}

/// One page of the assistant: one topic, one heading.
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    /// Stable id, unique in the form.
    pub id: String,
    /// The step's heading.
    pub title: Text,
    /// Shown (and asked) only while this holds; a hidden step is skipped.
    pub visible_if: Option<Condition>,
    /// Fields, groups and content blocks, in order.
    pub items: Vec<Item>,
    /// The FIM group this step was imported from.
    pub fim: Option<FimRef>,
}

impl Step {
    /// Every field of the step outside repeatable groups, groups opened.
    pub fn fields(&self) -> impl Iterator<Item = &Field> {
        fields_of(&self.items)
    }

    /// The repeatable groups of the step (also inside groups).
    pub fn repeats(&self) -> impl Iterator<Item = &Repeat> {
        let mut stack: Vec<&Item> = self.items.iter().rev().collect();
        std::iter::from_fn(move || {
            while let Some(item) = stack.pop() {
                match item {
                    Item::Repeat(repeat) => return Some(repeat),
                    Item::Group(group) => stack.extend(group.items.iter().rev()),
                    Item::Field(_) | Item::Content(_) => {}
                }
            }
            None
        })
    }
}

/// The fields among `items`, groups opened, repeatable groups not.
fn fields_of(items: &[Item]) -> impl Iterator<Item = &Field> {
    let mut stack: Vec<&Item> = items.iter().rev().collect();
    std::iter::from_fn(move || {
        while let Some(item) = stack.pop() {
            match item {
                Item::Field(field) => return Some(&**field),
                Item::Group(group) => stack.extend(group.items.iter().rev()),
                Item::Content(_) | Item::Repeat(_) => {}
            }
        }
        None
    })
}

/// What a step or group holds.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// A question.
    Field(Box<Field>),
    /// Questions that belong together, shown as a fieldset with a legend.
    Group(Group),
    /// Questions asked once per item (each dog, each person), with add and remove.
    Repeat(Repeat),
    /// Text that takes no input.
    Content(Content),
}

/// A fieldset.
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    /// Stable id, unique in the form.
    pub id: String,
    /// The legend.
    pub legend: Text,
    /// Help under the legend.
    pub hint: Option<Text>,
    /// Shown only while this holds.
    pub visible_if: Option<Condition>,
    /// What the group holds.
    pub items: Vec<Item>,
    /// The FIM group it was imported from.
    pub fim: Option<FimRef>,
}

/// A repeatable group: its fields are answered once per item; answers are keyed by the path
/// `id[i].field` (0-based) and the payload holds an array of objects.
#[derive(Debug, Clone, PartialEq)]
pub struct Repeat {
    /// Stable id, unique in the form; the key of the array in the payload.
    pub id: String,
    /// The legend of the whole group.
    pub legend: Text,
    /// Help under the legend.
    pub hint: Option<Text>,
    /// The legend of each item, `{n}` standing for its number from 1 ("Hund {n}").
    pub item_label: Text,
    /// The add button's text; the host has a default.
    pub add_label: Option<Text>,
    /// Fewest items (an application needs at least this many).
    pub min_items: usize,
    /// Most items.
    pub max_items: usize,
    /// Shown only while this holds.
    pub visible_if: Option<Condition>,
    /// What each item holds: fields, groups and content blocks.
    pub items: Vec<Item>,
    /// The FIM group it was imported from.
    pub fim: Option<FimRef>,
}

impl Repeat {
    /// The fields of one item, groups opened.
    pub fn fields(&self) -> impl Iterator<Item = &Field> {
        fields_of(&self.items)
    }

    /// The legend of item `index` (0-based) in `lang`.
    pub fn item_label(&self, index: usize, lang: crate::Lang) -> String {
        self.item_label.get(lang).replace("{n}", &index.saturating_add(1).to_string())
    }
}

/// A static block.
#[derive(Debug, Clone, PartialEq)]
pub struct Content {
    /// How it is shown.
    pub kind: ContentKind,
    /// The text.
    pub text: Text,
    /// Shown only while this holds.
    pub visible_if: Option<Condition>,
    /// The FIM field (a label) or rule it was imported from.
    pub fim: Option<FimRef>,
}

/// The kinds of static block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContentKind {
    /// A sub-heading.
    Heading,
    /// A paragraph.
    Paragraph,
    /// A highlighted note.
    Info,
    /// A warning the citizen must not miss.
    Warning,
}

impl ContentKind {
    /// Every kind with its name in the format.
    pub const ALL: &'static [(&'static str, ContentKind)] = &[
        ("heading", ContentKind::Heading),
        ("paragraph", ContentKind::Paragraph),
        ("info", ContentKind::Info),
        ("warning", ContentKind::Warning),
    ];
}

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

/// A compiled regular expression with its source (for messages and equality).
#[derive(Debug, Clone)]
pub struct Pattern {
    /// As the author wrote it.
    pub source: String,
    /// Anchored: the whole answer must match.
    pub regex: regex_lite::Regex,
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
