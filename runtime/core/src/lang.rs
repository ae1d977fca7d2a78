//! The languages Formlotse speaks to a citizen: any BCP 47 tag a definition lists (`de`, `uk`,
//! `ar`, `de-x-ls` for Leichte Sprache, `hsb` for Upper Sorbian, …). German is the default and
//! the last fallback: every definition's first language is German (the loader checks).

/// The longest tag kept (`de-x-ls`, `zh-hant`, `en-gb` fit): a longer one is cut after its
/// last whole subtag that fits (`zh-hant` for `zh-Hant-TW`), which is where its fallback would
/// lead anyway. Eight bytes with the length, so a `Lang`, copied into every context and
/// property, moves as one number (measured: 220 B less gzipped wasm than 16 bytes).
pub const MAX: usize = 7;

/// A language tag, lower-cased with `-` between subtags. Small and `Copy`, so that it can sit in
/// every `Context` without an allocation.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Lang {
    len: u8,
    bytes: [u8; MAX],
}

// The names of the closed enum this type replaced: code that has words of its own in German and
// English (authoring diagnostics, the PDF, the receiver's problem details) reads the same.
#[allow(non_upper_case_globals)]
impl Lang {
    /// German, formal "Sie".
    pub const De: Lang = Lang::literal("de");
    /// English.
    pub const En: Lang = Lang::literal("en");

    /// A tag known to be valid and short, at compile time (an index out of range would be a
    /// compile error, not a panic).
    #[allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)]
    const fn literal(tag: &str) -> Lang {
        let mut bytes = [0; MAX];
        let source = tag.as_bytes();
        let mut i = 0;
        while i < source.len() {
            bytes[i] = source[i];
            i += 1;
        }
        Lang { len: source.len() as u8, bytes }
    }

    /// Reads a BCP 47 tag such as `de`, `de-DE`, `en_GB` or `de-x-ls`: subtags of 1 to 8 letters
    /// or digits, the first letters only. `None` for anything else. A tag longer than [`MAX`] is
    /// cut after its last subtag that fits, before any singleton (`x` in `de-at-x-ls`, `u` in
    /// `en-u-ca-gregory`): what follows one is an extension, not a narrower language.
    pub fn parse(tag: &str) -> Option<Lang> {
        let tag = tag.trim();
        let mut bytes = [0; MAX];
        // One pass, no splitting (smaller in the citizen's wasm): the current subtag's length,
        // whether it is the primary one, how much of the tag is kept if it is too long, and up to
        // where it may be cut (nowhere after a singleton).
        let (mut subtag, mut primary, mut kept, mut room) = (0u8, true, 0, MAX);
        for (at, byte) in tag.bytes().enumerate() {
            let byte = match byte {
                b'-' | b'_' if subtag > 0 => {
                    if subtag == 1 {
                        room = 0;
                    } else if at <= room {
                        kept = at;
                    }
                    (subtag, primary) = (0, false);
                    b'-'
                }
                b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9'
                    if subtag < 8 && (!primary || byte.is_ascii_alphabetic()) =>
                {
                    subtag = subtag.saturating_add(1);
                    byte.to_ascii_lowercase()
                }
                _ => return None,
            };
            if let Some(slot) = bytes.get_mut(at) {
                *slot = byte;
            }
        }
        let len = if tag.len() <= MAX { tag.len() } else { kept };
        for slot in bytes.iter_mut().skip(len) {
            *slot = 0;
        }
        (subtag > 0 && len > 0).then_some(Lang { len: u8::try_from(len).ok()?, bytes })
    }

    /// Like [`Lang::parse`], with German for anything that is not a tag.
    pub fn from_tag(tag: &str) -> Lang {
        Lang::parse(tag).unwrap_or(Lang::De)
    }

    /// The tag, lower-cased: `de`, `uk`, `de-x-ls`.
    pub fn tag(&self) -> &str {
        let bytes = self.bytes.get(..usize::from(self.len)).unwrap_or_default();
        std::str::from_utf8(bytes).unwrap_or_default()
    }

    /// The primary language subtag: `de` for `de-x-ls` and `de-AT`.
    pub fn primary(&self) -> &str {
        self.tag().split('-').next().unwrap_or_default()
    }

    /// The next more general tag: `de` for `de-x-ls` (a singleton such as `x` is dropped with
    /// what it introduces), `zh` for `zh-hant`; `None` for a primary subtag alone.
    pub fn parent(&self) -> Option<Lang> {
        let mut tag = self.tag();
        loop {
            let (rest, _) = tag.rsplit_once('-')?;
            tag = rest;
            // A tag does not end in a singleton (`x`, `u`): drop it with its subtags.
            if tag.rsplit('-').next().is_some_and(|last| last.len() > 1) {
                // A prefix of a valid tag is valid: cut, without reading it again.
                let mut bytes = [0; MAX];
                for (slot, byte) in bytes.iter_mut().zip(tag.bytes()) {
                    *slot = byte;
                }
                return Some(Lang { len: u8::try_from(tag.len()).ok()?, bytes });
            }
        }
    }

