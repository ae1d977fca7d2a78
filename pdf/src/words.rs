//! The PDF's own words (the form's words come from its definition), from the language catalog
//! of the copy (`pdf.*` keys; German built into `formlotse-core`, every other language in
//! `runtime/i18n/TAG.json`).

use formlotse_core::Lang;
use formlotse_core::catalog::Catalog;

/// Every fixed text of the document in one language.
#[derive(Debug, Clone)]
pub(crate) struct Words {
    pub(crate) reference: String,
    pub(crate) received: String,
    pub(crate) form: String,
    pub(crate) version: String,
    pub(crate) language: String,
    pub(crate) question: String,
    pub(crate) answer: String,
    pub(crate) not_given: String,
    pub(crate) continued: String,
    pub(crate) attachments: String,
    pub(crate) no_attachments: String,
    pub(crate) file: String,
    pub(crate) size: String,
    pub(crate) checksum: String,
    pub(crate) about: String,
    /// "Seite {page} von {pages}".
    page: String,
    /// "{bytes} Bytes".
    bytes: String,
    /// The number grouping of the copy's language: "1.234.567" or "1,234,567".
    group: char,
}

impl Words {
    /// "Seite 1 von 3".
    pub(crate) fn page(&self, page: usize, pages: usize) -> String {
        fill(&self.page, &[("page", &page.to_string()), ("pages", &pages.to_string())])
    }

    /// "1.234.567 Bytes".
    pub(crate) fn bytes(&self, n: u64) -> String {
        fill(&self.bytes, &[("bytes", &grouped(n, self.group))])
    }
}

/// The words of `catalog`, for a copy in `lang`.
pub(crate) fn of(catalog: &Catalog, lang: Lang) -> Words {
    let text = |key: &str| catalog.document_text(&format!("pdf.{key}"), &[]);
    Words {
        reference: text("reference"),
        received: text("received"),
        form: text("form"),
        version: text("version"),
        language: text("language"),
        question: text("question"),
        answer: text("answer"),
        not_given: catalog.word("not_given").to_owned(),
        continued: text("continued"),
        attachments: text("attachments"),
        no_attachments: text("no_attachments"),
        file: text("file"),
        size: text("size"),
        checksum: text("checksum"),
        about: text("about"),
        page: text("page"),
        bytes: text("bytes"),
        group: lang.separators().1,
    }
}

/// `template` with its `{name}`s (already filled by the catalog when it had no parameters).
fn fill(template: &str, params: &[(&str, &str)]) -> String {
    params.iter().fold(template.to_owned(), |text, (name, value)| text.replace(&format!("{{{name}}}"), value))
}

/// The name of the language the form was filled in, in the copy's language: the catalog's own
/// name when they are the same, else German's or English's name for it, else its tag.
pub(crate) fn language_name(catalog: &Catalog, filled_in: Lang) -> String {
    if catalog.lang() == filled_in {
        return catalog.name().to_owned();
    }
    let german = !catalog.lang().is_english();
    let name = match (filled_in.tag(), german) {
        ("de", true) => "Deutsch",
        ("de-x-ls", true) => "Leichte Sprache",
        ("en", true) => "Englisch",
        ("uk", true) => "Ukrainisch",
        ("ar", true) => "Arabisch",
        ("tr", true) => "Türkisch",
        ("ru", true) => "Russisch",
        ("pl", true) => "Polnisch",
        ("cs", true) => "Tschechisch",
        ("de", false) => "German",
        ("de-x-ls", false) => "Easy-to-read German (Leichte Sprache)",
        ("en", false) => "English",
        ("uk", false) => "Ukrainian",
        ("ar", false) => "Arabic",
        ("tr", false) => "Turkish",
        ("ru", false) => "Russian",
        ("pl", false) => "Polish",
        ("cs", false) => "Czech",
        (tag, _) => return tag.to_owned(),
    };
    name.to_owned()
}

/// 1234567 as "1.234.567" (German) or "1,234,567" (English).
fn grouped(n: u64, separator: char) -> String {
    let digits = n.to_string();
    let mut text = String::new();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            text.push(separator);
        }
        text.push(digit);
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn english() -> Catalog {
        Catalog::parse(include_str!("../../runtime/i18n/en.json")).expect("the English catalog") // ok: test
    }

    #[test]
    fn numbers_and_pages_in_each_language() {
        let german = Catalog::german();
        assert_eq!(of(&german, Lang::De).bytes(1_234_567), "1.234.567 Bytes");
        assert_eq!(of(&english(), Lang::En).bytes(1_234_567), "1,234,567 bytes");
        assert_eq!(of(&german, Lang::De).bytes(999), "999 Bytes");
        assert_eq!(of(&german, Lang::De).page(1, 3), "Seite 1 von 3");
        assert_eq!(of(&english(), Lang::En).page(2, 3), "Page 2 of 3");
        assert_eq!(of(&german, Lang::De).not_given, "Keine Angabe");
        assert_eq!(language_name(&german, Lang::En), "Englisch");
        assert_eq!(language_name(&english(), Lang::En), "English");
        let ukrainian = Catalog::parse(include_str!("../../runtime/i18n/uk.json")).expect("uk"); // ok: test
        assert_eq!(language_name(&ukrainian, Lang::from_tag("uk")), "Українська");
        assert_eq!(of(&ukrainian, Lang::from_tag("uk")).reference, "Номер справи");
    }
}
