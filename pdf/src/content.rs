//! What the PDF says, before it is laid out: the application read back with core's review
//! summary (the words the citizen saw on "Ihre Angaben prüfen"), as headings, tables and
//! paragraphs in reading order.

use crate::time::Moment;
use crate::words::{self, Words};
use crate::{Application, PdfError};
use formlotse_core::Lang;
use formlotse_core::catalog::Catalog;
use formlotse_core::payload::Attachment;
use formlotse_core::review::{self, ReviewStep};

/// The document: its title and blocks in reading order.
#[derive(Debug, Clone)]
pub(crate) struct Sheet {
    /// The document's language (its `/Lang` and the language of every fixed word).
    pub(crate) lang: Lang,
    /// The document title: form title and reference.
    pub(crate) title: String,
    /// Repeated at the top of each further page (an artifact, not content).
    pub(crate) running_head: String,
    pub(crate) blocks: Vec<Block>,
    pub(crate) words: Words,
}

/// One structure element of the document.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Block {
    /// The form's title (H1).
    Title(String),
    /// A step's title or "Anlagen" (H2).
    Heading(String),
    Paragraph(String),
    Table(Table),
}

/// A table: optional column headers; the first column may head its row.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Table {
    /// Column headers (a header row, `TH` with column scope), if any.
    pub(crate) header: Option<Vec<String>>,
    /// Each column's share of the text width; they add up to 1.
    pub(crate) widths: Vec<f32>,
    pub(crate) rows: Vec<Vec<String>>,
    /// Whether each row's first cell is its header (`TH` with row scope).
    pub(crate) row_headers: bool,
}

/// The sheet of `application` in `lang`.
pub(crate) fn sheet(application: &Application, lang: Lang, catalog: &Catalog) -> Result<Sheet, PdfError> {
    let received = Moment::parse(application.received_at)
        .ok_or_else(|| PdfError::ReceivedAt(application.received_at.to_owned()))?;
    let definition = application.definition;
    let words = words::of(catalog, lang);
    let form_title = definition.title.get(lang).to_owned();
    let filled_in = crate::application_lang(application.payload);

    let mut facts = vec![
        vec![words.reference.to_owned(), application.reference.to_owned()],
        vec![words.received.to_owned(), received.display(catalog)],
    ];
    let form = match &definition.version {
        // Isolated (U+2068 … U+2069) in a right-to-left copy, so UAX #9 keeps "2026-12" whole
        // after the Arabic word instead of "12-2026".
        Some(version) if catalog.is_rtl() => {
            format!("{} ({} \u{2068}{version}\u{2069})", definition.id, words.version)
        }
        Some(version) => format!("{} ({} {version})", definition.id, words.version),
        None => definition.id.clone(),
    };
    facts.push(vec![words.form.to_owned(), form]);
    facts.push(vec![words.language.to_owned(), words::language_name(catalog, filled_in)]);

    let mut blocks = vec![Block::Title(form_title.clone()), Block::Table(facts_table(facts))];
    let resolved = formlotse_core::payload::resolve(definition, application.payload, received.date);
    for step in review::summary(definition, &resolved, lang, catalog) {
        if let Some(table) = answers_table(&step, &words) {
            blocks.push(Block::Heading(step.title));
            blocks.push(Block::Table(table));
        }
    }
    blocks.push(Block::Heading(words.attachments.to_owned()));
    blocks.push(match attachments_table(application.attachments, lang, catalog, &words) {
        Some(table) => Block::Table(table),
        None => Block::Paragraph(words.no_attachments.to_owned()),
    });
    Ok(Sheet {
        lang,
        title: format!("{form_title} – {}", application.reference),
        running_head: format!("{}: {form_title} – {}", words.about, application.reference),
        blocks,
        words,
    })
}

fn facts_table(rows: Vec<Vec<String>>) -> Table {
    Table { header: None, widths: vec![0.3, 0.7], rows, row_headers: true }
}

/// A step's answers: the question heads its row; an empty answer says so.
fn answers_table(step: &ReviewStep, words: &Words) -> Option<Table> {
    if step.rows.is_empty() {
        return None;
    }
    let rows = step
        .rows
        .iter()
        .map(|row| vec![row.label.clone(), row.value.clone().unwrap_or_else(|| words.not_given.to_owned())])
        .collect();
    Some(Table {
        header: Some(vec![words.question.to_owned(), words.answer.to_owned()]),
        widths: vec![0.45, 0.55],
        rows,
        row_headers: true,
    })
}

/// Name, size ("240 KB (245.760 Bytes)") and SHA-256 of each file, as the server received it.
fn attachments_table(
    attachments: &[Attachment],
    lang: Lang,
    catalog: &Catalog,
    words: &Words,
) -> Option<Table> {
    if attachments.is_empty() {
        return None;
    }
    let rows = attachments
        .iter()
        .map(|file| {
            let size = format!(
                "{} ({})",
                formlotse_core::messages::file_size(file.size, lang, catalog),
                words.bytes(file.size)
            );
            vec![file.name.clone(), size, file.sha256.clone()]
        })
        .collect();
    Some(Table {
        header: Some(vec![words.file.to_owned(), words.size.to_owned(), words.checksum.to_owned()]),
        widths: vec![0.25, 0.29, 0.46],
        rows,
        row_headers: true,
    })
}
