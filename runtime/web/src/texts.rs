//! The host's own words (buttons, headings, banners, load errors) in the citizen's language,
//! from the catalogs (`formlotse_core::catalog`): German built in, every other language loaded
//! by `crate::catalogs` when a citizen chooses it. Messages about answers come from
//! `formlotse_core::messages`.

use crate::catalogs;
use formlotse_core::Lang;
use formlotse_core::catalog::Catalog;

/// The assistant's fixed words: each a catalog key, read through a method of the same name.
/// Kept in one array filled by a loop: a struct field per word was a catalog call per word in
/// the wasm.
macro_rules! words {
    ($($name:ident),* $(,)?) => {
        /// The catalog keys, in the order of [`Texts`]' array.
        const KEYS: &[&str] = &[$(stringify!($name)),*];

        /// The positions of the words in [`Texts`]' array.
        #[allow(non_camel_case_types)]
        enum Word {
            $($name),*
        }

        impl Texts {
            $(
                pub(crate) fn $name(&self) -> &'static str {
                    self.words[Word::$name as usize]
                }
            )*
        }
    };
}

words! {
    next, back, send, sending, optional, error_prefix,
    error_summary_title, loading, load_failed, load_failed_help, send_failed, sent_title,
    reference_label, sent_next, choose, yes, no, no_connection,
    chosen_files, remove, add_item, warning_prefix, new_tab, review_title,
    review_note, change, not_given, not_calculated, print, pdf_download,
    your_answers, language_label, draft_restored, draft_other_version, draft_files, draft_local,
    draft_delete, draft_deleted, draft_pending, answers_save, answers_load, answers_loaded,
    answers_not_found, try_again, refused, date_day, date_month, date_year,
}

/// Every fixed text of the assistant in one language.
pub(crate) struct Texts {
    /// Where the words come from, for the texts with parameters.
    catalog: &'static Catalog,
    words: [&'static str; KEYS.len()],
}

impl Texts {
    /// Every word of `catalog` (a word it lacks in German), read once per language.
    pub(crate) fn of(catalog: &'static Catalog) -> Texts {
        let mut words = [""; KEYS.len()];
        for (word, key) in words.iter_mut().zip(KEYS) {
            *word = catalog.word(key);
        }
        Texts { catalog, words }
    }

    /// "Tag", "Monat", "Jahr": the labels of a date's parts.
    pub(crate) fn date_parts(&self) -> [&'static str; 3] {
        [self.date_day(), self.date_month(), self.date_year()]
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
