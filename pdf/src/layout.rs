//! Page layout: the sheet's blocks on A4 pages. Pure geometry: every line of text gets a
//! position and the structure element it belongs to ([`Slot`]); drawing and tagging read that.
//!
//! A4 with 20 mm margins; long labels and answers wrap in their column; a table goes on over
//! page breaks (its header row repeated as a pagination artifact); a row taller than the space
//! left is split between lines; a heading is never left alone at the foot of a page.

use crate::content::{Block, Sheet, Table};
use crate::wrap;

/// A4 in points.
pub(crate) const PAGE_WIDTH: f32 = 595.28;
pub(crate) const PAGE_HEIGHT: f32 = 841.89;
/// 20 mm.
pub(crate) const MARGIN: f32 = 56.69;
const TEXT_WIDTH: f32 = PAGE_WIDTH - 2.0 * MARGIN;
/// Content ends here; the page number sits below.
const BOTTOM: f32 = PAGE_HEIGHT - MARGIN - 10.0;

const TITLE_SIZE: f32 = 18.0;
const HEADING_SIZE: f32 = 13.0;
pub(crate) const BODY_SIZE: f32 = 10.0;
const LEADING: f32 = 1.35;
const PADDING: f32 = 4.0;

/// Which structure element a line of text belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Slot {
    /// The text of block `n` (title, heading, paragraph).
    Block(usize),
    /// A cell of block `n`'s table: `row` is `None` for the header row.
    Cell { block: usize, row: Option<usize>, column: usize },
    /// Not content: a repeated table header.
    Artifact,
}

/// One line of text at its baseline.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Line {
    pub(crate) slot: Slot,
    pub(crate) x: f32,
    pub(crate) baseline: f32,
    pub(crate) text: String,
    pub(crate) size: f32,
    pub(crate) bold: bool,
}

/// A filled rectangle (rules and header shading): always an artifact.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Shade {
    pub(crate) x: f32,
    pub(crate) y: f32,
    pub(crate) width: f32,
    pub(crate) height: f32,
    /// Grey level, 0 black to 255 white.
    pub(crate) grey: u8,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Page {
    pub(crate) lines: Vec<Line>,
    pub(crate) shades: Vec<Shade>,
}

/// A text's width at a size, bold or not.
pub(crate) type Measure<'a> = &'a dyn Fn(&str, f32, bool) -> f32;

/// The pages of `sheet`; at least one.
pub(crate) fn pages(sheet: &Sheet, measure: Measure) -> Vec<Page> {
    let continued = sheet.words.continued.as_str();
    let mut pen = Pen { pages: vec![Page::default()], y: MARGIN, measure, continued };
    for (index, block) in sheet.blocks.iter().enumerate() {
        let next_is_table = matches!(sheet.blocks.get(index + 1), Some(Block::Table(_)));
        match block {
            Block::Title(text) => pen.text(Slot::Block(index), text, TITLE_SIZE, true, 0.0, 10.0),
            Block::Heading(text) => {
                // Keep the heading with the table's header and first row.
                let needed = pen.height(text, HEADING_SIZE, true) + if next_is_table { 60.0 } else { 20.0 };
                if pen.y + 14.0 + needed > BOTTOM {
                    pen.new_page();
                }
                pen.text(Slot::Block(index), text, HEADING_SIZE, true, 14.0, 6.0);
            }
            Block::Paragraph(text) => pen.text(Slot::Block(index), text, BODY_SIZE, false, 0.0, 8.0),
            Block::Table(table) => pen.table(index, table),
        }
    }
    pen.pages
}

struct Pen<'a> {
    pages: Vec<Page>,
    /// The top of the free space on the last page.
    y: f32,
    measure: Measure<'a>,
    /// "(Fortsetzung)", after a row's header where the row goes on over a page.
    continued: &'a str,
}

