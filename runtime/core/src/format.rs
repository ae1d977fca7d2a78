//! The definition format as data: every object, its keys, their types and what they mean.
//! The loader accepts exactly these keys, and `schema` writes the JSON Schema from the same
//! tables, so the schema an editor autocompletes from cannot drift from what loads.

/// The type of a key's value. Only the JSON Schema reads it (the loader checks each key's value
/// in its own code), so without "authoring" it is not kept in the tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(not(feature = "authoring"), allow(dead_code))]
pub(crate) enum Ty {
    /// `"formlotse": 1`.
    FormatVersion,
    /// Any string (`$schema`, `version`, `autocomplete`).
    String,
    /// An id: `[A-Za-z][A-Za-z0-9_-]*`.
    Id,
    /// The id of another field.
    FieldRef,
    /// A text a citizen sees: a string or `{"de": …, "en": …}`.
    Text,
    /// `true` or `false`.
    Bool,
    /// A whole number from `min` to `max`.
    Count { min: u64, max: u64 },
    /// Any JSON number.
    Number,
    /// `YYYY-MM-DD` or `today[±N(d|m|y)]`.
    DateBound,
    /// A regular expression.
    Pattern,
    /// A list of strings.
    Strings,
    /// Language tags, German first.
    Languages,
    /// Inline options, or the name of a code list.
    Options,
    /// Messages by violation code.
    Messages,
    /// Named code lists.
    CodeLists,
    /// Steps.
    Steps,
    /// Fields, groups and content blocks.
    Items,
    /// An expression that is true or false (`visibleIf`, `requiredIf`).
    Condition,
    /// An expression of any type (a calculated field's `expression`).
    Expression,
    /// One of a few words.
    OneOf(&'static [&'static str]),
    /// Where a part came from in a FIM schema: `{"id": "F60000227", "version": "1.2"}`.
    Fim,
}

/// One key of an object. Its type and doc serve the JSON Schema, for authors' editors: they
/// are in the tables only with the "authoring" feature, so a citizen does not download them.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Key {
    pub(crate) name: &'static str,
    #[cfg(feature = "authoring")]
    pub(crate) ty: Ty,
    pub(crate) required: bool,
    #[cfg(feature = "authoring")]
    pub(crate) doc: &'static str,
}

#[cfg_attr(not(feature = "authoring"), allow(unused_variables))]
const fn key(name: &'static str, ty: Ty, doc: &'static str) -> Key {
    Key {
        name,
        #[cfg(feature = "authoring")]
        ty,
        required: false,
        #[cfg(feature = "authoring")]
        doc,
    }
}

const fn must(name: &'static str, ty: Ty, doc: &'static str) -> Key {
    Key { required: true, ..key(name, ty, doc) }
}

const VISIBLE_IF: Key = key(
    "visibleIf",
    Ty::Condition,
    "Shown only while this expression holds; hidden answers are not checked or sent.",
);

/// The FIM element (XDatenfelder) a part was imported from; the payload carries these ids so
/// the answers map back to the schema.
const FIM: Key = key(
    "fim",
    Ty::Fim,
    "The FIM element this was imported from: {\"id\": \"F60000227\", \"version\": \"1.2\"}.",
);

/// The keys of a `fim` reference.
pub(crate) const FIM_REF: &[Key] = &[
    must("id", Ty::String, "The FIM id: S… (schema), G… (group), F… (field) or R… (rule)."),
    key("version", Ty::String, "Its version, e.g. 1.2.0."),
];

pub(crate) const FORM: &[Key] = &[
    key("$schema", Ty::String, "URL of the JSON Schema, for editors."),
    must("formlotse", Ty::FormatVersion, "The format version: 1."),
    must("id", Ty::Id, "Stable id of the form; keys drafts and submissions."),
    key("version", Ty::String, "The author's version of the form."),
    must("title", Ty::Text, "The form's title."),
    key("description", Ty::Text, "Introduction shown above the first step."),
    key("languages", Ty::Languages, "Languages of the texts, German first (default [\"de\"])."),
    key("codeLists", Ty::CodeLists, "Option lists defined once and referenced by name from `options`."),
    must("steps", Ty::Steps, "The steps, in order."),
    FIM,
];

