//! XSD patterns (as in `praezisierung`) into the runtime's patterns (`regex-lite`, anchored by
//! the loader). XSD patterns are implicitly anchored, know no `^`/`$` anchors (they are
//! literal characters), and define `.`, `\d`, `\s` over Unicode. What `regex-lite` can express
//! with the same meaning is translated; the rest (`\p{…}`, `\w`, `\i`, `\c`) is refused, so a
//! pattern never means something other than the schema says.

mod charset;
mod digits;

use charset::CharSet;

/// Why a pattern was not imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum PatternError {
    /// Not a valid XSD regular expression.
    Invalid(String),
    /// Valid, but the runtime's engine cannot say the same.
    Untranslatable(String),
}

/// The `regex-lite` pattern with the meaning of the XSD pattern `xsd`.
pub(crate) fn translate(xsd: &str) -> Result<String, PatternError> {
    let mut parser = Parser { chars: xsd.chars().collect(), at: 0, out: String::new(), depth: 0 };
    parser.branches()?;
    if parser.at < parser.chars.len() {
        return Err(PatternError::Invalid(format!("unbalanced ')' at character {}", parser.at + 1)));
    }
    let out = parser.out;
    regex_lite::Regex::new(&format!("^(?:{out})$"))
        .map_err(|error| PatternError::Untranslatable(format!("the runtime's engine refuses it: {error}")))?;
    Ok(out)
}

struct Parser {
    chars: Vec<char>,
    at: usize,
    out: String,
    depth: usize,
}

