//! Layout on pages: nothing lost, nothing outside the page, tables continued.

use super::*;
use crate::content::{Block, Sheet, Table};
use formlotse_core::Lang;

/// Half the size per character: the widths of a narrow monospaced font.
fn monospaced(text: &str, size: f32, _bold: bool) -> f32 {
    text.chars().count() as f32 * size * 0.5
}

fn sheet(rows: Vec<Vec<String>>) -> Sheet {
    let table = Table {
        header: Some(vec!["Angabe".into(), "Antwort".into()]),
        widths: vec![0.4, 0.6],
        rows,
        row_headers: true,
    };
    Sheet {
        lang: Lang::De,
        title: "T".into(),
        running_head: "Antrag: T".into(),
        blocks: vec![Block::Title("Titel".into()), Block::Heading("Schritt".into()), Block::Table(table)],
        words: crate::words::of(&formlotse_core::catalog::Catalog::german(), Lang::De),
    }
}

#[test]
fn every_line_is_on_a_page_in_order_and_a_continued_table_repeats_its_header() {
    let long = vec!["Ein Satz, der sich wiederholt."; 300].join(" ");
    let rows: Vec<Vec<String>> = (0..80)
        .map(|r| {
            vec![
                format!("Frage {r} mit einer etwas längeren Beschriftung"),
                if r == 30 { long.clone() } else { format!("Antwort {r}") },
            ]
        })
        .collect();
    let pages = pages(&sheet(rows.clone()), &monospaced);
    assert!(pages.len() >= 4, "{} pages", pages.len());
    for (index, page) in pages.iter().enumerate() {
        for line in &page.lines {
            assert!(line.baseline <= BOTTOM && line.baseline >= MARGIN, "page {index}: {line:?}");
            let right = line.x + monospaced(line.text.trim_end(), line.size, line.bold);
            assert!(line.x >= MARGIN && right <= PAGE_WIDTH - MARGIN + 0.01, "page {index}: {line:?}");
        }
        if index > 0 {
            let first = page.lines.first().map(|line| (line.slot, line.text.as_str()));
            assert_eq!(first, Some((Slot::Artifact, "Angabe")), "page {index} starts with the header row");
        }
    }
    // Each cell's lines, gathered over all pages, are its text wrapped: nothing lost.
    for (r, row) in rows.iter().enumerate() {
        for (column, text) in row.iter().enumerate() {
            let slot = Slot::Cell { block: 2, row: Some(r), column };
            let placed: Vec<&str> = pages
                .iter()
                .flat_map(|p| &p.lines)
                .filter(|l| l.slot == slot)
                .map(|l| l.text.as_str())
                .collect();
            let width = [0.4, 0.6][column] * TEXT_WIDTH - 2.0 * PADDING;
            let wrapped = wrap::lines(text, width, &|t: &str| monospaced(t, BODY_SIZE, false));
            assert_eq!(placed, wrapped, "row {r} column {column}");
        }
    }
}

#[test]
fn right_to_left_answers_end_at_the_cells_right_edge() {
    let rows =
        vec![vec!["Name".to_owned(), "مريم الأحمد".to_owned()], vec!["Ort".to_owned(), "Köln".to_owned()]];
    let pages = pages(&sheet(rows), &monospaced);
    let line = |row: usize| {
        pages[0].lines.iter().find(|l| l.slot == Slot::Cell { block: 2, row: Some(row), column: 1 }).cloned()
    };
    let (arabic, latin) = (line(0).expect("placed"), line(1).expect("placed")); // ok: test
    let right = MARGIN + TEXT_WIDTH - PADDING;
    assert!((arabic.x + monospaced(&arabic.text, BODY_SIZE, false) - right).abs() < 0.01, "{arabic:?}");
    assert!((latin.x - (MARGIN + 0.4 * TEXT_WIDTH + PADDING)).abs() < 0.01, "{latin:?}");
}
