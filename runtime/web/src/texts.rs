//! The host's own words (buttons, headings, load errors), German and English. Messages about
//! answers and definitions come from `formlotse_core::messages`.

use crate::fetch::FetchError;
use formlotse_core::Lang;

/// Every fixed text of the assistant in one language.
pub(crate) struct Texts {
    pub(crate) next: &'static str,
    pub(crate) back: &'static str,
    pub(crate) send: &'static str,
    pub(crate) sending: &'static str,
    pub(crate) optional: &'static str,
    pub(crate) error_prefix: &'static str,
    pub(crate) error_summary_title: &'static str,
    pub(crate) loading: &'static str,
    pub(crate) load_failed: &'static str,
    pub(crate) load_failed_help: &'static str,
    pub(crate) send_failed: &'static str,
    pub(crate) sent_title: &'static str,
    pub(crate) reference_label: &'static str,
    pub(crate) sent_next: &'static str,
    pub(crate) date_parts: [&'static str; 3],
    pub(crate) choose: &'static str,
    pub(crate) yes: &'static str,
    pub(crate) no: &'static str,
    pub(crate) chosen_files: &'static str,
    pub(crate) remove: &'static str,
    pub(crate) warning_prefix: &'static str,
    pub(crate) new_tab: &'static str,
    pub(crate) review_title: &'static str,
    pub(crate) review_note: &'static str,
    pub(crate) change: &'static str,
    pub(crate) not_given: &'static str,
    pub(crate) not_calculated: &'static str,
    pub(crate) print: &'static str,
    pub(crate) your_answers: &'static str,
    pub(crate) language_label: &'static str,
    pub(crate) language_name: &'static str,
    pub(crate) draft_restored: &'static str,
    pub(crate) draft_saved_at: fn(&str, &str) -> String,
    pub(crate) draft_other_version: &'static str,
    pub(crate) draft_files: &'static str,
    pub(crate) draft_local: &'static str,
    pub(crate) draft_delete: &'static str,
    pub(crate) draft_deleted: &'static str,
    pub(crate) draft_pending: &'static str,
    pub(crate) answers_save: &'static str,
    pub(crate) answers_load: &'static str,
    pub(crate) answers_loaded: &'static str,
    pub(crate) answers_not_found: &'static str,
    pub(crate) retrying: fn(u32) -> String,
    pub(crate) try_again: &'static str,
    pub(crate) refused: &'static str,
    pub(crate) refused_status: fn(u16) -> String,
}

const DE: Texts = Texts {
    next: "Weiter",
    back: "Zurück",
    send: "Absenden",
    sending: "Ihr Antrag wird gesendet …",
    optional: "(optional)",
    error_prefix: "Fehler:",
    error_summary_title: "Es gibt ein Problem",
    loading: "Das Formular wird geladen …",
    load_failed: "Das Formular konnte nicht geladen werden.",
    load_failed_help: "Bitte versuchen Sie es später noch einmal. Wenn der Fehler bleibt, wenden Sie sich an die Verwaltung.",
    send_failed: "Ihr Antrag konnte nicht gesendet werden. Ihre Angaben sind erhalten. Versuchen Sie es bitte noch einmal.",
    sent_title: "Ihr Antrag wurde gesendet",
    reference_label: "Ihr Aktenzeichen",
    sent_next: "Bewahren Sie das Aktenzeichen auf. Die Verwaltung meldet sich bei Ihnen.",
    date_parts: ["Tag", "Monat", "Jahr"],
    choose: "Bitte wählen",
    yes: "Ja",
    no: "Nein",
    chosen_files: "Ausgewählte Dateien",
    remove: "Entfernen",
    warning_prefix: "Wichtig:",
    new_tab: "(öffnet in neuem Tab)",
    review_title: "Ihre Angaben prüfen",
    review_note: "Mit „Absenden“ geht Ihr Antrag an die Verwaltung.",
    change: "Ändern",
    not_given: "Keine Angabe",
    not_calculated: "Wird berechnet, sobald die nötigen Angaben gemacht sind.",
    print: "Seite drucken",
    your_answers: "Ihre Angaben",
    language_label: "Sprache",
    language_name: "Deutsch",
    draft_restored: "Ihre Angaben wurden wiederhergestellt.",
    draft_saved_at: |date, time| format!("Zuletzt gespeichert am {date} um {time} Uhr."),
    draft_other_version: "Das Formular wurde inzwischen geändert. Angaben zu Fragen, die es nicht mehr gibt, wurden verworfen. Bitte prüfen Sie Ihre Angaben.",
    draft_files: "Dateien werden nicht gespeichert. Bitte fügen Sie diese erneut hinzu:",
    draft_local: "Ihre Angaben werden bis zu 7 Tage auf diesem Gerät gespeichert. Nutzen andere dieses Gerät, löschen Sie den Entwurf, wenn Sie fertig sind.",
    draft_delete: "Entwurf löschen",
    draft_deleted: "Der Entwurf wurde gelöscht.",
    answers_save: "Antworten speichern",
    answers_load: "Antworten laden",
    answers_loaded: "Ihre Angaben wurden aus der Datei geladen.",
    answers_not_found: "Diese Datei enthält keine gespeicherten Antworten zu diesem Formular. Es wurde nichts geändert.",
    draft_pending: "Ihr Antrag wurde gerade gesendet, als die Seite neu geladen wurde. Senden Sie ihn bitte noch einmal ab; er wird nicht doppelt angenommen.",
    retrying: |seconds| match seconds {
        1 => "Der Server ist gerade nicht erreichbar. Neuer Versuch in 1 Sekunde …".to_owned(),
        n => format!("Der Server ist gerade nicht erreichbar. Neuer Versuch in {n} Sekunden …"),
    },
    try_again: "Erneut versuchen",
    refused: "Die Verwaltung hat Ihren Antrag nicht angenommen. Ihre Angaben sind erhalten.",
    refused_status: |status| format!("Antwort des Servers: HTTP {status}"),
};

const EN: Texts = Texts {
    next: "Continue",
    back: "Back",
    send: "Send",
    sending: "Sending your application …",
    optional: "(optional)",
    error_prefix: "Error:",
    error_summary_title: "There is a problem",
    loading: "Loading the form …",
    load_failed: "The form could not be loaded.",
    load_failed_help: "Please try again later. If the problem persists, contact the administration.",
    send_failed: "Your application could not be sent. Your answers are kept. Please try again.",
    sent_title: "Your application has been sent",
    reference_label: "Your reference number",
    sent_next: "Keep the reference number. The administration will contact you.",
    date_parts: ["Day", "Month", "Year"],
    choose: "Please select",
    yes: "Yes",
    no: "No",
    chosen_files: "Chosen files",
    remove: "Remove",
    warning_prefix: "Warning:",
    new_tab: "(opens in a new tab)",
    review_title: "Check your answers",
    review_note: "“Send” sends your application to the administration.",
    change: "Change",
    not_given: "Not given",
    not_calculated: "Calculated once the answers it needs are given.",
    print: "Print this page",
    your_answers: "Your answers",
    language_label: "Language",
    language_name: "English",
    draft_restored: "Your answers have been restored.",
    draft_saved_at: |date, time| format!("Last saved on {date} at {time}."),
    draft_other_version: "The form has changed since. Answers to questions that no longer exist were dropped. Please check your answers.",
    draft_files: "Files are not saved. Please attach them again:",
    draft_local: "Your answers are kept on this device for up to 7 days. If others use this device, delete the draft when you are done.",
    draft_delete: "Delete draft",
    draft_deleted: "The draft has been deleted.",
    answers_save: "Save answers",
    answers_load: "Load answers",
    answers_loaded: "Your answers have been loaded from the file.",
    answers_not_found: "This file holds no saved answers to this form. Nothing was changed.",
    draft_pending: "Your application was being sent when the page was reloaded. Please send it again; it will not be accepted twice.",
    retrying: |seconds| match seconds {
        1 => "The server cannot be reached right now. Trying again in 1 second …".to_owned(),
        n => format!("The server cannot be reached right now. Trying again in {n} seconds …"),
    },
    try_again: "Try again",
    refused: "The administration did not accept your application. Your answers are kept.",
    refused_status: |status| format!("Server answer: HTTP {status}"),
};

/// The texts for `lang`.
pub(crate) fn texts(lang: Lang) -> &'static Texts {
    match lang {
        Lang::De => &DE,
        Lang::En => &EN,
    }
}