    /// This tag and its more general ones, most specific first: `de-x-ls`, `de`.
    pub fn chain(self) -> impl Iterator<Item = Lang> {
        std::iter::successors(Some(self), Lang::parent)
    }

    /// Whether the built-in words of the authoring tools, the PDF and the receiver (German and
    /// English only) should be English for this language.
    pub fn is_english(self) -> bool {
        self.primary() == "en"
    }

    /// The decimal and grouping separators of numbers a citizen types and reads: `1.234,5` in
    /// German, Polish, Czech, Russian, Ukrainian and Turkish, `1,234.5` in English and Arabic.
    pub fn separators(self) -> (char, char) {
        match self.primary() {
            "en" | "ar" | "he" | "zh" | "ja" | "ko" => ('.', ','),
            _ => (',', '.'),
        }
    }

    /// The nearest of the `offered` tags (a definition's `languages`) to a citizen who asked for
    /// `self`, along the tag (`en` for `en-GB`, `de` for `de-AT`); `None` when none is on the way
    /// (`Definition::speaks` decides then).
    pub fn served_by(self, offered: &[String]) -> Option<Lang> {
        // As a text finds its language: the tags as written, in any case (`Text::get`).
        let listed = |lang: &Lang| offered.iter().any(|tag| tag.eq_ignore_ascii_case(lang.tag()));
        self.chain().find(listed)
    }
}

impl Default for Lang {
    fn default() -> Lang {
        Lang::De
    }
}

impl std::fmt::Debug for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Lang({})", self.tag())
    }
}

#[cfg(test)]
mod tests {
    use super::Lang;

    #[test]
    fn tags() {
        for (tag, read) in [
            ("de", Some("de")),
            ("de-AT", Some("de-at")),
            ("EN", Some("en")),
            ("en_US", Some("en-us")),
            ("de-x-ls", Some("de-x-ls")),
            ("hsb", Some("hsb")),
            ("zh-Hant-TW", Some("zh-hant")),
            ("sr-Latn-RS", Some("sr-latn")),
            ("de-at-x-ls", Some("de-at")),
            ("en-u-ca-gregory", Some("en")),
            ("de-x-ls-foo", Some("de")),
            ("de-at-1996", Some("de-at")),
            ("de-1996-x", Some("de-1996")),
            ("en-GB-oxendict", Some("en-gb")),
            ("abcdefgh", None),
            ("de-at-ä", None),
            (" uk ", Some("uk")),
            ("", None),
            ("de--at", None),
            ("de-", None),
            ("-de", None),
            ("de-AT-1996", Some("de-at")),
            ("de-1996", Some("de-1996")),
            ("x-ls", Some("x-ls")),
            ("1de", None),
            ("de-toolongsubtag", None),
            ("de-ä", None),
            ("a-b-c-d-e-f-g-h-i-j-k-l-m", None),
            ("sgn-de-x-abcdef", Some("sgn-de")),
        ] {
            assert_eq!(Lang::parse(tag).as_ref().map(Lang::tag), read, "{tag}");
        }
        assert_eq!(Lang::from_tag("not a tag"), Lang::De);
        assert_eq!(Lang::from_tag("en"), Lang::En);
    }

    #[test]
    fn fallback_along_the_tag() {
        let chain = |tag| Lang::from_tag(tag).chain().map(|l| l.tag().to_owned()).collect::<Vec<_>>();
        assert_eq!(chain("de-x-ls"), ["de-x-ls", "de"]);
        // Cut to what a `Lang` holds first (`Lang::parse`), then along the tag.
        assert_eq!(chain("zh-hant-tw"), ["zh-hant", "zh"]);
        assert_eq!(chain("zh-hant"), ["zh-hant", "zh"]);
        assert_eq!(chain("uk"), ["uk"]);
        assert_eq!(Lang::from_tag("de-x-ls").primary(), "de");
    }

    #[test]
    fn the_language_served() {
        let offered = ["de", "en", "uk", "de-x-ls", "zh-hant"].map(String::from);
        for (asked, got) in [
            ("en-GB", "en"),
            ("uk", "uk"),
            ("de-x-ls", "de-x-ls"),
            ("de-AT", "de"),
            ("zh-Hant-TW", "zh-hant"),
        ] {
            assert_eq!(
                Lang::from_tag(asked).served_by(&offered).as_ref().map(Lang::tag),
                Some(got),
                "{asked}"
            );
        }
        assert_eq!(Lang::from_tag("fr").served_by(&offered), None);
        assert_eq!(Lang::from_tag("ar-EG").served_by(&offered), None);
        assert_eq!(Lang::from_tag("de-x-ls").served_by(&["de".into()]), Some(Lang::De));
        assert_eq!(Lang::from_tag("uk").served_by(&[]), None);
    }
}
