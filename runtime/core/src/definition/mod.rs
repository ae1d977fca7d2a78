//! A loaded, checked form definition. Build one with [`crate::load`]; every value here has
//! already passed the loader's checks, so the rest of the engine trusts it.

mod by_key;
mod field;
mod text;

pub use by_key::ByKey;
pub use field::{
    Calculation, Choice, Condition, DateBound, FIELD_TYPES, Field, FieldKind, FileRules, Pattern, Rules,
};
pub use text::Text;

use crate::lang::Lang;
use crate::logic::Logic;

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

    /// The language to speak to a citizen whose page asks for `asked`: the nearest of its
    /// `languages` along the tag (`en` for `en-GB`, `de` for `de-AT`), else German, every form's
    /// first. So a page in a language the form lacks shows the form in one language, not the
    /// runtime's words in one and the form's texts in another.
    pub fn speaks(&self, asked: Lang) -> Lang {
        asked.served_by(&self.languages).unwrap_or_default()
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
    pub fn item_label(&self, index: usize, lang: Lang) -> String {
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

#[cfg(test)]
mod tests {
    use crate::lang::Lang;

    #[test]
    fn a_page_language_the_form_lacks_gets_one_language() {
        let form = |languages: &str, title: &str| {
            crate::load(&format!(
                r#"{{"formlotse": 1, "id": "f", {languages} "title": {title}, "steps": [{{"id": "s", "title": "S", "fields": [{{"id": "a", "type": "text", "label": "A"}}]}}]}}"#
            ))
            .expect("a form") // ok: test
        };
        let listed =
            form(r#""languages": ["de", "en", "de-x-ls"],"#, r#"{"de": "Sperrmüll", "en": "Bulky waste"}"#);
        // English texts, but English is not among its languages.
        let unlisted = form("", r#"{"de": "Eingebettet", "en": "Inline"}"#);
        let plain = form("", r#""Hund""#);
        for (definition, asked, spoken) in [
            (&listed, "en-GB", "en"),
            (&listed, "de-x-ls", "de-x-ls"),
            (&listed, "de-AT", "de"),
            (&listed, "ar", "de"),
            (&listed, "uk", "de"),
            (&unlisted, "en", "de"),
            (&unlisted, "ar", "de"),
            (&plain, "en", "de"),
        ] {
            assert_eq!(definition.speaks(Lang::from_tag(asked)).tag(), spoken, "{asked}");
        }
    }
}
