//! Texts a citizen sees: one string, or one per language.

use super::ByKey;
use crate::lang::Lang;

/// A text a citizen sees: one string, or one string per language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Text {
    /// The same text in every language.
    Plain(String),
    /// Text by language tag (`de`, `en`, …); never empty (the loader checks).
    Localized(ByKey<String>),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn falls_back_to_german_then_first() {
        let map = |pairs: &[(&str, &str)]| {
            Text::Localized(pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect())
        };
        assert_eq!(map(&[("de", "Hund"), ("en", "Dog")]).get(Lang::En), "Dog");
        assert_eq!(map(&[("de", "Hund")]).get(Lang::En), "Hund");
        assert_eq!(map(&[("fr", "Chien")]).get(Lang::De), "Chien");
        assert_eq!(Text::Plain("Hund".into()).get(Lang::En), "Hund");
    }
}