pub(crate) const STEP: &[Key] = &[
    must("id", Ty::Id, "Stable id of the step."),
    must("title", Ty::Text, "The step's heading."),
    VISIBLE_IF,
    must("fields", Ty::Items, "Fields, groups and content blocks."),
    FIM,
];

pub(crate) const GROUP: &[Key] = &[
    must("type", Ty::String, "\"group\"."),
    must("id", Ty::Id, "Stable id of the group."),
    must("legend", Ty::Text, "The group's legend."),
    key("hint", Ty::Text, "Help under the legend."),
    VISIBLE_IF,
    must("fields", Ty::Items, "What the group holds."),
    FIM,
];

pub(crate) const REPEAT: &[Key] = &[
    must("type", Ty::String, "\"repeat\"."),
    must("id", Ty::Id, "Stable id of the group; the key of the array of items in the payload."),
    must("legend", Ty::Text, "The legend of the whole group."),
    key("hint", Ty::Text, "Help under the legend."),
    must("itemLabel", Ty::Text, "The legend of each item; {n} is its number: \"Hund {n}\"."),
    key("addLabel", Ty::Text, "The add button, e.g. \"Weiteren Hund hinzufügen\"."),
    key("minItems", Ty::Count { min: 0, max: 100 }, "Fewest items (default 1)."),
    key("maxItems", Ty::Count { min: 1, max: 100 }, "Most items (default 10)."),
    VISIBLE_IF,
    must("fields", Ty::Items, "What each item holds: fields, groups and content blocks."),
    FIM,
];

pub(crate) const CONTENT: &[Key] = &[
    must("type", Ty::String, "\"heading\", \"paragraph\", \"info\" or \"warning\"."),
    key("id", Ty::Id, "Optional id."),
    must("text", Ty::Text, "The text."),
    VISIBLE_IF,
    FIM,
];

pub(crate) const CHOICE: &[Key] = &[
    must("value", Ty::String, "The value in the payload."),
    must("label", Ty::Text, "What the citizen reads."),
    key("hint", Ty::Text, "Help under the option."),
    VISIBLE_IF,
];

/// Keys every field has.
pub(crate) const FIELD: &[Key] = &[
    must("id", Ty::Id, "Stable id; the key of the answer in the payload."),
    must("type", Ty::String, "The field type."),
    must("label", Ty::Text, "The visible label."),
    key("hint", Ty::Text, "Help between label and input."),
    key("required", Ty::Bool, "An answer is needed (a checkbox: it must be ticked)."),
    key("requiredIf", Ty::Condition, "An answer is needed while this expression holds."),
    VISIBLE_IF,
    key("autocomplete", Ty::String, "HTML autocomplete token, e.g. given-name."),
    key("messages", Ty::Messages, "Your own messages by rule: {\"required\": \"Geben Sie …\"}."),
    FIM,
];

const MIN_LENGTH: Key = key("minLength", Ty::Count { min: 0, max: 1_000_000 }, "Fewest characters.");
const MAX_LENGTH: Key = key("maxLength", Ty::Count { min: 1, max: 1_000_000 }, "Most characters.");
const PATTERN: Key =
    key("pattern", Ty::Pattern, "Regular expression the whole answer must match; needs messages.pattern.");
const EQUALS: Key = key("equals", Ty::FieldRef, "Must equal that field's answer (repeat your e-mail).");
const MIN: Key = key("min", Ty::Number, "Smallest value.");
const MAX: Key = key("max", Ty::Number, "Largest value.");
const OPTIONS: Key = must("options", Ty::Options, "Options inline, or the name of a code list.");

/// One field type with the keys only it has.
pub(crate) struct Kind {
    pub(crate) name: &'static str,
    #[cfg(feature = "authoring")]
    pub(crate) doc: &'static str,
    pub(crate) keys: &'static [Key],
}

