//! The PDF's own words (the form's words come from its definition), in each language.

use formlotse_core::Lang;

/// Every fixed text of the document in one language.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Words {
    pub(crate) reference: &'static str,
    pub(crate) received: &'static str,
    pub(crate) form: &'static str,
    pub(crate) version: &'static str,
    pub(crate) language: &'static str,
    pub(crate) question: &'static str,
    pub(crate) answer: &'static str,
    pub(crate) not_given: &'static str,
    pub(crate) continued: &'static str,
    pub(crate) attachments: &'static str,
    pub(crate) no_attachments: &'static str,
    pub(crate) file: &'static str,
    pub(crate) size: &'static str,
    pub(crate) checksum: &'static str,
    pub(crate) about: &'static str,
    pub(crate) page: fn(usize, usize) -> String,
    pub(crate) bytes: fn(u64) -> String,
    pub(crate) language_name: fn(Lang) -> &'static str,
}

const DE: Words = Words {
    reference: "Aktenzeichen",
    received: "Eingegangen",
    form: "Formular",
    version: "Version",
    language: "Ausgefüllt auf",
    question: "Angabe",
    answer: "Antwort",
    not_given: "Keine Angabe",
    continued: "(Fortsetzung)",
    attachments: "Anlagen",
    no_attachments: "Dem Antrag liegen keine Dateien bei.",
    file: "Datei",
    size: "Größe",
    checksum: "Prüfsumme (SHA-256)",
    about: "Antrag",
    page: |page, pages| format!("Seite {page} von {pages}"),
    bytes: |n| format!("{} Bytes", grouped(n, '.')),
    language_name: |lang| match lang.tag() {
        "de" => "Deutsch",
        "de-x-ls" => "Leichte Sprache",
        "en" => "Englisch",
        "uk" => "Ukrainisch",
        "ar" => "Arabisch",
        "tr" => "Türkisch",
        "ru" => "Russisch",
        "pl" => "Polnisch",
        "cs" => "Tschechisch",
        _ => "andere Sprache",
    },
};

const EN: Words = Words {
    reference: "Reference",
    received: "Received",
    form: "Form",
    version: "Version",
    language: "Language used",
    question: "Question",
    answer: "Answer",
    not_given: "Not given",
    continued: "(continued)",
    attachments: "Attachments",
    no_attachments: "No files are attached to this application.",
    file: "File",
    size: "Size",
    checksum: "Checksum (SHA-256)",
    about: "Application",
    page: |page, pages| format!("Page {page} of {pages}"),
    bytes: |n| format!("{} bytes", grouped(n, ',')),
    language_name: |lang| match lang.tag() {
        "de" => "German",
        "de-x-ls" => "Easy-to-read German (Leichte Sprache)",
        "en" => "English",
        "uk" => "Ukrainian",
        "ar" => "Arabic",
        "tr" => "Turkish",
        "ru" => "Russian",
        "pl" => "Polish",
        "cs" => "Czech",
        _ => "another language",
    },
};

/// The words of `lang`.
pub(crate) fn of(lang: Lang) -> Words {
    if lang.is_english() { EN } else { DE }
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

    #[test]
    fn numbers_and_pages_in_each_language() {
        assert_eq!((of(Lang::De).bytes)(1_234_567), "1.234.567 Bytes");
        assert_eq!((of(Lang::En).bytes)(1_234_567), "1,234,567 bytes");
        assert_eq!((of(Lang::De).bytes)(999), "999 Bytes");
        assert_eq!((of(Lang::De).page)(1, 3), "Seite 1 von 3");
        assert_eq!((of(Lang::En).page)(2, 3), "Page 2 of 3");
        assert_eq!((of(Lang::De).language_name)(Lang::En), "Englisch");
    }
}
