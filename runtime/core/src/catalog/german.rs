//! The built-in German words: the reference every other catalog is checked against.
//! Formal "Sie"; say what to do, without blame (GOV.UK and KERN UX guidance). The messages
//! about answers are in `german_messages.rs`.

pub(crate) use super::german_messages::MESSAGES;

/// A table of keys and templates written as pairs, kept as one text of `key\ttemplate` lines:
/// a slice of pairs would cost the citizen 16 bytes of pointers per word in the wasm, poorly
/// compressed; a lookup reads the few kilobytes once (a word is looked up once per language).
macro_rules! table {
    ($(($key:literal, $word:literal $(,)?)),* $(,)?) => {
        concat!($($key, "\t", $word, "\n"),*)
    };
}
pub(crate) use table;

/// Key and template, sorted by key: one text of `key\ttemplate\n` lines (see [`table`]).
pub(crate) const WORDS: &str = table![
    ("add_item", "Weiteren Eintrag hinzufügen"),
    ("answers_file_name", "{form}-antworten.json"),
    ("answers_load", "Antworten laden"),
    ("answers_loaded", "Ihre Angaben wurden aus der Datei geladen."),
    (
        "answers_not_found",
        "Diese Datei enthält keine gespeicherten Antworten zu diesem Formular. Es wurde nichts geändert.",
    ),
    ("answers_save", "Antworten speichern"),
    ("back", "Zurück"),
    ("change", "Ändern"),
    ("choose", "Bitte wählen"),
    ("chosen_files", "Ausgewählte Dateien"),
    ("date", "{dd}.{mm}.{yyyy}"),
    ("date_day", "Tag"),
    ("date_month", "Monat"),
    ("date_year", "Jahr"),
    ("draft_delete", "Entwurf löschen"),
    ("draft_deleted", "Der Entwurf wurde gelöscht."),
    ("draft_files", "Dateien werden nicht gespeichert. Bitte fügen Sie diese erneut hinzu:"),
    (
        "draft_local",
        "Ihre Angaben werden bis zu 7 Tage auf diesem Gerät gespeichert. Nutzen andere dieses Gerät, löschen Sie den Entwurf, wenn Sie fertig sind.",
    ),
    (
        "draft_other_version",
        "Das Formular wurde inzwischen geändert. Angaben zu Fragen, die es nicht mehr gibt, wurden verworfen. Bitte prüfen Sie Ihre Angaben.",
    ),
    (
        "draft_pending",
        "Ihr Antrag wurde gerade gesendet, als die Seite neu geladen wurde. Senden Sie ihn bitte noch einmal ab; er wird nicht doppelt angenommen.",
    ),
    ("draft_restored", "Ihre Angaben wurden wiederhergestellt."),
    ("draft_saved_at", "Zuletzt gespeichert am {date} um {time} Uhr."),
    ("error_prefix", "Fehler:"),
    ("error_summary_title", "Es gibt ein Problem"),
    ("language_label", "Sprache"),
    ("load_error.attribute", "Am Element <form-lotse> fehlt das Attribut „{name}“."),
    ("load_error.invalid", "Die Formulardefinition {url} enthält Fehler:"),
    (
        "load_error.invalid_help",
        "Zeile, Spalte und Erklärung jedes Fehlers zeigen Formlotse.check() und der Spielplatz.",
    ),
    ("load_error.network", "Die Formulardefinition {url} konnte nicht abgerufen werden: {message}"),
    ("load_error.not_found", "Die Formulardefinition {url} wurde nicht gefunden (HTTP 404)."),
    ("load_error.position", "Zeile {line}, Spalte {column}: {code}"),
    ("load_error.status", "Die Formulardefinition {url} konnte nicht abgerufen werden (HTTP {status})."),
    ("load_failed", "Das Formular konnte nicht geladen werden."),
    (
        "load_failed_help",
        "Bitte versuchen Sie es später noch einmal. Wenn der Fehler bleibt, wenden Sie sich an die Verwaltung.",
    ),
    ("loading", "Das Formular wird geladen …"),
    ("money", "{amount} €"),
    ("new_tab", "(öffnet in neuem Tab)"),
    ("next", "Weiter"),
    ("no", "Nein"),
    ("no_connection", "Keine Verbindung zum Server."),
    ("not_calculated", "Wird berechnet, sobald die nötigen Angaben gemacht sind."),
    ("not_given", "Keine Angabe"),
    ("optional", "(optional)"),
    ("pdf_download", "Antrag als PDF herunterladen"),
    ("print", "Seite drucken"),
    ("progress", "Schritt {step} von {of}"),
    ("reference_label", "Ihr Aktenzeichen"),
    ("refused", "Die Verwaltung hat Ihren Antrag nicht angenommen. Ihre Angaben sind erhalten."),
    ("refused_status", "Antwort des Servers: HTTP {status}"),
    ("remove", "Entfernen"),
    ("remove_item", "{item} entfernen"),
    ("retrying.one", "Der Server ist gerade nicht erreichbar. Neuer Versuch in {seconds} Sekunde …"),
    ("retrying.other", "Der Server ist gerade nicht erreichbar. Neuer Versuch in {seconds} Sekunden …"),
    ("review_note", "Mit „Absenden“ geht Ihr Antrag an die Verwaltung."),
    ("review_title", "Ihre Angaben prüfen"),
    ("send", "Absenden"),
    (
        "send_failed",
        "Ihr Antrag konnte nicht gesendet werden. Ihre Angaben sind erhalten. Versuchen Sie es bitte noch einmal.",
    ),
    ("sending", "Ihr Antrag wird gesendet …"),
    ("sent_next", "Bewahren Sie das Aktenzeichen auf. Die Verwaltung meldet sich bei Ihnen."),
    ("sent_title", "Ihr Antrag wurde gesendet"),
    ("try_again", "Erneut versuchen"),
    ("warning_prefix", "Wichtig:"),
    ("yes", "Ja"),
    ("your_answers", "Ihre Angaben"),
];

/// The German template for `key`: a word of the host, or of a message about answers.
pub(crate) fn word(key: &str) -> Option<&'static str> {
    all().find_map(|(known, word)| (known == key).then_some(word))
}

/// Every German key and template: the host's words, then the messages.
pub(crate) fn all() -> impl Iterator<Item = (&'static str, &'static str)> {
    WORDS.split('\n').chain(MESSAGES.split('\n')).filter_map(|line| line.split_once('\t'))
}
