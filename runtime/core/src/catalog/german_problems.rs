//! The German words of the receiver's refusals (`formlotse-server`'s problem+json `detail`, and
//! the texts of problems that concern no single answer's rule): a citizen's browser shows them
//! when the receiver refuses, so they say what to do, without blame. Like
//! [`super::german_documents`] they are server words: only [`super::Catalog::document_text`] and
//! the catalog checker read them, so the citizen's wasm does not carry them.

use super::german::table;

/// Key and template, sorted by key (see [`table`]).
pub(crate) const PROBLEMS: &str = table![
    (
        "problem.duplicateKey",
        "Der Schlüssel {pointer} kommt doppelt vor. Nennen Sie jeden Schlüssel nur einmal."
    ),
    (
        "problem.fileContent",
        "Der Inhalt der Datei „{name}“ passt nicht zu ihrem Dateityp. Bitte wählen Sie die richtige Datei aus.",
    ),
    ("problem.fileEmpty", "Die Datei „{name}“ ist leer. Bitte wählen Sie die richtige Datei aus."),
    (
        "problem.files",
        "Eine Datei kann so nicht angenommen werden. Bitte wählen Sie die genannte Datei erneut aus. Es wurde nichts gespeichert.",
    ),
    (
        "problem.idempotencyConflict",
        "Dieser Idempotency-Key gehört zu einem anderen Antrag. Senden Sie jeden Antrag mit einem eigenen Schlüssel. Es wurde nichts gespeichert.",
    ),
    (
        "problem.idempotencyKey",
        "Der Idempotency-Key ist ungültig. Senden Sie ihn einmal, mit 1 bis 255 sichtbaren ASCII-Zeichen. Es wurde nichts gespeichert.",
    ),
    (
        "problem.internal",
        "Der Antrag konnte wegen eines Fehlers des Servers nicht gespeichert werden. Bitte versuchen Sie es später erneut.",
    ),
    (
        "problem.invalid",
        "Einige Angaben erfüllen die Regeln des Formulars nicht. Bitte prüfen Sie die genannten Angaben. Es wurde nichts gespeichert.",
    ),
    (
        "problem.lang",
        "Die Übermittlung nennt keine gültige Sprache. „lang“ muss ein Sprachkürzel nach BCP 47 mit höchstens 7 Zeichen sein, etwa „de“, „uk“ oder „de-x-ls“. Es wurde nichts gespeichert.",
    ),
    ("problem.malformed", "Der Antrag ist beschädigt angekommen. Bitte senden Sie ihn erneut."),
    (
        "problem.mediaType",
        "Senden Sie den Antrag als application/json oder multipart/form-data. Es wurde nichts gespeichert.",
    ),
    ("problem.notJson", "Die Übermittlung ist kein JSON: erwartet wird {expected} bei Byte {offset}."),
    (
        "problem.origin",
        "Dieses Formular kann von dieser Seite aus nicht gesendet werden. Bitte nutzen Sie das Formular auf der Internetseite Ihrer Verwaltung.",
    ),
    ("problem.otherForm", "Die Übermittlung nennt ein anderes Formular: „{found}“."),
    ("problem.payloadShape", "Die Übermittlung ist kein Objekt mit einem Objekt „answers“."),
    (
        "problem.timeout",
        "Der Antrag ist nicht rechtzeitig vollständig angekommen. Bitte senden Sie ihn erneut."
    ),
    ("problem.tooDeep", "Die Übermittlung ist bei Byte {offset} zu tief verschachtelt."),
    (
        "problem.tooLarge",
        "Der Antrag ist zu groß. Erlaubt sind höchstens {bytes} Bytes. Bitte verkleinern Sie die Dateien oder senden Sie weniger Dateien.",
    ),
    ("problem.tooManyParts", "Der Antrag hat zu viele Dateien. Erlaubt sind höchstens {files} Dateien.",),
    ("problem.unavailable", "Der Server ist gerade nicht erreichbar. Ihr Antrag wird erneut gesendet."),
    ("problem.unknownField", "Das Formular hat kein Feld „{field}“."),
    ("problem.unknownFields", "Das Formular hat kein Feld „{field}“. Unbekannte Felder insgesamt: {count}."),
    (
        "problem.unknownForm",
        "Das Formular „{form}“ wird hier nicht angenommen. Bitte wenden Sie sich an Ihre Verwaltung.",
    ),
];

/// The German template for a problem's `key`.
pub(crate) fn word(key: &str) -> Option<&'static str> {
    all().find_map(|(known, word)| (known == key).then_some(word))
}

/// Every key and template of the problems.
pub(crate) fn all() -> impl Iterator<Item = (&'static str, &'static str)> {
    PROBLEMS.split('\n').filter_map(|line| line.split_once('\t'))
}
