//! Reading XML: size limit, no DTD, a DOM with line numbers; small helpers to walk it by
//! local name. Element names in XDatenfelder are namespace-qualified, the `code` inside a
//! code value (`<xdf:feldart><code>input</code></xdf:feldart>`) is not: helpers match the
//! local name and the caller checks the namespace where it matters (the root).

use crate::error::{ImportError, ImportErrorKind};
use roxmltree::{Document, Node, ParsingOptions};

/// Parses `text` as XML, refusing more than [`crate::MAX_INPUT_BYTES`] and any DTD.
pub(crate) fn parse(text: &str) -> Result<Document<'_>, ImportError> {
    if text.len() > crate::MAX_INPUT_BYTES {
        return Err(too_large(text.len() as u64));
    }
    let options = ParsingOptions { allow_dtd: false, nodes_limit: 4_000_000 };
    Document::parse_with_options(text, options).map_err(|error| {
        let position = error.pos();
        ImportError::new(
            ImportErrorKind::Malformed,
            Some(position.row),
            format!(
                "not well-formed XML at column {}: {}",
                position.col,
                without_position(&error.to_string())
            ),
        )
    })
}

/// The error for a file of `size` bytes.
pub(crate) fn too_large(size: u64) -> ImportError {
    ImportError::new(
        ImportErrorKind::TooLarge,
        None,
        format!(
            "the file has {size} bytes; at most {} are read (FIM schemas are far smaller)",
            crate::MAX_INPUT_BYTES
        ),
    )
}

/// roxmltree ends its messages with " at L:C"; the position is reported on its own.
fn without_position(message: &str) -> String {
    match message.rfind(" at ") {
        Some(i) if message[i + 4..].chars().all(|c| c.is_ascii_digit() || c == ':') => {
            message[..i].to_owned()
        }
        _ => message.to_owned(),
    }
}

/// The line of `node`. Scans the text up to it: for one-off errors; a walk uses [`Lines`].
pub(crate) fn line(node: Node) -> u32 {
    node.document().text_pos_at(node.range().start).row
}

/// Line numbers by binary search over the line starts, found once per document (roxmltree's
/// `text_pos_at` scans from the start, which made a 15 MB schema take minutes).
pub(crate) struct Lines {
    starts: Vec<usize>,
}

impl Lines {
    pub(crate) fn new(text: &str) -> Lines {
        let starts = std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).collect();
        Lines { starts }
    }

    /// The line of `node`, from 1.
    pub(crate) fn of(&self, node: Node) -> u32 {
        let at = node.range().start;
        let line = self.starts.partition_point(|start| *start <= at);
        u32::try_from(line).unwrap_or(u32::MAX)
    }
}

/// The child elements of `node` named `name` (local name).
pub(crate) fn children<'a, 'input>(
    node: Node<'a, 'input>,
    name: &'static str,
) -> impl Iterator<Item = Node<'a, 'input>> {
    node.children().filter(move |child| child.is_element() && child.tag_name().name() == name)
}

/// The first child element named `name`.
pub(crate) fn child<'a, 'input>(node: Node<'a, 'input>, name: &'static str) -> Option<Node<'a, 'input>> {
    children(node, name).next()
}

/// The text of `node` (its text children joined, comments left out), trimmed; `None` when empty.
pub(crate) fn text(node: Node) -> Option<String> {
    let text: String = node.children().filter(Node::is_text).filter_map(|n| n.text()).collect();
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let trimmed = text.trim();
    (!trimmed.is_empty()).then(|| trimmed.to_owned())
}

/// The text of the child `name`.
pub(crate) fn child_text(node: Node, name: &'static str) -> Option<String> {
    child(node, name).and_then(text)
}

/// The code of a code value: `<xdf:feldart><code>input</code></xdf:feldart>`.
pub(crate) fn code(node: Node, name: &'static str) -> Option<String> {
    child(node, name).and_then(|value| child_text(value, "code"))
}

/// An attribute, trimmed; `None` when absent or empty.
pub(crate) fn attribute(node: Node, name: &str) -> Option<String> {
    let value = node.attribute(name)?.trim();
    (!value.is_empty()).then(|| value.to_owned())
}

#[cfg(test)]
mod tests {
    use super::{Lines, line};

    #[test]
    fn lines_by_search_equal_lines_by_scanning() {
        let text = "<a>\n  <b/>\r\n<c>\n\n<d x='1'\n/></c>\n<e/></a>";
        let document = roxmltree::Document::parse(text).expect("XML"); // ok: test
        let lines = Lines::new(text);
        let found: Vec<(u32, u32)> =
            document.descendants().filter(|n| n.is_element()).map(|n| (lines.of(n), line(n))).collect();
        assert_eq!(found, [(1, 1), (2, 2), (3, 3), (5, 5), (7, 7)]);
    }
}
