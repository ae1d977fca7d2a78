//! A loaded, checked form definition. Build one with [`crate::load`]; every value here has
//! already passed the loader's checks, so the rest of the engine trusts it.

use crate::lang::Lang;
use std::collections::BTreeMap;

/// The version of the definition format this engine reads (`"formlotse": 1`).
pub const FORMAT_VERSION: u64 = 1;

/// A text a citizen sees: one string, or one string per language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Text {
    /// The same text in every language.
    Plain(String),
    /// Text by language tag (`de`, `en`, …); never empty (the loader checks).
    Localized(BTreeMap<String, String>),
}

impl Text {
    /// The text in `lang`, else in German, else in the first language given.
    pub fn get(&self, lang: Lang) -> &str {
        match self {
            Text::Plain(text) => text,
            Text::Localized(map) => map
                .get(lang.tag())
                .or_else(|| map.get(Lang::De.tag()))
                .or_else(|| map.values().next())
                .map(String::as_str)
                .unwrap_or_default(),
        }
    }
}

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
    /// The steps, in order; never empty.
    pub steps: Vec<Step>,
}

impl Definition {
    /// Every field of the form, step by step.
    pub fn fields(&self) -> impl Iterator<Item = &Field> {
        self.steps.iter().flat_map(|step| step.fields.iter())
    }

    /// The field with this id.
    pub fn field(&self, id: &str) -> Option<&Field> {
        self.fields().find(|field| field.id == id)
    }
}

/// One page of the assistant: one topic, one heading.
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    /// Stable id, unique in the form.
    pub id: String,
    /// The step's heading.
    pub title: Text,
    /// The fields, in order.
    pub fields: Vec<Field>,
}

/// One question.
#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    /// Stable id, unique in the form; the key of the answer in the payload.
    pub id: String,
    /// What kind of input this is.
    pub kind: FieldKind,
    /// The visible label.
    pub label: Text,
    /// Help shown between label and input.
    pub hint: Option<Text>,
    /// Whether an answer is needed to go on.
    pub required: bool,
    /// The most characters (Unicode scalar values) an answer may have.
    pub max_length: Option<u32>,
    /// An HTML `autocomplete` token such as `given-name`.
    pub autocomplete: Option<String>,
}

/// The kinds of field this engine knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldKind {
    /// A single line of text.
    Text,
}

impl FieldKind {
    /// Every kind with its name in the definition format.
    pub const ALL: &'static [(&'static str, FieldKind)] = &[("text", FieldKind::Text)];

    /// The kind named `name` in a definition.
    pub fn from_name(name: &str) -> Option<FieldKind> {
        Self::ALL.iter().find(|(n, _)| *n == name).map(|(_, kind)| *kind)
    }

    /// The names a definition may use, for diagnostics.
    pub fn names() -> impl Iterator<Item = &'static str> {
        Self::ALL.iter().map(|(name, _)| *name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_falls_back_to_german_then_first() {
        let map = |pairs: &[(&str, &str)]| {
            Text::Localized(pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect())
        };
        assert_eq!(map(&[("de", "Hund"), ("en", "Dog")]).get(Lang::En), "Dog");
        assert_eq!(map(&[("de", "Hund")]).get(Lang::En), "Hund");
        assert_eq!(map(&[("fr", "Chien")]).get(Lang::De), "Chien");
        assert_eq!(Text::Plain("Hund".into()).get(Lang::En), "Hund");
    }
}
