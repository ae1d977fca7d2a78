//! The languages Formlotse speaks to a citizen.

/// A language of the UI catalogs. German is the default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    /// German, formal "Sie".
    #[default]
    De,
    /// English.
    En,
}

impl Lang {
    /// Reads a BCP 47 tag such as `de`, `de-DE` or `en-GB`; anything else falls back to German.
    pub fn from_tag(tag: &str) -> Lang {
        let primary = tag.split(['-', '_']).next().unwrap_or_default();
        if primary.eq_ignore_ascii_case("en") { Lang::En } else { Lang::De }
    }

    /// The primary language subtag, as used in `lang` attributes and definition text maps.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::De => "de",
            Lang::En => "en",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Lang;

    #[test]
    fn tags() {
        for (tag, lang) in [
            ("de", Lang::De),
            ("de-AT", Lang::De),
            ("EN", Lang::En),
            ("en-GB", Lang::En),
            ("en_US", Lang::En),
            ("tr", Lang::De),
            ("", Lang::De),
        ] {
            assert_eq!(Lang::from_tag(tag), lang, "{tag}");
        }
    }
}
