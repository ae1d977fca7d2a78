//! The German words of the documents the server writes (the application as a PDF, the
//! citizen's confirmation e-mail, the time of receipt in both): checked
//! like every other German word, but kept out of [`super::german`] so the citizen's wasm, which
//! never writes a PDF, does not carry them; only [`super::Catalog::document_text`] and the
//! catalog checker read them.

use super::german::table;

/// Key and template, sorted by key (see [`table`]).
pub(crate) const DOCUMENTS: &str = table![
    (
        "email.closing",
        "Bitte geben Sie das Aktenzeichen an, wenn Sie sich an die Verwaltung wenden. Diese E-Mail wurde automatisch versandt.",
    ),
    ("email.greeting", "Guten Tag,"),
    ("email.received", "Ihr Antrag „{title}“ ist am {received} eingegangen."),
    ("email.reference", "Ihr Aktenzeichen: {reference}"),
    ("email.subject", "Ihr Antrag ist eingegangen: {reference}"),
    ("pdf.about", "Antrag"),
    ("pdf.answer", "Antwort"),
    ("pdf.attachments", "Anlagen"),
    ("pdf.bytes", "{bytes} Bytes"),
    ("pdf.checksum", "Prüfsumme (SHA-256)"),
    ("pdf.continued", "(Fortsetzung)"),
    ("pdf.file", "Datei"),
    ("pdf.file_name", "antrag-{reference}.pdf"),
    ("pdf.form", "Formular"),
    ("pdf.language", "Ausgefüllt auf"),
    ("pdf.no_attachments", "Dem Antrag liegen keine Dateien bei."),
    ("pdf.page", "Seite {page} von {pages}"),
    ("pdf.question", "Angabe"),
    ("pdf.received", "Eingegangen"),
    ("pdf.reference", "Aktenzeichen"),
    ("pdf.size", "Größe"),
    ("pdf.version", "Version"),
    // The time of receipt in the town's civil time (Central European Time), in winter and in
    // summer: the language's own order of date and time, and its name for the zone.
    ("time.summer", "{date}, {time} Uhr (MESZ)"),
    ("time.winter", "{date}, {time} Uhr (MEZ)"),
];

/// The German template for a document's `key`.
pub(crate) fn word(key: &str) -> Option<&'static str> {
    all().find_map(|(known, word)| (known == key).then_some(word))
}

/// Every key and template of the documents.
pub(crate) fn all() -> impl Iterator<Item = (&'static str, &'static str)> {
    DOCUMENTS.split('\n').filter_map(|line| line.split_once('\t'))
}
