//! Sets of characters as sorted, disjoint code point ranges: what an XSD character class
//! means (with negation and subtraction), written back as one flat class for `regex-lite`.

use std::fmt::Write;

const MAX: u32 = 0x10FFFF;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct CharSet {
    ranges: Vec<(u32, u32)>,
}

impl CharSet {
    pub(crate) fn from_ranges(ranges: &[(u32, u32)]) -> CharSet {
        let mut set = CharSet { ranges: ranges.to_vec() };
        set.normalize();
        set
    }

    pub(crate) fn single(c: char) -> CharSet {
        CharSet::from_ranges(&[(c as u32, c as u32)])
    }

    pub(crate) fn add(&mut self, other: &CharSet) {
        self.ranges.extend_from_slice(&other.ranges);
        self.normalize();
    }

    pub(crate) fn complement(&self) -> CharSet {
        let mut ranges = Vec::new();
        let mut next = 0u32;
        for &(a, b) in &self.ranges {
            if a > next {
                ranges.push((next, a - 1));
            }
            next = b.saturating_add(1);
        }
        if next <= MAX {
            ranges.push((next, MAX));
        }
        CharSet { ranges }
    }

    pub(crate) fn subtract(&self, other: &CharSet) -> CharSet {
        // A − B = ¬(¬A ∪ B)
        let mut union = self.complement();
        union.add(other);
        union.complement()
    }

    /// The character, when the set holds exactly one.
    pub(crate) fn only(&self) -> Option<char> {
        match self.ranges.as_slice() {
            [(a, b)] if a == b => char::from_u32(*a),
            _ => None,
        }
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.ranges.is_empty()
    }

    fn normalize(&mut self) {
        self.ranges.sort_unstable();
        let mut merged: Vec<(u32, u32)> = Vec::with_capacity(self.ranges.len());
        for &(a, b) in &self.ranges {
            match merged.last_mut() {
                Some(last) if a <= last.1.saturating_add(1) => last.1 = last.1.max(b),
                _ => merged.push((a, b)),
            }
        }
        self.ranges = merged;
    }

    /// The set as a `regex-lite` class: `[0-9A-Za-zÄÖÜäöüß]`. A set larger than half of
    /// Unicode is written negated (`[^\x{A}\x{D}]`), which reads better and is shorter.
    pub(crate) fn to_class(&self) -> String {
        let covered: u64 = self.ranges.iter().map(|&(a, b)| u64::from(b - a) + 1).sum();
        let (negated, ranges) = if covered > u64::from(MAX) / 2 {
            (true, self.complement().ranges)
        } else {
            (false, self.ranges.clone())
        };
        let mut out = String::from(if negated { "[^" } else { "[" });
        for (a, b) in ranges.into_iter().flat_map(without_surrogates) {
            push_char(&mut out, a);
            if b > a {
                if b > a + 1 {
                    out.push('-');
                }
                push_char(&mut out, b);
            }
        }
        out.push(']');
        out
    }
}

/// Surrogate code points are no `char`s: split a range around them.
fn without_surrogates((a, b): (u32, u32)) -> Vec<(u32, u32)> {
    const LOW: u32 = 0xD800;
    const HIGH: u32 = 0xDFFF;
    let mut parts = Vec::new();
    if a < LOW {
        parts.push((a, b.min(LOW - 1)));
    }
    if b > HIGH {
        parts.push((a.max(HIGH + 1), b));
    }
    parts
}

/// A character inside a class: letters and digits as themselves, class syntax escaped, the
/// rest (spaces, controls, marks) as `\x{…}` so nothing invisible hides in a pattern.
fn push_char(out: &mut String, code: u32) {
    match char::from_u32(code) {
        Some(c) if c.is_ascii_punctuation() => {
            if matches!(c, '\\' | '[' | ']' | '^' | '-' | '&' | '~') {
                out.push('\\');
            }
            out.push(c);
        }
        Some(c) if c.is_alphanumeric() => out.push(c),
        _ => {
            let _ = write!(out, "\\x{{{code:X}}}");
        }
    }
}
