//! The host's own words (buttons, headings, banners, load errors) in the citizen's language,
//! from the catalogs (`formlotse_core::catalog`): German built in, every other language loaded
//! by `crate::catalogs` when a citizen chooses it. Messages about answers come from
//! `formlotse_core::messages`.

use crate::catalogs;
use formlotse_core::Lang;
use formlotse_core::catalog::Catalog;

/// Every fixed text of the assistant in one language.
pub(crate) struct Texts {
    /// Where the words come from, for the texts with parameters.
    catalog: &'static Catalog,
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
    pub(crate) no_connection: &'static str,
    pub(crate) chosen_files: &'static str,
    pub(crate) remove: &'static str,
    pub(crate) add_item: &'static str,
    pub(crate) warning_prefix: &'static str,
    pub(crate) new_tab: &'static str,
    pub(crate) review_title: &'static str,
    pub(crate) review_note: &'static str,
    pub(crate) change: &'static str,
    pub(crate) not_given: &'static str,
    pub(crate) not_calculated: &'static str,
    pub(crate) print: &'static str,
    pub(crate) pdf_download: &'static str,
    pub(crate) your_answers: &'static str,
    pub(crate) language_label: &'static str,
    pub(crate) draft_restored: &'static str,
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
    pub(crate) try_again: &'static str,
    pub(crate) refused: &'static str,
}

impl Texts {
    /// Every word of `catalog` (a word it lacks in German), read once per language.
    pub(crate) fn of(catalog: &'static Catalog) -> Texts {
        let w = |key: &'static str| catalog.word(key);
        Texts {
            catalog,
            next: w("next"),
            back: w("back"),
            send: w("send"),
            sending: w("sending"),
            optional: w("optional"),
            error_prefix: w("error_prefix"),
            error_summary_title: w("error_summary_title"),
            loading: w("loading"),
            load_failed: w("load_failed"),
            load_failed_help: w("load_failed_help"),
            send_failed: w("send_failed"),
            sent_title: w("sent_title"),
            reference_label: w("reference_label"),
            sent_next: w("sent_next"),
            choose: w("choose"),
            yes: w("yes"),
            no: w("no"),
            no_connection: w("no_connection"),
            chosen_files: w("chosen_files"),
            remove: w("remove"),
            add_item: w("add_item"),
            warning_prefix: w("warning_prefix"),
            new_tab: w("new_tab"),
            review_title: w("review_title"),
            review_note: w("review_note"),
            change: w("change"),
            not_given: w("not_given"),
            not_calculated: w("not_calculated"),
            print: w("print"),
            pdf_download: w("pdf_download"),
            your_answers: w("your_answers"),
            language_label: w("language_label"),
            draft_restored: w("draft_restored"),
            draft_other_version: w("draft_other_version"),
            draft_files: w("draft_files"),
            draft_local: w("draft_local"),
            draft_delete: w("draft_delete"),
            draft_deleted: w("draft_deleted"),
            answers_save: w("answers_save"),
            answers_load: w("answers_load"),
            answers_loaded: w("answers_loaded"),
            answers_not_found: w("answers_not_found"),
            draft_pending: w("draft_pending"),
            try_again: w("try_again"),
            refused: w("refused"),
            date_parts: [w("date_day"), w("date_month"), w("date_year")],
        }
    }

    /// The catalog these words are from.
    pub(crate) fn catalog(&self) -> &'static Catalog {
        self.catalog
    }

    /// "Hund 2 entfernen".
    pub(crate) fn remove_item(&self, item: &str) -> String {
        self.catalog.text("remove_item", &[("item", item)])
    }

    /// "Zuletzt gespeichert am 30.11.2026 um 10:05 Uhr."
    pub(crate) fn draft_saved_at(&self, date: &str, time: &str) -> String {
        self.catalog.text("draft_saved_at", &[("date", date), ("time", time)])
    }

    /// "… Neuer Versuch in 3 Sekunden …", in the plural form of the language.
    pub(crate) fn retrying(&self, seconds: u32) -> String {
        self.catalog.counted("retrying", u64::from(seconds), &[("seconds", &seconds.to_string())])
    }

    /// "Antwort des Servers: HTTP 422".
    pub(crate) fn refused_status(&self, status: u16) -> String {
        self.catalog.text("refused_status", &[("status", &status.to_string())])
    }

    /// "Schritt 2 von 3": the place among the shown steps, from 1.
    pub(crate) fn progress(&self, step: usize, of: usize) -> String {
        self.catalog.text("progress", &[("step", &step.to_string()), ("of", &of.to_string())])
    }

    /// The name of the answers file, from the form's id.
    pub(crate) fn answers_file_name(&self, form: &str) -> String {
        self.catalog.text("answers_file_name", &[("form", form)])
    }
}

/// The texts for `lang`: its catalog if loaded, else along its tag, else German.
pub(crate) fn texts(lang: Lang) -> &'static Texts {
    catalogs::texts(lang)
}
