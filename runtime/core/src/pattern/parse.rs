//! Reading a pattern of the dialect (see the module docs) into a tree. Recursion is bounded by
//! [`MAX_DEPTH`], the work by the pattern's length.

/// How deeply groups may nest.
const MAX_DEPTH: usize = 32;
/// The largest count in `{n,m}`.
const MAX_COUNT: u32 = 1000;
/// The most a pattern may weigh (see [`weight`]): a pattern that loads in the browser must
/// also compile in `regex-lite` on the server (whose compiled size is limited), so nested
/// repetitions are bounded here, where both see the same number.
pub(super) const MAX_WEIGHT: u64 = 50_000;

/// A pattern's tree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Node {
    /// One character.
    Char(char),
    /// A set of characters as sorted ranges; `negated`: any character but these.
    Class { negated: bool, ranges: Vec<(char, char)> },
    /// `^`.
    Start,
    /// `$`.
    End,
    /// A group (always written as non-capturing: captures mean nothing to a full match).
    Group(Box<Node>),
    /// One after another (empty: matches the empty text).
    Concat(Vec<Node>),
    /// Alternatives.
    Alt(Vec<Node>),
    /// `node{min,max}` (`max` `None`: unbounded).
    Repeat { node: Box<Node>, min: u32, max: Option<u32> },
}

/// Why a pattern is not in the dialect: what, at which character (from 1).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PatternError {
    /// What is wrong or not supported.
    pub what: &'static str,
    /// The character position (from 1) where it was found.
    pub at: usize,
}

impl std::fmt::Display for PatternError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} at character {}", self.what, self.at)
    }
}

const DIGIT: &[(char, char)] = &[('0', '9')];
const WORD: &[(char, char)] = &[('0', '9'), ('A', 'Z'), ('_', '_'), ('a', 'z')];
const SPACE: &[(char, char)] = &[('\t', '\r'), (' ', ' ')];

struct Parser {
    chars: Vec<char>,
    at: usize,
    depth: usize,
}

pub(super) fn parse(source: &str) -> Result<Node, PatternError> {
    let mut parser = Parser { chars: source.chars().collect(), at: 0, depth: 0 };
    let node = parser.alternation()?;
    if parser.peek().is_some() {
        return parser.fail("an unbalanced ')'");
    }
    if weight(&node) > MAX_WEIGHT {
        return Err(PatternError { what: "repetitions that expand too far (nested counts)", at: 1 });
    }
    Ok(node)
}

/// The weight of a read pattern (for tests).
#[cfg(test)]
pub(super) fn weight_of(dialect: &super::Dialect) -> u64 {
    weight(&dialect.tree)
}

/// About how large the pattern becomes once repetitions are expanded, as an engine compiles
/// it: characters and class ranges count one each, a repetition its body times its largest
/// count (or its least plus one when unbounded). Saturating, so hostile nesting stays finite.
fn weight(node: &Node) -> u64 {
    match node {
        Node::Char(_) | Node::Start | Node::End => 1,
        Node::Class { ranges, .. } => u64::try_from(ranges.len()).unwrap_or(u64::MAX).max(1),
        Node::Group(inner) => weight(inner),
        Node::Concat(items) | Node::Alt(items) => {
            items.iter().fold(1, |sum: u64, item| sum.saturating_add(weight(item)))
        }
        Node::Repeat { node, min, max } => {
            let count = max.unwrap_or_else(|| min.saturating_add(1)).max(1);
            weight(node).saturating_mul(u64::from(count))
        }
    }
}

