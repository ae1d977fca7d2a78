//! Finds where a JSON Pointer points in the source text, so that every diagnostic can name a
//! line and column, not just a path. Runs only on text that already parsed as JSON, and only
//! when there is something to report.

// Offsets only ever move forward within a text that already parsed as JSON; `get` guards
// every byte read.
#![allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)]

use crate::diagnostic::Position;

/// The position of the value at `pointer` or, with `key`, of its member name. `None` when the
/// pointer does not lead anywhere (which a diagnostic's pointer always does).
pub(crate) fn locate(source: &str, pointer: &str, key: bool) -> Option<Position> {
    let bytes = source.as_bytes();
    let mut at = skip_ws(bytes, 0);
    let mut key_at = at;
    if !pointer.is_empty() {
        for token in pointer.strip_prefix('/')?.split('/') {
            let token = token.replace("~1", "/").replace("~0", "~");
            (key_at, at) = child(source, at, &token)?;
        }
    }
    Some(position(source, if key { key_at } else { at }))
}

/// Within the object or array starting at `at`, the start of the member `token`'s name and
/// the start of its value.
fn child(source: &str, at: usize, token: &str) -> Option<(usize, usize)> {
    let bytes = source.as_bytes();
    match bytes.get(at)? {
        b'{' => {
            let mut i = skip_ws(bytes, at + 1);
            while bytes.get(i)? == &b'"' {
                let name_end = skip_string(bytes, i)?;
                let name = crate::json::parse(source.get(i..name_end)?).ok()?;
                let name = name.as_str()?;
                let value = skip_ws(bytes, skip_ws(bytes, name_end) + 1);
                if name == token {
                    return Some((i, value));
                }
                i = skip_ws(bytes, skip_value(bytes, value)?);
                if bytes.get(i)? == &b',' {
                    i = skip_ws(bytes, i + 1);
                }
            }
            None
        }
        b'[' => {
            let index: usize = token.parse().ok()?;
            let mut i = skip_ws(bytes, at + 1);
            for _ in 0..index {
                i = skip_ws(bytes, skip_value(bytes, i)?);
                if bytes.get(i)? != &b',' {
                    return None;
                }
                i = skip_ws(bytes, i + 1);
            }
            (bytes.get(i)? != &b']').then_some((i, i))
        }
        _ => None,
    }
}

fn skip_ws(bytes: &[u8], mut i: usize) -> usize {
    while matches!(bytes.get(i), Some(b' ' | b'\t' | b'\n' | b'\r')) {
        i += 1;
    }
    i
}

/// The index just past the string starting at `i`.
fn skip_string(bytes: &[u8], mut i: usize) -> Option<usize> {
    i += 1;
    loop {
        match bytes.get(i)? {
            b'\\' => i += 2,
            b'"' => return Some(i + 1),
            _ => i += 1,
        }
    }
}

/// The index just past the value starting at `i`.
fn skip_value(bytes: &[u8], i: usize) -> Option<usize> {
    match bytes.get(i)? {
        b'"' => skip_string(bytes, i),
        b'{' | b'[' => {
            let mut depth = 0usize;
            let mut j = i;
            loop {
                match bytes.get(j)? {
                    b'"' => {
                        j = skip_string(bytes, j)?;
                        continue;
                    }
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => {
                        depth -= 1;
                        if depth == 0 {
                            return Some(j + 1);
                        }
                    }
                    _ => {}
                }
                j += 1;
            }
        }
        _ => {
            let mut j = i;
            while !matches!(bytes.get(j), None | Some(b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r')) {
                j += 1;
            }
            Some(j)
        }
    }
}

/// Line and column (in characters) of a byte offset, both from 1.
pub(crate) fn position(source: &str, offset: usize) -> Position {
    let before = source.get(..offset).unwrap_or(source);
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    Position { line: before.matches('\n').count() + 1, column: before[line_start..].chars().count() + 1 }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SOURCE: &str = "{\n  \"a\": [1, {\"b/c\": \"x\"}],\n  \"d\": {\"e\": true}\n}";

    fn at(pointer: &str, key: bool) -> Option<(usize, usize)> {
        locate(SOURCE, pointer, key).map(|p| (p.line, p.column))
    }

    #[test]
    fn finds_values_and_keys() {
        assert_eq!(at("", false), Some((1, 1)));
        assert_eq!(at("/a", false), Some((2, 8)));
        assert_eq!(at("/a", true), Some((2, 3)));
        assert_eq!(at("/a/1/b~1c", false), Some((2, 20)));
        assert_eq!(at("/d/e", true), Some((3, 9)));
        assert_eq!(at("/a/2", false), None);
        assert_eq!(at("/zzz", false), None);
        assert_eq!(at("/a/x", false), None);
    }

    #[test]
    fn columns_count_characters() {
        assert_eq!(locate("{\"ä\": 1, \"b\": 2}", "/b", true).map(|p| p.column), Some(10));
    }
}