impl Pen<'_> {
    fn page(&mut self) -> &mut Page {
        if self.pages.is_empty() {
            self.pages.push(Page::default());
        }
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    fn new_page(&mut self) {
        self.pages.push(Page::default());
        self.y = MARGIN;
    }

    fn wrap(&self, text: &str, width: f32, size: f32, bold: bool) -> Vec<String> {
        wrap::lines(text, width, &|t: &str| (self.measure)(t, size, bold))
    }

    fn height(&self, text: &str, size: f32, bold: bool) -> f32 {
        self.wrap(text, TEXT_WIDTH, size, bold).len() as f32 * size * LEADING
    }

    /// A block of text over the full width, breaking pages between its lines.
    fn text(&mut self, slot: Slot, text: &str, size: f32, bold: bool, before: f32, after: f32) {
        self.y += before;
        for line in self.wrap(text, TEXT_WIDTH, size, bold) {
            if self.y + size * LEADING > BOTTOM {
                self.new_page();
            }
            let baseline = self.y + size;
            self.page().lines.push(Line { slot, x: MARGIN, baseline, text: line, size, bold });
            self.y += size * LEADING;
        }
        self.y += after;
    }

    fn table(&mut self, block: usize, table: &Table) {
        let lefts: Vec<f32> = table
            .widths
            .iter()
            .scan(MARGIN, |x, share| {
                let left = *x;
                *x += share * TEXT_WIDTH;
                Some(left)
            })
            .collect();
        let cell_width =
            |column: usize| table.widths.get(column).map_or(0.0, |s| s * TEXT_WIDTH) - 2.0 * PADDING;
        let header: Option<Vec<Vec<String>>> = table.header.as_ref().map(|cells| {
            cells
                .iter()
                .enumerate()
                .map(|(c, text)| self.wrap(text, cell_width(c), BODY_SIZE, true))
                .collect()
        });
        if let Some(cells) = &header {
            self.row(&lefts, cells, true, |column| Slot::Cell { block, row: None, column });
        }
        for (r, row) in table.rows.iter().enumerate() {
            let cells: Vec<Vec<String>> = row
                .iter()
                .enumerate()
                .map(|(c, text)| self.wrap(text, cell_width(c), BODY_SIZE, false))
                .collect();
            let slot = |column: usize| Slot::Cell { block, row: Some(r), column };
            let tallest = cells.iter().map(Vec::len).max().unwrap_or(1).max(1);
            let height = tallest as f32 * BODY_SIZE * LEADING + 2.0 * PADDING;
            // A row that fits on a fresh page moves there whole; a longer one is split.
            let fresh_page = BOTTOM - MARGIN - 30.0;
            if self.y + height > BOTTOM && (height <= fresh_page / 3.0 || self.lines_left() < 2) {
                self.new_page();
                if let Some(cells) = &header {
                    self.row(&lefts, cells, true, |_| Slot::Artifact);
                }
            }
            let mut from = 0;
            loop {
                let fit = self.lines_left().min(tallest - from);
                let mut part: Vec<Vec<String>> =
                    cells.iter().map(|lines| lines.iter().skip(from).take(fit).cloned().collect()).collect();
                // Where a long answer goes on, its question is named again (not content).
                let reminder = from > 0 && table.row_headers && part.first().is_some_and(Vec::is_empty);
                if reminder && let (Some(first), Some(label)) = (part.first_mut(), cells.first()) {
                    first.extend(label.first().map(|line| line.trim_end().to_owned()));
                    first.push(self.continued.to_owned());
                }
                let slot =
                    |column: usize| if reminder && column == 0 { Slot::Artifact } else { slot(column) };
                self.row(&lefts, &part, false, slot);
                from += fit;
                if from >= tallest {
                    break;
                }
                self.new_page();
                if let Some(cells) = &header {
                    self.row(&lefts, cells, true, |_| Slot::Artifact);
                }
            }
        }
        self.y += 6.0;
    }

    /// How many body lines fit in one row on what is left of this page (at least one).
    fn lines_left(&self) -> usize {
        (((BOTTOM - self.y - 2.0 * PADDING) / (BODY_SIZE * LEADING)).floor() as usize).max(1)
    }

    /// One row of a table: each cell's lines; shaded when it is a header row; a rule below.
    fn row(&mut self, lefts: &[f32], cells: &[Vec<String>], header: bool, slot: impl Fn(usize) -> Slot) {
        let tallest = cells.iter().map(Vec::len).max().unwrap_or(1).max(1);
        let height = tallest as f32 * BODY_SIZE * LEADING + 2.0 * PADDING;
        let top = self.y;
        if header {
            let shade = Shade { x: MARGIN, y: top, width: TEXT_WIDTH, height, grey: 232 };
            self.page().shades.push(shade);
        }
        for (column, lines) in cells.iter().enumerate() {
            let left = lefts.get(column).copied().unwrap_or(MARGIN) + PADDING;
            let right = lefts.get(column + 1).copied().unwrap_or(MARGIN + TEXT_WIDTH) - PADDING;
            for (i, text) in lines.iter().enumerate() {
                let baseline = top + PADDING + BODY_SIZE + i as f32 * BODY_SIZE * LEADING;
                // Right-to-left text (Arabic, Hebrew) starts at the cell's right edge.
                let x = if right_to_left(text) {
                    (right - (self.measure)(text.trim_end(), BODY_SIZE, header)).max(left)
                } else {
                    left
                };
                let line = Line {
                    slot: slot(column),
                    x,
                    baseline,
                    text: text.clone(),
                    size: BODY_SIZE,
                    bold: header,
                };
                self.page().lines.push(line);
            }
        }
        let rule = Shade { x: MARGIN, y: top + height - 0.5, width: TEXT_WIDTH, height: 0.5, grey: 150 };
        self.page().shades.push(rule);
        self.y = top + height;
    }
}

/// Whether the first letter of `text` is of a right-to-left script (the rule of `dir="auto"`).
fn right_to_left(text: &str) -> bool {
    text.chars().find(|c| c.is_alphabetic()).is_some_and(|c| {
        matches!(c as u32, 0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF | 0x10800..=0x10FFF | 0x1E800..=0x1EFFF)
    })
}

#[cfg(test)]
#[path = "layout_tests.rs"]
mod tests;