/// What an escape stands for.
enum Escaped {
    Char(char),
    Class(&'static [(char, char)], bool),
}

impl Parser {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.at).copied()
    }

    fn next(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.at = self.at.saturating_add(1);
        Some(c)
    }

    fn eat(&mut self, c: char) -> bool {
        let found = self.peek() == Some(c);
        if found {
            self.at = self.at.saturating_add(1);
        }
        found
    }

    fn fail<T>(&self, what: &'static str) -> Result<T, PatternError> {
        Err(PatternError { what, at: self.at.saturating_add(1) })
    }

    fn alternation(&mut self) -> Result<Node, PatternError> {
        let mut branches = vec![self.concatenation()?];
        while self.eat('|') {
            branches.push(self.concatenation()?);
        }
        Ok(if branches.len() == 1 {
            branches.pop().unwrap_or(Node::Concat(Vec::new()))
        } else {
            Node::Alt(branches)
        })
    }

    fn concatenation(&mut self) -> Result<Node, PatternError> {
        let mut items = Vec::new();
        while let Some(c) = self.peek() {
            if c == '|' || c == ')' {
                break;
            }
            let atom = self.atom()?;
            items.push(self.quantified(atom)?);
        }
        Ok(Node::Concat(items))
    }

    fn atom(&mut self) -> Result<Node, PatternError> {
        let Some(c) = self.next() else { return self.fail("a missing atom") };
        match c {
            '(' => {
                if self.eat('?') && !self.eat(':') {
                    return self.fail("a group kind other than (?:…) (flags, look-around, names)");
                }
                if self.depth >= MAX_DEPTH {
                    return self.fail("groups nested too deeply");
                }
                self.depth = self.depth.saturating_add(1);
                let inner = self.alternation()?;
                self.depth = self.depth.saturating_sub(1);
                if !self.eat(')') {
                    return self.fail("a missing ')'");
                }
                Ok(Node::Group(Box::new(inner)))
            }
            '[' => self.class(),
            '.' => Ok(Node::Class { negated: true, ranges: vec![('\n', '\n')] }),
            '^' => Ok(Node::Start),
            '$' => Ok(Node::End),
            '\\' => match self.escape()? {
                Escaped::Char(c) => Ok(Node::Char(c)),
                Escaped::Class(ranges, negated) => Ok(Node::Class { negated, ranges: ranges.to_vec() }),
            },
            '*' | '+' | '?' | '{' => self.fail("a quantifier without anything to repeat"),
            ']' | '}' | ')' => self.fail("an unescaped bracket"),
            c => Ok(Node::Char(c)),
        }
    }

    fn escape(&mut self) -> Result<Escaped, PatternError> {
        let Some(c) = self.next() else { return self.fail("a '\\' at the end") };
        Ok(match c {
            'd' => Escaped::Class(DIGIT, false),
            'D' => Escaped::Class(DIGIT, true),
            'w' => Escaped::Class(WORD, false),
            'W' => Escaped::Class(WORD, true),
            's' => Escaped::Class(SPACE, false),
            'S' => Escaped::Class(SPACE, true),
            'n' => Escaped::Char('\n'),
            'r' => Escaped::Char('\r'),
            't' => Escaped::Char('\t'),
            'x' => Escaped::Char(self.hex()?),
            c if c.is_ascii_punctuation() => Escaped::Char(c),
            _ => return self.fail("an escape outside the dialect (\\b, \\p, back-references, …)"),
        })
    }

    /// `\x{HEX}` or `\xHH`, after the `x`.
    fn hex(&mut self) -> Result<char, PatternError> {
        let digits: String = if self.eat('{') {
            let mut digits = String::new();
            while let Some(c) = self.next() {
                if c == '}' {
                    break;
                }
                digits.push(c);
            }
            digits
        } else {
            [self.next(), self.next()].into_iter().flatten().collect()
        };
        let code = (!digits.is_empty() && digits.len() <= 6)
            .then(|| u32::from_str_radix(&digits, 16).ok())
            .flatten();
        match code.and_then(char::from_u32) {
            Some(c) => Ok(c),
            None => self.fail("an invalid \\x escape"),
        }
    }

    fn class(&mut self) -> Result<Node, PatternError> {
        let negated = self.eat('^');
        let mut ranges = Vec::new();
        let mut first = true;
        loop {
            let Some(c) = self.next() else { return self.fail("a missing ']'") };
            let low = match c {
                ']' if !first => break,
                ']' => return self.fail("a ']' first in a class (escape it)"),
                '[' => return self.fail("a '[' in a class (escape it)"),
                '&' | '~' | '-' if self.peek() == Some(c) => {
                    return self.fail("'&&', '--' or '~~' in a class (set operations)");
                }
                '\\' => match self.escape()? {
                    Escaped::Char(c) => c,
                    Escaped::Class(_, true) => return self.fail("\\D, \\W or \\S in a class"),
                    Escaped::Class(set, false) => {
                        ranges.extend_from_slice(set);
                        first = false;
                        continue;
                    }
                },
                c => c,
            };
            first = false;
            let is_range =
                self.peek() == Some('-') && self.chars.get(self.at.saturating_add(1)) != Some(&']');
            if !is_range {
                ranges.push((low, low));
                continue;
            }
            self.at = self.at.saturating_add(1);
            let high = match self.next() {
                Some('\\') => match self.escape()? {
                    Escaped::Char(c) => c,
                    Escaped::Class(..) => return self.fail("a class as the end of a range"),
                },
                Some('[') => return self.fail("a '[' in a class (escape it)"),
                Some(c) => c,
                None => return self.fail("a missing ']'"),
            };
            if high < low {
                return self.fail("a range that runs backwards");
            }
            ranges.push((low, high));
        }
        ranges.sort_unstable();
        Ok(Node::Class { negated, ranges })
    }

    fn quantified(&mut self, atom: Node) -> Result<Node, PatternError> {
        let (min, max) = match self.peek() {
            Some('*') => (0, None),
            Some('+') => (1, None),
            Some('?') => (0, Some(1)),
            Some('{') => self.counts()?,
            _ => return Ok(atom),
        };
        self.at = self.at.saturating_add(1); // past '*', '+', '?' or '}'
        self.eat('?'); // lazy or greedy: the same for a whole-answer match
        if matches!(atom, Node::Start | Node::End) {
            return self.fail("a quantifier on '^' or '$'");
        }
        if matches!(self.peek(), Some('*' | '+' | '?' | '{')) {
            return self.fail("a quantifier on a quantifier");
        }
        Ok(Node::Repeat { node: Box::new(atom), min, max })
    }

    /// `{n}`, `{n,}` or `{n,m}`, from its `{`; leaves the position on the `}`.
    fn counts(&mut self) -> Result<(u32, Option<u32>), PatternError> {
        self.at = self.at.saturating_add(1);
        let min = self.count()?;
        let max = if self.eat(',') {
            if self.peek() == Some('}') { None } else { Some(self.count()?) }
        } else {
            Some(min)
        };
        if self.peek() != Some('}') {
            return self.fail("a '{' that is no {n}, {n,} or {n,m}");
        }
        if max.is_some_and(|max| max < min) {
            return self.fail("a count {n,m} with m below n");
        }
        Ok((min, max))
    }

    fn count(&mut self) -> Result<u32, PatternError> {
        let start = self.at;
        while self.peek().is_some_and(|c| c.is_ascii_digit()) {
            self.at = self.at.saturating_add(1);
        }
        let digits: String = self.chars.get(start..self.at).unwrap_or_default().iter().collect();
        match digits.parse::<u32>() {
            Ok(n) if n <= MAX_COUNT => Ok(n),
            Ok(_) => self.fail("a count above 1000"),
            Err(_) => self.fail("a '{' that is no {n}, {n,} or {n,m}"),
        }
    }
}