impl Parser {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.at).copied()
    }

    fn next(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.at += 1;
        Some(c)
    }

    fn invalid<T>(&self, what: &str) -> Result<T, PatternError> {
        Err(PatternError::Invalid(format!("{what} at character {}", self.at + 1)))
    }

    /// regExp ::= branch ('|' branch)*
    fn branches(&mut self) -> Result<(), PatternError> {
        loop {
            self.pieces()?;
            match self.peek() {
                Some('|') => {
                    self.at += 1;
                    self.out.push('|');
                }
                _ => return Ok(()),
            }
        }
    }

    /// branch ::= (atom quantifier?)*
    fn pieces(&mut self) -> Result<(), PatternError> {
        while let Some(c) = self.peek() {
            match c {
                '|' | ')' => return Ok(()),
                '(' => {
                    self.at += 1;
                    if self.peek() == Some('?') {
                        return self.invalid("'(?' (no such group in XSD)");
                    }
                    self.depth += 1;
                    if self.depth > 100 {
                        return Err(PatternError::Untranslatable("groups nested over 100 deep".into()));
                    }
                    self.out.push('(');
                    self.branches()?;
                    if self.next() != Some(')') {
                        return self.invalid("a '(' without ')'");
                    }
                    self.depth -= 1;
                    self.out.push(')');
                }
                '[' => {
                    self.at += 1;
                    let set = self.class()?;
                    self.push_set(&set)?;
                }
                '\\' => {
                    self.at += 1;
                    let set = self.escape()?;
                    self.push_set(&set)?;
                }
                '.' => {
                    self.at += 1;
                    // XSD's wildcard is any character but a line break.
                    self.out.push_str(r"[^\x{A}\x{D}]");
                }
                '?' | '*' | '+' | '{' | '}' | ']' => return self.invalid(&format!("a stray '{c}'")),
                _ => {
                    self.at += 1;
                    push_literal(&mut self.out, c);
                }
            }
            self.quantifier()?;
        }
        Ok(())
    }

    fn quantifier(&mut self) -> Result<(), PatternError> {
        match self.peek() {
            Some(c @ ('?' | '*' | '+')) => {
                self.at += 1;
                self.out.push(c);
            }
            Some('{') => {
                self.at += 1;
                let mut quantity = String::new();
                loop {
                    match self.next() {
                        Some('}') => break,
                        Some(c) if c.is_ascii_digit() || c == ',' => quantity.push(c),
                        _ => return self.invalid("a '{' without a quantity and '}'"),
                    }
                }
                let valid = match quantity.split_once(',') {
                    None => !quantity.is_empty(),
                    Some((min, max)) => {
                        !min.is_empty()
                            && !max.contains(',')
                            && (max.is_empty() || max.parse::<u64>().ok() >= min.parse::<u64>().ok())
                    }
                };
                if !valid {
                    return self.invalid(&format!("the quantity {{{quantity}}}"));
                }
                self.out.push('{');
                self.out.push_str(&quantity);
                self.out.push('}');
            }
            _ => {}
        }
        Ok(())
    }

    fn push_set(&mut self, set: &CharSet) -> Result<(), PatternError> {
        if set.is_empty() {
            return Err(PatternError::Untranslatable("a character class that matches nothing".into()));
        }
        match set.only() {
            Some(c) => push_literal(&mut self.out, c),
            None => self.out.push_str(&set.to_class()),
        }
        Ok(())
    }

    /// After `[`: charGroup (`^` negates; `-[…]` subtracts) up to `]`.
    fn class(&mut self) -> Result<CharSet, PatternError> {
        let negated = self.peek() == Some('^');
        if negated {
            self.at += 1;
        }
        let mut set = CharSet::default();
        let mut first = true;
        loop {
            let Some(c) = self.next() else { return self.invalid("a '[' without ']'") };
            match c {
                ']' if !first => break,
                '-' if self.peek() == Some('[') => {
                    self.at += 1;
                    let minus = self.class()?;
                    if self.next() != Some(']') {
                        return self.invalid("a subtraction not at the end of its class");
                    }
                    let base = if negated { set.complement() } else { set };
                    return Ok(base.subtract(&minus));
                }
                '[' => return self.invalid("an unescaped '[' in a class"),
                '\\' => {
                    let escaped = self.escape()?;
                    match single(&escaped) {
                        Some(low)
                            if self.peek() == Some('-')
                                && !matches!(self.chars.get(self.at + 1), Some(']' | '[') | None) =>
                        {
                            self.at += 1;
                            set.add(&self.range_from(low)?);
                        }
                        _ => set.add(&escaped),
                    }
                }
                _ if self.peek() == Some('-')
                    && !matches!(self.chars.get(self.at + 1), Some(']' | '[') | None) =>
                {
                    self.at += 1;
                    set.add(&self.range_from(c)?);
                }
                _ => set.add(&CharSet::single(c)),
            }
            first = false;
        }
        Ok(if negated { set.complement() } else { set })
    }

    /// After `low-`: the upper end of a range.
    fn range_from(&mut self, low: char) -> Result<CharSet, PatternError> {
        let high = match self.next() {
            Some('\\') => {
                let escaped = self.escape()?;
                match single(&escaped) {
                    Some(c) => c,
                    None => return self.invalid("a range ending in a class escape"),
                }
            }
            Some(c) => c,
            None => return self.invalid("an unfinished range"),
        };
        if high < low {
            return self.invalid(&format!("the range {low}-{high} runs backwards"));
        }
        Ok(CharSet::from_ranges(&[(low as u32, high as u32)]))
    }

    /// After `\`: a single character or a class.
    fn escape(&mut self) -> Result<CharSet, PatternError> {
        let Some(c) = self.next() else { return self.invalid("a '\\' at the end") };
        let space = || CharSet::from_ranges(&[(0x9, 0xA), (0xD, 0xD), (0x20, 0x20)]);
        let digit = || CharSet::from_ranges(digits::ND);
        Ok(match c {
            'n' => CharSet::single('\n'),
            'r' => CharSet::single('\r'),
            't' => CharSet::single('\t'),
            '\\' | '|' | '.' | '?' | '*' | '+' | '(' | ')' | '{' | '}' | '-' | '[' | ']' | '^' => {
                CharSet::single(c)
            }
            's' => space(),
            'S' => space().complement(),
            'd' => digit(),
            'D' => digit().complement(),
            'p' | 'P' => {
                let name: String = self.chars[self.at..].iter().take_while(|c| **c != '}').collect();
                return Err(PatternError::Untranslatable(format!(
                    "\\{c}{name}}} (a Unicode category) has no counterpart in the runtime's engine"
                )));
            }
            'w' | 'W' | 'i' | 'I' | 'c' | 'C' => {
                return Err(PatternError::Untranslatable(format!(
                    "\\{c} (XML name and word characters) has no counterpart in the runtime's engine"
                )));
            }
            other => return self.invalid(&format!("the escape \\{other}")),
        })
    }
}

/// The one character of a set that holds one.
fn single(set: &CharSet) -> Option<char> {
    set.only()
}

/// A character outside classes: meta characters of `regex-lite` escaped, `^` and `$` (literal
/// in XSD) too, invisible ones as `\x{…}`.
fn push_literal(out: &mut String, c: char) {
    if c.is_ascii_punctuation() {
        if matches!(
            c,
            '\\' | '.'
                | '+'
                | '*'
                | '?'
                | '('
                | ')'
                | '|'
                | '['
                | ']'
                | '{'
                | '}'
                | '^'
                | '$'
                | '#'
                | '&'
                | '-'
                | '~'
        ) {
            out.push('\\');
        }
        out.push(c);
    } else if c.is_alphanumeric() || c == ' ' {
        out.push(c);
    } else {
        out.push_str(&format!("\\x{{{:X}}}", c as u32));
    }
}

#[cfg(test)]
mod tests;
