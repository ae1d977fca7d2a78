//! Drawing the laid-out pages with krilla, as PDF/UA-1 and PDF/A-2a: every line of content
//! is a marked span whose identifier goes to its structure element; rules, shading, the running
//! head and the page numbers are artifacts.

use crate::bidi;
use crate::content::{Block, Sheet};
use crate::fonts::{Fonts, Measure};
use crate::layout::{BODY_SIZE, MARGIN, PAGE_HEIGHT, PAGE_WIDTH, Page, Shade, Slot};
use crate::{PdfError, tagging};
use krilla::configure::{Accessibility, Archival, ConfigurationBuilder};
use krilla::destination::XyzDestination;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::metadata::{DateTime, Metadata};
use krilla::outline::{Outline, OutlineNode};
use krilla::page::PageSettings;
use krilla::surface::Surface;
use krilla::tagging::{Artifact, ArtifactType, ContentTag, Identifier, SpanTag};
use krilla::text::TextDirection;
use krilla::{Document, SerializeSettings};
use std::collections::HashMap;

const SMALL: f32 = 8.0;

/// The PDF of `pages`; `created` is the time of receipt (PDF/A wants a date; no clock here).
pub(crate) fn pdf(
    sheet: &Sheet,
    pages: &[Page],
    fonts: &Fonts,
    created: DateTime,
) -> Result<Vec<u8>, PdfError> {
    let configuration = ConfigurationBuilder::new()
        .with_accessibility_validator(Accessibility::UA1)
        .with_archival_validator(Archival::A2_A)
        .finish()
        .map_err(|e| PdfError::Write(format!("{e:?}")))?;
    let settings = SerializeSettings { configuration, enable_tagging: true, ..SerializeSettings::default() };
    let mut document = Document::new_with(settings);
    let mut marked: HashMap<Slot, Vec<Identifier>> = HashMap::new();
    let size = PageSettings::from_wh(PAGE_WIDTH, PAGE_HEIGHT)
        .ok_or_else(|| PdfError::Write("page size".to_owned()))?;
    let measure = fonts.measure();
    for (index, page) in pages.iter().enumerate() {
        let mut pdf_page = document.start_page_with(size.clone());
        let mut surface = pdf_page.surface();
        shades(&mut surface, &page.shades);
        for line in page.lines.iter().filter(|line| !line.text.trim().is_empty()) {
            let drawn = measure.drawable(&line.text, line.bold);
            let text = drawn.as_deref().unwrap_or(&line.text);
            let runs = bidi::visual_runs(text);
            let actual: String = line.text.chars().filter(|c| !c.is_control()).collect();
            // Drawn otherwise than typed, or in runs out of reading order: the span says what it reads.
            let tag = match (line.slot, drawn.is_some() || runs.len() > 1) {
                (Slot::Artifact, _) => {
                    ContentTag::Artifact(Artifact::with_kind(ArtifactType::PaginationOther))
                }
                (_, false) => ContentTag::Span(SpanTag::empty()),
                (_, true) => ContentTag::Span(SpanTag::empty().with_actual_text(Some(&actual))),
            };
            let id = surface.start_tagged(tag);
            let at = Point::from_xy(line.x, line.baseline);
            draw_runs(&mut surface, fonts, &measure, at, (line.size, line.bold), &runs);
            surface.end_tagged();
            if line.slot != Slot::Artifact {
                marked.entry(line.slot).or_default().push(id);
            }
        }
        if index > 0 {
            let head = Point::from_xy(MARGIN, MARGIN - 2.0 * BODY_SIZE);
            artifact(&mut surface, ArtifactType::Header, fonts, head, &sheet.running_head);
        }
        let number = sheet.words.page(index + 1, pages.len());
        let foot = Point::from_xy(MARGIN, PAGE_HEIGHT - MARGIN + SMALL);
        artifact(&mut surface, ArtifactType::Footer, fonts, foot, &number);
        surface.finish();
        pdf_page.finish();
    }
    document.set_tag_tree(tagging::tree(sheet, marked));
    document.set_outline(outline(sheet, pages));
    let metadata = Metadata::new()
        .title(sheet.title.clone())
        .language(sheet.lang.tag().to_owned())
        .creator("Formlotse".to_owned())
        .creation_date(created);
    document.set_metadata(metadata);
    document.finish().map_err(|e| PdfError::Write(format!("{e:?}")))
}

/// Rules and header shading, as one layout artifact.
fn shades(surface: &mut Surface, shades: &[Shade]) {
    surface.start_tagged(ContentTag::Artifact(Artifact::with_kind(ArtifactType::Layout)));
    for shade in shades {
        let mut path = PathBuilder::new();
        if let Some(rect) = Rect::from_xywh(shade.x, shade.y, shade.width, shade.height) {
            path.push_rect(rect);
        }
        if let Some(path) = path.finish() {
            let grey = krilla::color::luma::Color::new(shade.grey);
            surface.set_fill(Some(krilla::paint::Fill { paint: grey.into(), ..Default::default() }));
            surface.draw_path(&path);
        }
    }
    surface.set_fill(None);
    surface.end_tagged();
}

/// A small grey line that is not content (running head, page number).
fn artifact(surface: &mut Surface, kind: ArtifactType, fonts: &Fonts, at: Point, text: &str) {
    surface.start_tagged(ContentTag::Artifact(Artifact::with_kind(kind)));
    let grey = krilla::color::luma::Color::new(80);
    surface.set_fill(Some(krilla::paint::Fill { paint: grey.into(), ..Default::default() }));
    draw_runs(surface, fonts, &fonts.measure(), at, (SMALL, false), &bidi::visual_runs(text));
    surface.set_fill(None);
    surface.end_tagged();
}

/// A line's runs from `at` rightwards, each shaped in its own direction.
fn draw_runs(
    surface: &mut Surface,
    fonts: &Fonts,
    measure: &Measure,
    at: Point,
    (size, bold): (f32, bool),
    runs: &[bidi::Run],
) {
    let mut x = at.x;
    for run in runs {
        let direction = if run.rtl { TextDirection::RightToLeft } else { TextDirection::LeftToRight };
        surface.draw_text(Point::from_xy(x, at.y), fonts.font(bold), size, run.text, false, direction);
        x += measure.width(run.text, size, bold);
    }
}

/// The bookmarks (PDF/UA wants them): the title, and under it each heading, where it starts.
fn outline(sheet: &Sheet, pages: &[Page]) -> Outline {
    let start = |block: usize| {
        pages.iter().enumerate().find_map(|(index, page)| {
            let line = page.lines.iter().find(|line| line.slot == Slot::Block(block))?;
            Some(XyzDestination::new(index, Point::from_xy(line.x, line.baseline - line.size)))
        })
    };
    let mut outline = Outline::new();
    let mut title: Option<OutlineNode> = None;
    for (index, block) in sheet.blocks.iter().enumerate() {
        let (Block::Title(text) | Block::Heading(text)) = block else { continue };
        let Some(destination) = start(index) else { continue };
        let node = OutlineNode::new(text.clone(), destination);
        match (&mut title, block) {
            (Some(title), Block::Heading(_)) => title.push_child(node),
            _ => title = Some(node.with_open(true)),
        }
    }
    if let Some(title) = title {
        outline.push_child(title);
    }
    outline
}
