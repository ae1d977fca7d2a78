//! The structure tree (what a screen reader reads): the title as H1, each step as H2 with a
//! table whose header row has column headers and whose questions head their rows, in reading
//! order, whatever page each line landed on.

use crate::content::{Block, Sheet, Table};
use crate::layout::Slot;
use krilla::tagging::{Identifier, Node, TableHeaderScope, Tag, TagGroup, TagKind, TagTree};
use std::collections::HashMap;
use std::num::NonZeroU16;

/// The tree of `sheet`, with the marked content of each slot.
pub(crate) fn tree(sheet: &Sheet, mut marked: HashMap<Slot, Vec<Identifier>>) -> TagTree {
    let mut tree = TagTree::new().with_lang(Some(sheet.lang.tag().to_owned()));
    let mut take = |slot: Slot| -> Vec<Node> {
        marked.remove(&slot).unwrap_or_default().into_iter().map(Node::from).collect()
    };
    for (index, block) in sheet.blocks.iter().enumerate() {
        let slot = Slot::Block(index);
        let group = match block {
            Block::Title(text) => TagGroup::with_children(heading(1, text), take(slot)),
            Block::Heading(text) => TagGroup::with_children(heading(2, text), take(slot)),
            Block::Paragraph(_) => TagGroup::with_children(Tag::P, take(slot)),
            Block::Table(table) => self::table(index, table, &mut take),
        };
        tree.push(group);
    }
    tree
}

fn heading(level: u16, text: &str) -> TagKind {
    let level = NonZeroU16::new(level).unwrap_or(NonZeroU16::MIN);
    Tag::Hn(level, Some(text.to_owned())).into()
}

fn table(block: usize, table: &Table, take: &mut dyn FnMut(Slot) -> Vec<Node>) -> TagGroup {
    let mut group = TagGroup::new(Tag::Table);
    if let Some(header) = &table.header {
        let cells = (0..header.len())
            .map(|column| {
                let content = take(Slot::Cell { block, row: None, column });
                TagGroup::with_children(Tag::TH(TableHeaderScope::Column), content).into()
            })
            .collect();
        let row = TagGroup::with_children(Tag::TR, cells);
        group.push(TagGroup::with_children(Tag::THead, vec![row.into()]));
    }
    let rows = table
        .rows
        .iter()
        .enumerate()
        .map(|(r, cells)| {
            let cells = (0..cells.len())
                .map(|column| {
                    let content = take(Slot::Cell { block, row: Some(r), column });
                    let kind: TagKind = if column == 0 && table.row_headers {
                        Tag::TH(TableHeaderScope::Row).into()
                    } else {
                        Tag::TD.into()
                    };
                    TagGroup::with_children(kind, content).into()
                })
                .collect();
            TagGroup::with_children(Tag::TR, cells).into()
        })
        .collect();
    group.push(TagGroup::with_children(Tag::TBody, rows));
    group
}
