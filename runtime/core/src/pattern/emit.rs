//! Writing a pattern's tree in each engine's syntax. Every character that is not an ASCII
//! letter, digit or space is written as a code point escape, so no engine's own rules for
//! punctuation (which differ) come into play.

use super::parse::Node;
use std::fmt::Write;

/// Whose syntax.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Syntax {
    /// `regex-lite` (`\x{HEX}`).
    RegexLite,
    /// ECMAScript with the `u` flag (`\u{HEX}`).
    EcmaScript,
}

/// `^(?:…)$`: the whole text must match.
pub(super) fn anchored(tree: &Node, syntax: Syntax) -> String {
    let mut out = String::from("^(?:");
    node(&mut out, tree, syntax);
    out.push_str(")$");
    out
}

fn node(out: &mut String, tree: &Node, syntax: Syntax) {
    match tree {
        Node::Char(c) => char(out, *c, syntax),
        Node::Class { negated, ranges } => {
            out.push_str(if *negated { "[^" } else { "[" });
            for &(low, high) in ranges {
                char(out, low, syntax);
                if high != low {
                    out.push('-');
                    char(out, high, syntax);
                }
            }
            out.push(']');
        }
        Node::Start => out.push('^'),
        Node::End => out.push('$'),
        Node::Group(inner) => {
            out.push_str("(?:");
            node(out, inner, syntax);
            out.push(')');
        }
        Node::Concat(items) => items.iter().for_each(|item| node(out, item, syntax)),
        Node::Alt(branches) => {
            for (i, branch) in branches.iter().enumerate() {
                if i > 0 {
                    out.push('|');
                }
                node(out, branch, syntax);
            }
        }
        Node::Repeat { node: inner, min, max } => {
            out.push_str("(?:");
            node(out, inner, syntax);
            out.push(')');
            let _ = match max {
                Some(max) => write!(out, "{{{min},{max}}}"),
                None => write!(out, "{{{min},}}"),
            };
        }
    }
}

fn char(out: &mut String, c: char, syntax: Syntax) {
    if c.is_ascii_alphanumeric() || c == ' ' {
        out.push(c);
        return;
    }
    let _ = match syntax {
        Syntax::RegexLite => write!(out, "\\x{{{:X}}}", u32::from(c)),
        Syntax::EcmaScript => write!(out, "\\u{{{:X}}}", u32::from(c)),
    };
}
