//! The small safe markup of help texts (field and group hints, content blocks, the form's
//! description): paragraphs, lists, emphasis and links, in a Markdown-like syntax authors know
//! from e-mail. The parser never produces HTML: the host renders the blocks as elements and
//! text nodes, so `<script>` in a definition stays the characters `<script>`.
//!
//! - a blank line starts a new paragraph; lines starting with `- ` or `* ` are list items
//! - `**strong**` and `*emphasis*`; `\*` is a literal star
//! - `[text](https://…)`: links to `http:`, `https:` and `mailto:` only; anything else (such as
//!   `javascript:`) stays literal text.

// Offsets and lengths are of slices of one help text; sums of them cannot exceed its length.
#![allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)]

/// A run of text inside a paragraph or list item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Inline {
    /// Plain text.
    Text(String),
    /// `**strong**`.
    Strong(String),
    /// `*emphasis*`.
    Emphasis(String),
    /// `[text](href)` with a safe scheme.
    Link {
        /// The link text.
        text: String,
        /// The target: `http:`, `https:` or `mailto:`.
        href: String,
    },
}

/// A paragraph or a list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// A paragraph.
    Paragraph(Vec<Inline>),
    /// A bulleted list; each item a run of inlines.
    List(Vec<Vec<Inline>>),
}

/// Parses a help text. Total: every input gives blocks, never an error.
pub fn parse(text: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut paragraph: Vec<&str> = Vec::new();
    let mut items: Vec<String> = Vec::new();
    let flush_paragraph = |paragraph: &mut Vec<&str>, blocks: &mut Vec<Block>| {
        if !paragraph.is_empty() {
            blocks.push(Block::Paragraph(inlines(&paragraph.join(" "))));
            paragraph.clear();
        }
    };
    let flush_list = |items: &mut Vec<String>, blocks: &mut Vec<Block>| {
        if !items.is_empty() {
            blocks.push(Block::List(items.drain(..).map(|item| inlines(&item)).collect()));
        }
    };
    for line in text.lines().map(str::trim) {
        if line.is_empty() {
            flush_paragraph(&mut paragraph, &mut blocks);
            flush_list(&mut items, &mut blocks);
        } else if let Some(item) = line.strip_prefix("- ").or_else(|| line.strip_prefix("* ")) {
            flush_paragraph(&mut paragraph, &mut blocks);
            items.push(item.trim().to_owned());
        } else if let Some(last) = items.last_mut() {
            // A line under an item without a marker continues it.
            last.push(' ');
            last.push_str(line);
        } else {
            paragraph.push(line);
        }
    }
    flush_paragraph(&mut paragraph, &mut blocks);
    flush_list(&mut items, &mut blocks);
    blocks
}

/// Whether `href` may be a link target.
pub fn is_safe_href(href: &str) -> bool {
    let lower = |prefix: &str| href.get(..prefix.len()).is_some_and(|head| head.eq_ignore_ascii_case(prefix));
    (lower("https://") || lower("http://") || lower("mailto:"))
        && !href.chars().any(|c| c.is_whitespace() || c.is_control() || c == '"' || c == '<' || c == '>')
}

/// The inline runs of one paragraph or item.
fn inlines(text: &str) -> Vec<Inline> {
    let mut out = Vec::new();
    let mut plain = String::new();
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        let parsed = match c {
            '\\' => rest[1..].chars().next().filter(|n| matches!(n, '*' | '[' | ']' | '\\')).map(|n| {
                plain.push(n);
                (None, 1 + n.len_utf8())
            }),
            '*' if rest.starts_with("**") => delimited(&rest[2..], "**")
                .map(|(inner, len)| (Some(Inline::Strong(inner.to_owned())), len + 4)),
            '*' => delimited(&rest[1..], "*")
                .map(|(inner, len)| (Some(Inline::Emphasis(inner.to_owned())), len + 2)),
            '[' => link(rest),
            _ => None,
        };
        match parsed {
            Some((inline, consumed)) => {
                if let Some(inline) = inline {
                    if !plain.is_empty() {
                        out.push(Inline::Text(std::mem::take(&mut plain)));
                    }
                    out.push(inline);
                }
                rest = &rest[consumed..];
            }
            None => {
                plain.push(c);
                rest = &rest[c.len_utf8()..];
            }
        }
    }
    if !plain.is_empty() {
        out.push(Inline::Text(plain));
    }
    out
}

