//! Text to syntax tree: a hand-written recursive-descent parser with byte offsets for errors.
//! Depth is bounded, so hostile input cannot overflow the stack.

// Offsets only move forward within the source (never past its length) and the depth is
// bounded by MAX_DEPTH; neither can overflow.
#![allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)]

use crate::value::Decimal;

/// A syntax error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    /// Byte offset in the source.
    pub offset: usize,
    /// What is wrong.
    pub kind: ParseErrorKind,
}

/// What is wrong with the syntax.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParseErrorKind {
    /// Something else was needed here; `found` is what is there (`None`: the end).
    Expected {
        /// What would have fitted.
        expected: Expected,
        /// What is there instead.
        found: Option<String>,
    },
    /// Digits that are no number (`1.2.3`).
    NotANumber(String),
    /// A text without its closing quote.
    UnclosedText,
    /// Deeper than [`MAX_DEPTH`].
    TooDeep,
}

/// What the parser needed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expected {
    /// A value: a number, a text, a field, a call, a list, parentheses.
    Value,
    /// An operator, or nothing more.
    OperatorOrEnd,
    /// The closing bracket.
    Close(char),
    /// A comma or the closing bracket of a list or call.
    CommaOr(char),
}

impl ParseError {
    /// The English description (the catalogs in [`crate::messages`] have both languages).
    pub fn message(&self) -> String {
        match &self.kind {
            ParseErrorKind::Expected { expected, found } => {
                let expected = match expected {
                    Expected::Value => "a value".to_owned(),
                    Expected::OperatorOrEnd => "an operator or the end of the expression".to_owned(),
                    Expected::Close(c) => format!("\"{c}\""),
                    Expected::CommaOr(c) => format!("\",\" or \"{c}\""),
                };
                let found = found.as_ref().map_or_else(|| "the end".to_owned(), |f| format!("\"{f}\""));
                format!("expected {expected}, found {found}")
            }
            ParseErrorKind::NotANumber(text) => format!("\"{text}\" is not a number"),
            ParseErrorKind::UnclosedText => "the text is not closed".to_owned(),
            ParseErrorKind::TooDeep => "the expression is nested too deeply".to_owned(),
        }
    }
}

/// Binary operators.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Op {
    Or,
    And,
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    In,
    Add,
    Sub,
    Mul,
    Div,
}

/// A syntax tree node with the offset it starts at.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Node {
    pub(crate) offset: usize,
    pub(crate) kind: Kind,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Kind {
    Number(Decimal),
    Text(String),
    Bool(bool),
    List(Vec<Node>),
    Field(String),
    Not(Box<Node>),
    Neg(Box<Node>),
    Binary(Op, Box<Node>, Box<Node>),
    Call(String, Vec<Node>),
}

impl Node {
    /// Adds the field ids this node reads to `names`, each once, in order of appearance.
    pub(crate) fn references(&self, names: &mut Vec<String>) {
        match &self.kind {
            Kind::Field(name) => {
                if !names.contains(name) {
                    names.push(name.clone());
                }
            }
            Kind::List(items) | Kind::Call(_, items) => items.iter().for_each(|item| item.references(names)),
            Kind::Not(inner) | Kind::Neg(inner) => inner.references(names),
            Kind::Binary(_, left, right) => {
                left.references(names);
                right.references(names);
            }
            Kind::Number(_) | Kind::Text(_) | Kind::Bool(_) => {}
        }
    }
}

/// The deepest tree (nesting, and the length of an operator chain, which nests to the left):
/// far beyond any real condition, far below what the recursive checker and evaluator can take.
const MAX_DEPTH: u32 = 100;

/// Parses a whole expression.
pub(crate) fn parse(source: &str) -> Result<Node, ParseError> {
    let mut parser = Parser { source, at: 0, depth: 0 };
    let node = parser.or()?;
    parser.skip_space();
    if parser.at < source.len() {
        return Err(parser.error(Expected::OperatorOrEnd));
    }
    Ok(node)
}

struct Parser<'a> {
    source: &'a str,
    at: usize,
    depth: u32,
}