/// Why the form could not be shown, for the webmaster: what failed and where.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum LoadError {
    /// The element has no `src` attribute.
    MissingAttribute(&'static str),
    /// The definition could not be fetched.
    Fetch { url: String, error: FetchError },
    /// The definition has problems; one line per diagnostic.
    Invalid { url: String, lines: Vec<String> },
}

impl LoadError {
    /// A short code for the `formlotse:error` event.
    pub(crate) fn reason(&self) -> &'static str {
        match self {
            LoadError::MissingAttribute(_) => "missing_attribute",
            LoadError::Fetch { error: FetchError::Status(_), .. } => "http_status",
            LoadError::Fetch { error: FetchError::Network(_), .. } => "network",
            LoadError::Invalid { .. } => "invalid_definition",
        }
    }

    /// The details lines shown in the notice.
    pub(crate) fn details(&self, lang: Lang) -> Vec<String> {
        let de = lang == Lang::De;
        match self {
            LoadError::MissingAttribute(name) if de => {
                vec![format!("Am Element <form-lotse> fehlt das Attribut „{name}“.")]
            }
            LoadError::MissingAttribute(name) => {
                vec![format!("The <form-lotse> element has no \"{name}\" attribute.")]
            }
            LoadError::Fetch { url, error: FetchError::Status(404) } if de => {
                vec![format!("Die Formulardefinition {url} wurde nicht gefunden (HTTP 404).")]
            }
            LoadError::Fetch { url, error: FetchError::Status(404) } => {
                vec![format!("The form definition {url} was not found (HTTP 404).")]
            }
            LoadError::Fetch { url, error: FetchError::Status(status) } if de => {
                vec![format!("Die Formulardefinition {url} konnte nicht abgerufen werden (HTTP {status}).")]
            }
            LoadError::Fetch { url, error: FetchError::Status(status) } => {
                vec![format!("The form definition {url} could not be fetched (HTTP {status}).")]
            }
            LoadError::Fetch { url, error: FetchError::Network(message) } if de => {
                vec![format!("Die Formulardefinition {url} konnte nicht abgerufen werden: {message}")]
            }
            LoadError::Fetch { url, error: FetchError::Network(message) } => {
                vec![format!("The form definition {url} could not be fetched: {message}")]
            }
            LoadError::Invalid { url, lines } => {
                let head = if de {
                    format!("Die Formulardefinition {url} enthält Fehler:")
                } else {
                    format!("The form definition {url} has errors:")
                };
                std::iter::once(head).chain(lines.iter().cloned()).collect()
            }
        }
    }
}

/// One diagnostic as a line: "Zeile 3, Spalte 5 (/steps/0/fields/1/type): …".
pub(crate) fn diagnostic_line(diagnostic: &formlotse_core::Diagnostic, lang: Lang) -> String {
    let message = formlotse_core::messages::diagnostic(diagnostic, lang);
    let place = match (diagnostic.position, lang) {
        (Some(p), Lang::De) => format!("Zeile {}, Spalte {}", p.line, p.column),
        (Some(p), Lang::En) => format!("line {}, column {}", p.line, p.column),
        (None, _) => String::new(),
    };
    let pointer =
        if diagnostic.pointer.is_empty() { String::new() } else { format!(" ({})", diagnostic.pointer) };
    format!("{place}{pointer}: {message}")
}
