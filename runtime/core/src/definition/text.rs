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
    /// The text in `lang`, else along its tag (`de-x-ls`, then `de`), else in German (every
    /// form's first language), else in the first language given.
    #[inline(never)] // called for every text shown: one copy in the wasm, not one per caller
    pub fn get(&self, lang: Lang) -> &str {
        match self {
            Text::Plain(text) => text,
            Text::Localized(map) => {
                let find =
                    |tag: &str| map.iter().find(|(key, _)| key.eq_ignore_ascii_case(tag)).map(|(_, v)| v);
                lang.chain()
                    .find_map(|lang| find(lang.tag()))
                    .or_else(|| find(Lang::De.tag()))
                    .or_else(|| map.values().next())
                    .map(String::as_str)
                    .unwrap_or_default()
            }
        }
    }

    /// The text written for `lang` (or along its tag), not a fallback to another language:
    /// a plain text is for every language.
    pub fn written_in(&self, lang: Lang) -> Option<&str> {
        match self {
            Text::Plain(text) => Some(text),
            Text::Localized(map) => lang.chain().find_map(|lang| {
                map.iter().find(|(key, _)| key.eq_ignore_ascii_case(lang.tag())).map(|(_, v)| v.as_str())
            }),
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
        let easy =
            map(&[("de", "Sperrmüll anmelden"), ("de-x-ls", "Sperr-Müll anmelden"), ("uk", "Зареєструвати")]);
        assert_eq!(easy.get(Lang::from_tag("de-x-ls")), "Sperr-Müll anmelden");
        assert_eq!(easy.get(Lang::from_tag("de-AT")), "Sperrmüll anmelden", "along the tag");
        assert_eq!(easy.get(Lang::from_tag("uk-UA")), "Зареєструвати", "along the tag");
        assert_eq!(easy.get(Lang::from_tag("ar")), "Sperrmüll anmelden", "German, the first language");
        assert_eq!(
            map(&[("de", "Hund"), ("DE-X-LS", "Hund (leicht)")]).get(Lang::from_tag("de-x-ls")),
            "Hund (leicht)"
        );
    }
}