/// The text up to `end`, if it is not empty and does not start or end with a space.
fn delimited<'a>(text: &'a str, end: &str) -> Option<(&'a str, usize)> {
    let close = text.find(end)?;
    let inner = &text[..close];
    let tidy = !inner.is_empty() && !inner.starts_with(' ') && !inner.ends_with(' ');
    tidy.then_some((inner, close))
}

/// `[text](href)` at the start of `text`, with a safe href.
fn link(text: &str) -> Option<(Option<Inline>, usize)> {
    let close = text.find("](")?;
    let label = &text[1..close];
    let after = &text[close + 2..];
    let end = after.find(')')?;
    let href = &after[..end];
    if label.is_empty() || label.contains('[') || !is_safe_href(href) {
        return None;
    }
    let consumed = close + 2 + end + 1;
    Some((Some(Inline::Link { text: label.to_owned(), href: href.to_owned() }), consumed))
}

#[cfg(test)]
mod tests {
    use super::Block::{List, Paragraph};
    use super::Inline::{Emphasis, Link, Strong, Text};
    use super::*;

    fn text(s: &str) -> Inline {
        Text(s.to_owned())
    }

    #[test]
    fn blocks() {
        let cases: &[(&str, Vec<Block>)] = &[
            ("", vec![]),
            ("Ein Satz.", vec![Paragraph(vec![text("Ein Satz.")])]),
            ("Zeile eins\nZeile zwei", vec![Paragraph(vec![text("Zeile eins Zeile zwei")])]),
            ("A\n\n\nB", vec![Paragraph(vec![text("A")]), Paragraph(vec![text("B")])]),
            (
                "Mitbringen:\n- Ausweis\n* Impfpass\n  mit Stempel\n\nDanke.",
                vec![
                    Paragraph(vec![text("Mitbringen:")]),
                    List(vec![vec![text("Ausweis")], vec![text("Impfpass mit Stempel")]]),
                    Paragraph(vec![text("Danke.")]),
                ],
            ),
            ("-kein Punkt", vec![Paragraph(vec![text("-kein Punkt")])]),
        ];
        for (input, expected) in cases {
            assert_eq!(&parse(input), expected, "{input:?}");
        }
    }

    #[test]
    fn inline_runs() {
        let link = |t: &str, h: &str| Link { text: t.to_owned(), href: h.to_owned() };
        let cases: &[(&str, Vec<Inline>)] = &[
            ("ganz **wichtig** hier", vec![text("ganz "), Strong("wichtig".into()), text(" hier")]),
            ("*bitte*", vec![Emphasis("bitte".into())]),
            ("2 * 3 * 4", vec![text("2 * 3 * 4")]),
            ("**offen", vec![text("**offen")]),
            (r"\*kein\*", vec![text("*kein*")]),
            (
                "[Satzung](https://example.de/s.pdf).",
                vec![link("Satzung", "https://example.de/s.pdf"), text(".")],
            ),
            ("[Mail](mailto:amt@example.de)", vec![link("Mail", "mailto:amt@example.de")]),
            ("[x](HTTP://A.DE)", vec![link("x", "HTTP://A.DE")]),
            ("[Klick](javascript:alert(1))", vec![text("[Klick](javascript:alert(1))")]),
            ("[Klick](data:text/html,x)", vec![text("[Klick](data:text/html,x)")]),
            ("[Klick](/relativ)", vec![text("[Klick](/relativ)")]),
            ("[a](https://x.de/a b)", vec![text("[a](https://x.de/a b)")]),
            ("<script>alert(1)</script>", vec![text("<script>alert(1)</script>")]),
            ("[](https://x.de)", vec![text("[](https://x.de)")]),
            ("ä*ö*ü", vec![text("ä"), Emphasis("ö".into()), text("ü")]),
        ];
        for (input, expected) in cases {
            assert_eq!(&parse(input), &vec![Paragraph(expected.clone())], "{input:?}");
        }
    }

    #[test]
    fn never_panics_on_odd_input() {
        for input in
            ["\\", "*", "**", "[", "[](", "[a](", "]()", "\\ä", "*\u{0}*", "- ", "-", "[ä](mailto:ö)"]
        {
            let _ = parse(input);
        }
    }
}