#[cfg_attr(not(feature = "authoring"), allow(unused_variables))]
const fn kind_of(name: &'static str, doc: &'static str, keys: &'static [Key]) -> Kind {
    Kind {
        name,
        #[cfg(feature = "authoring")]
        doc,
        keys,
    }
}

pub(crate) const KINDS: &[Kind] = &[
    kind_of("text", "One line of text.", &[MIN_LENGTH, MAX_LENGTH, PATTERN, EQUALS]),
    kind_of("textarea", "Several lines of text.", &[MIN_LENGTH, MAX_LENGTH]),
    kind_of(
        "number",
        "A number; German input like 1.234,5 is read as typed.",
        &[
            MIN,
            MAX,
            key("decimals", Ty::Count { min: 0, max: 6 }, "Most decimal places (default 0: whole numbers)."),
            key("unit", Ty::Text, "Unit shown after the input, e.g. m²."),
        ],
    ),
    kind_of("money", "An amount in euros, at most two decimals.", &[MIN, MAX]),
    kind_of("email", "An e-mail address (HTML standard).", &[MAX_LENGTH, EQUALS]),
    kind_of("phone", "A telephone number, national or international.", &[]),
    kind_of(
        "date",
        "A date as day, month and year; the payload holds YYYY-MM-DD.",
        &[
            key(
                "minDate",
                Ty::DateBound,
                "Earliest date: YYYY-MM-DD, today, today-18y, today+14d, today+3m.",
            ),
            key("maxDate", Ty::DateBound, "Latest date, like minDate."),
            key("after", Ty::FieldRef, "Must be after that date field's date."),
        ],
    ),
    kind_of("select", "One of many options, as a drop-down.", &[OPTIONS]),
    kind_of("radio", "One of a few options, as radio buttons.", &[OPTIONS]),
    kind_of("checkbox", "A single checkbox, e.g. a consent.", &[]),
    kind_of(
        "checkboxes",
        "Any number of options.",
        &[
            OPTIONS,
            key("minSelected", Ty::Count { min: 0, max: 1000 }, "Fewest options ticked."),
            key("maxSelected", Ty::Count { min: 1, max: 1000 }, "Most options ticked."),
        ],
    ),
    kind_of("yesno", "Yes or no; the payload holds true or false.", &[]),
    kind_of("iban", "An IBAN (length by country, check digits).", &[]),
    kind_of("postalCode", "A German postal code.", &[]),
    kind_of(
        "file",
        "File uploads.",
        &[
            key("accept", Ty::Strings, "MIME types (application/pdf, image/*) or extensions (.pdf)."),
            key("maxSize", Ty::Count { min: 1, max: 1 << 40 }, "Largest file in bytes."),
            key("maxFiles", Ty::Count { min: 1, max: 100 }, "Most files (default 1)."),
        ],
    ),
    kind_of(
        "calculated",
        "A value calculated from other answers (a fee), shown read-only and sent.",
        &[
            must("expression", Ty::Expression, "The calculation, e.g. 96 + 144 * (anzahl - 1)."),
            key("format", Ty::OneOf(CALCULATED_FORMATS), "How a number is shown: number (default) or money."),
        ],
    ),
];

/// How a calculated number can be shown.
pub(crate) const CALCULATED_FORMATS: &[&str] = &["number", "money"];

/// The content block types.
pub(crate) const CONTENT_TYPES: &[&str] = &["heading", "paragraph", "info", "warning"];

/// The spec of a field type.
pub(crate) fn kind(name: &str) -> Option<&'static Kind> {
    KINDS.iter().find(|kind| kind.name == name)
}

#[cfg(test)]
mod tests {
    #[test]
    fn field_types_match_the_engine() {
        let names: Vec<&str> = super::KINDS.iter().map(|k| k.name).collect();
        assert_eq!(names, crate::definition::FIELD_TYPES);
    }
}