impl Parser<'_> {
    fn rest(&self) -> &str {
        &self.source[self.at..]
    }

    fn skip_space(&mut self) {
        let trimmed = self.rest().trim_start();
        self.at = self.source.len() - trimmed.len();
    }

    fn error(&self, expected: Expected) -> ParseError {
        let found = self.rest().chars().next().map(String::from);
        ParseError { offset: self.at, kind: ParseErrorKind::Expected { expected, found } }
    }

    /// Consumes `token` (a symbol, or a word not followed by a name character).
    fn eat(&mut self, token: &str) -> bool {
        self.skip_space();
        let rest = self.rest();
        if !rest.starts_with(token) {
            return false;
        }
        let is_word = token.chars().all(|c| c.is_ascii_alphabetic());
        if is_word && rest[token.len()..].chars().next().is_some_and(is_name_char) {
            return false;
        }
        self.at += token.len();
        true
    }

    fn nested<T>(&mut self, f: impl FnOnce(&mut Self) -> Result<T, ParseError>) -> Result<T, ParseError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(ParseError { offset: self.at, kind: ParseErrorKind::TooDeep });
        }
        let result = f(self);
        self.depth -= 1;
        result
    }

    fn binary(
        &mut self,
        ops: &[(&str, Op)],
        next: fn(&mut Self) -> Result<Node, ParseError>,
    ) -> Result<Node, ParseError> {
        // Each link of a chain deepens the (left-leaning) tree, so it counts as nesting too:
        // what the right operands nest below it adds up, and the checker never recurses deeper
        // than MAX_DEPTH.
        let depth = self.depth;
        let result = self.chain(ops, next);
        self.depth = depth;
        result
    }

    fn chain(
        &mut self,
        ops: &[(&str, Op)],
        next: fn(&mut Self) -> Result<Node, ParseError>,
    ) -> Result<Node, ParseError> {
        let mut left = next(self)?;
        'outer: loop {
            for (token, op) in ops {
                let start = self.at;
                if self.eat(token) {
                    self.depth += 1;
                    if self.depth > MAX_DEPTH {
                        return Err(ParseError { offset: start, kind: ParseErrorKind::TooDeep });
                    }
                    let right = self.nested(next)?;
                    let offset = left.offset;
                    left = Node { offset, kind: Kind::Binary(*op, Box::new(left), Box::new(right)) };
                    continue 'outer;
                }
                self.at = start;
            }
            return Ok(left);
        }
    }

    fn or(&mut self) -> Result<Node, ParseError> {
        self.binary(&[("or", Op::Or)], Self::and)
    }

    fn and(&mut self) -> Result<Node, ParseError> {
        self.binary(&[("and", Op::And)], Self::not)
    }

    fn not(&mut self) -> Result<Node, ParseError> {
        self.skip_space();
        let offset = self.at;
        if self.eat("not") {
            let inner = self.nested(Self::not)?;
            return Ok(Node { offset, kind: Kind::Not(Box::new(inner)) });
        }
        self.comparison()
    }

    fn comparison(&mut self) -> Result<Node, ParseError> {
        let left = self.sum()?;
        // Longest symbols first, so "<=" is not read as "<".
        let ops = [
            ("==", Op::Eq),
            ("!=", Op::Ne),
            ("<=", Op::Le),
            (">=", Op::Ge),
            ("<", Op::Lt),
            (">", Op::Gt),
            ("in", Op::In),
        ];
        for (token, op) in ops {
            if self.eat(token) {
                let right = self.nested(Self::sum)?;
                let offset = left.offset;
                return Ok(Node { offset, kind: Kind::Binary(op, Box::new(left), Box::new(right)) });
            }
        }
        Ok(left)
    }

    fn sum(&mut self) -> Result<Node, ParseError> {
        self.binary(&[("+", Op::Add), ("-", Op::Sub)], Self::product)
    }

    fn product(&mut self) -> Result<Node, ParseError> {
        self.binary(&[("*", Op::Mul), ("/", Op::Div)], Self::unary)
    }

    fn unary(&mut self) -> Result<Node, ParseError> {
        self.skip_space();
        let offset = self.at;
        if self.eat("-") {
            let inner = self.nested(Self::unary)?;
            return Ok(Node { offset, kind: Kind::Neg(Box::new(inner)) });
        }
        self.primary()
    }

    fn primary(&mut self) -> Result<Node, ParseError> {
        self.skip_space();
        let offset = self.at;
        let Some(first) = self.rest().chars().next() else { return Err(self.error(Expected::Value)) };
        let kind = if first.is_ascii_digit() {
            let digits =
                self.rest().find(|c: char| !(c.is_ascii_digit() || c == '.')).unwrap_or(self.rest().len());
            let text = &self.rest()[..digits];
            let number = (text.matches('.').count() <= 1 && !text.ends_with('.'))
                .then(|| Decimal::parse_input(text, crate::lang::Lang::En).ok())
                .flatten()
                .ok_or_else(|| ParseError { offset, kind: ParseErrorKind::NotANumber(text.to_owned()) })?;
            self.at += digits;
            Kind::Number(number)
        } else if first == '"' || first == '\'' {
            let body = &self.rest()[1..];
            let end = body.find(first).ok_or(ParseError { offset, kind: ParseErrorKind::UnclosedText })?;
            let text = body[..end].to_owned();
            self.at += end + 2;
            Kind::Text(text)
        } else if first == '(' {
            self.at += 1;
            let inner = self.nested(Self::or)?;
            if !self.eat(")") {
                return Err(self.error(Expected::Close(')')));
            }
            return Ok(inner);
        } else if first == '[' {
            self.at += 1;
            let items = self.nested(|p| p.items(']'))?;
            Kind::List(items)
        } else if first.is_ascii_alphabetic() || first == '_' {
            let len = self.rest().find(|c: char| !(is_name_char(c) || c == '.')).unwrap_or(self.rest().len());
            let name = self.rest()[..len].to_owned();
            self.at += len;
            match name.as_str() {
                "true" => Kind::Bool(true),
                "false" => Kind::Bool(false),
                "and" | "or" | "not" | "in" => {
                    let found = Some(name);
                    return Err(ParseError {
                        offset,
                        kind: ParseErrorKind::Expected { expected: Expected::Value, found },
                    });
                }
                _ if self.eat("(") => Kind::Call(name, self.nested(|p| p.items(')'))?),
                _ => Kind::Field(name),
            }
        } else {
            return Err(self.error(Expected::Value));
        };
        Ok(Node { offset, kind })
    }

    /// Comma-separated expressions up to `close`.
    fn items(&mut self, close: char) -> Result<Vec<Node>, ParseError> {
        let close_text = close.to_string();
        let close_str = close_text.as_str();
        let mut items = Vec::new();
        if self.eat(close_str) {
            return Ok(items);
        }
        loop {
            items.push(self.or()?);
            if self.eat(close_str) {
                return Ok(items);
            }
            if !self.eat(",") {
                return Err(self.error(Expected::CommaOr(close)));
            }
        }
    }
}

fn is_name_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_' || c == '-'
}
