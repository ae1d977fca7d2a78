//! The application as a PDF ("Antrag als PDF"): the form's title, the reference, the time of
//! receipt, every answer as the review page showed it (by step, repeatable items numbered,
//! calculated fees formatted) and the attachments with name, size and SHA-256.
//!
//! The PDF is tagged and accessible (PDF/UA-1, and PDF/A-2a for the records): H1 and H2
//! headings, tables with header cells, the document's language and title, embedded font
//! subsets. A4, wrapped lines, tables going on over pages, "Seite 1 von 3".
//!
//! Rendering is a pure function of its inputs: no files, no clock (the time of receipt comes in),
//! no network; the same application and fonts give the same bytes. The citizen gets the copy in
//! the language they filled the form in, the office a German one ([`copies`]). The PDF's own
//! words ("Aktenzeichen", "Seite 1 von 3") are the `pdf.*` keys of the language catalogs: German
//! built into `formlotse-core` (not into the citizen's wasm), every other language in
//! `runtime/i18n/TAG.json`, which the server loads at start.
//!
//! ```no_run
//! # fn main() -> Result<(), formlotse_pdf::PdfError> {
//! # let definition = formlotse_core::load("{}").map_err(|_| formlotse_pdf::PdfError::Write("".into()))?;
//! # let payload = serde_json::json!({});
//! let fonts = formlotse_pdf::Fonts::system_default()?; // once, at start-up
//! let application = formlotse_pdf::Application {
//!     definition: &definition,
//!     payload: &payload,
//!     reference: "FL-2026-7K3M-Q9XD",
//!     received_at: "2026-11-29T10:05:00Z",
//!     attachments: &[],
//! };
//! # let catalogs = formlotse_core::catalog::Catalogs::new([]);
//! let copies = formlotse_pdf::copies(&application, &catalogs, &fonts)?;
//! # Ok(()) }
//! ```

mod bidi;
mod content;
mod draw;
mod fonts;
mod layout;
mod tagging;
mod time;
mod words;
mod wrap;

pub use fonts::{DEFAULT_BOLD, DEFAULT_REGULAR, Fonts};
use formlotse_core::catalog::{Catalog, Catalogs};
use formlotse_core::payload::Attachment;
use formlotse_core::{Definition, Lang};

/// A received application, as the server stored it.
#[derive(Debug, Clone, Copy)]
pub struct Application<'a> {
    /// The definition the payload was checked against.
    pub definition: &'a Definition,
    /// The payload (v1) as `check_submission` accepted it.
    pub payload: &'a serde_json::Value,
    /// The application's reference, e.g. `FL-2026-7K3M-Q9XD`.
    pub reference: &'a str,
    /// When the server received it, RFC 3339 (`2026-11-29T10:05:00Z`); shown in German civil
    /// time (CET/CEST), as the copy's language words it.
    pub received_at: &'a str,
    /// The files as the server received them (its own sizes and SHA-256, not the payload's).
    pub attachments: &'a [Attachment],
}

/// Why no PDF could be made. Never the application's content: any answer renders.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PdfError {
    /// `received_at` is not an RFC 3339 time.
    ReceivedAt(String),
    /// A font could not be read (path or which face, and why).
    Font(String),
    /// The PDF writer refused (a bug: the layout breaks a rule of PDF/UA or PDF/A).
    Write(String),
}

impl std::fmt::Display for PdfError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PdfError::ReceivedAt(text) => write!(f, "not an RFC 3339 time of receipt: {text:?}"),
            PdfError::Font(why) => write!(f, "font: {why}"),
            PdfError::Write(why) => write!(f, "PDF writer: {why}"),
        }
    }
}

impl std::error::Error for PdfError {}

/// The application as a PDF in `lang`: labels, option labels and formats in that language, the
/// PDF's fixed words ("Aktenzeichen", "Seite 1 von 2") from `words`, the catalog of that
/// language (German's built in; `Catalogs::get(lang)`); what the citizen typed as typed.
pub fn render(
    application: &Application,
    lang: Lang,
    words: &Catalog,
    fonts: &Fonts,
) -> Result<Vec<u8>, PdfError> {
    let sheet = content::sheet(application, lang, words)?;
    let measure = fonts.measure();
    // Widths at 1 pt, by text and face: a form repeats its words (labels, "Hund 1:", "Keine Angabe").
    let widths = std::cell::RefCell::new(std::collections::HashMap::<(String, bool), f32>::new());
    let width = |text: &str, size: f32, bold: bool| {
        let key = (text.to_owned(), bold);
        if let Some(width) = widths.borrow().get(&key) {
            return width * size;
        }
        let drawn = measure.drawable(text, bold);
        let width = measure.width(drawn.as_deref().unwrap_or(text), 1.0, bold);
        widths.borrow_mut().insert(key, width);
        width * size
    };
    let pages = layout::pages(&sheet, &width);
    let created = time::Moment::parse(application.received_at)
        .ok_or_else(|| PdfError::ReceivedAt(application.received_at.to_owned()))?
        .pdf_date();
    draw::pdf(&sheet, &pages, fonts, created)
}

/// The citizen's copy and the office's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Copies {
    /// The language the citizen filled the form in.
    pub lang: Lang,
    /// The PDF in that language (offered on the receipt page).
    pub citizen: Vec<u8>,
    /// The PDF in German for the office; the same bytes when the citizen wrote German.
    pub office: Vec<u8>,
}

/// Both copies of an application: the citizen's in the payload's language (its words from that
/// language's catalog in `catalogs`), the office's in German.
pub fn copies(application: &Application, catalogs: &Catalogs, fonts: &Fonts) -> Result<Copies, PdfError> {
    let lang = application_lang(application.payload);
    let office = render(application, Lang::De, &Catalog::german(), fonts)?;
    let citizen =
        if lang == Lang::De { office.clone() } else { render(application, lang, catalogs.get(lang), fonts)? };
    Ok(Copies { lang, citizen, office })
}

/// The time of receipt `received_at` (RFC 3339) as the language of `words` (its catalog) writes
/// it, in the town's civil time (CET/CEST): "29.11.2026, 11:05 Uhr (MEZ)", "29 November 2026,
/// 11:05 (CET)" (`date`, `months`, `time.winter`, `time.summer`). `None` for no RFC 3339 time.
pub fn received_at(received_at: &str, words: &Catalog) -> Option<String> {
    time::Moment::parse(received_at).map(|moment| moment.display(words))
}

/// The language the citizen filled the form in (the payload's `lang`; German if missing).
pub fn application_lang(payload: &serde_json::Value) -> Lang {
    Lang::from_tag(payload.get("lang").and_then(serde_json::Value::as_str).unwrap_or("de"))
}

#[cfg(test)]
mod tests {
    /// The server loads the fonts once and renders on any worker thread.
    #[test]
    fn fonts_are_shared_between_threads() {
        fn shared<T: Send + Sync + Clone>() {}
        shared::<crate::Fonts>();
    }
}
