//! The reader: recursive descent over bytes, depth-bounded, one pass.

use super::{Json, JsonError, JsonErrorKind, Object, pointer_token};

/// How deeply arrays and objects may nest. A definition needs about ten levels; the bound
/// keeps the recursion (and a hostile payload) small.
pub const MAX_DEPTH: usize = 64;

/// Reads `text` as one JSON value (whitespace around it allowed).
pub fn parse(text: &str) -> Result<Json, JsonError> {
    let mut reader = Reader { bytes: text.as_bytes(), text, at: 0 };
    let value = reader.value(0)?;
    reader.whitespace();
    if reader.at < reader.bytes.len() {
        return Err(reader.error(JsonErrorKind::Syntax("the end of the text")));
    }
    Ok(value)
}

struct Reader<'a> {
    bytes: &'a [u8],
    text: &'a str,
    at: usize,
}

impl Reader<'_> {
    fn error(&self, kind: JsonErrorKind) -> JsonError {
        JsonError { kind, offset: self.at, pointer: String::new() }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn bump(&mut self) {
        self.at = self.at.saturating_add(1);
    }

    fn whitespace(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.bump();
        }
    }

    fn expect(&mut self, byte: u8, what: &'static str) -> Result<(), JsonError> {
        if self.peek() == Some(byte) {
            self.bump();
            Ok(())
        } else {
            Err(self.error(JsonErrorKind::Syntax(what)))
        }
    }

    fn value(&mut self, depth: usize) -> Result<Json, JsonError> {
        self.whitespace();
        match self.peek() {
            Some(b'{') => self.object(depth),
            Some(b'[') => self.array(depth),
            Some(b'"') => self.string().map(Json::String),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(b't') => self.word("true", Json::Bool(true)),
            Some(b'f') => self.word("false", Json::Bool(false)),
            Some(b'n') => self.word("null", Json::Null),
            _ => Err(self.error(JsonErrorKind::Syntax("a value"))),
        }
    }

    fn word(&mut self, word: &'static str, value: Json) -> Result<Json, JsonError> {
        let end = self.at.saturating_add(word.len());
        if self.bytes.get(self.at..end) == Some(word.as_bytes()) {
            self.at = end;
            Ok(value)
        } else {
            Err(self.error(JsonErrorKind::Syntax("a value")))
        }
    }

    fn nested(&self, depth: usize) -> Result<usize, JsonError> {
        if depth >= MAX_DEPTH { Err(self.error(JsonErrorKind::TooDeep)) } else { Ok(depth.saturating_add(1)) }
    }

    fn array(&mut self, depth: usize) -> Result<Json, JsonError> {
        let depth = self.nested(depth)?;
        self.bump();
        let mut items = Vec::new();
        self.whitespace();
        if self.peek() == Some(b']') {
            self.bump();
            return Ok(Json::Array(items));
        }
        loop {
            let index = items.len();
            items.push(self.value(depth).map_err(|error| within(error, &index.to_string()))?);
            self.whitespace();
            match self.peek() {
                Some(b',') => self.bump(),
                Some(b']') => {
                    self.bump();
                    return Ok(Json::Array(items));
                }
                _ => return Err(self.error(JsonErrorKind::Syntax("`,` or `]`"))),
            }
        }
    }

    fn object(&mut self, depth: usize) -> Result<Json, JsonError> {
        let depth = self.nested(depth)?;
        self.bump();
        // (key, value, offset of the key), in the text's order until the end.
        let mut members: Vec<(String, Json, usize)> = Vec::new();
        self.whitespace();
        if self.peek() == Some(b'}') {
            self.bump();
            return Ok(Json::Object(Object::new()));
        }
        loop {
            self.whitespace();
            if self.peek() != Some(b'"') {
                return Err(self.error(JsonErrorKind::Syntax("a key in quotes")));
            }
            let key_at = self.at;
            let key = self.string()?;
            self.whitespace();
            self.expect(b':', "`:`")?; // ok: the reader's own check, an error value
            let value = self.value(depth).map_err(|error| within(error, &key))?;
            members.push((key, value, key_at));
            self.whitespace();
            match self.peek() {
                Some(b',') => self.bump(),
                Some(b'}') => {
                    self.bump();
                    return sorted(members).map(Json::Object);
                }
                _ => return Err(self.error(JsonErrorKind::Syntax("`,` or `}`"))),
            }
        }
    }

    /// A number's text, checked against JSON's grammar: `-? (0 | [1-9][0-9]*) (. [0-9]+)?
    /// ([eE] [+-]? [0-9]+)?`.
    fn number(&mut self) -> Result<Json, JsonError> {
        let start = self.at;
        if self.peek() == Some(b'-') {
            self.bump();
        }
        match self.peek() {
            Some(b'0') => self.bump(),
            Some(b'1'..=b'9') => self.digits(),
            _ => return Err(self.error(JsonErrorKind::Syntax("a digit"))),
        }
        if self.peek() == Some(b'.') {
            self.bump();
            self.one_or_more_digits()?;
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.bump();
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.bump();
            }
            self.one_or_more_digits()?;
        }
        let text =
            self.text.get(start..self.at).ok_or_else(|| self.error(JsonErrorKind::Syntax("a number")))?;
        Ok(Json::Number(text.into()))
    }

    fn digits(&mut self) {
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.bump();
        }
    }

    fn one_or_more_digits(&mut self) -> Result<(), JsonError> {
        if !matches!(self.peek(), Some(b'0'..=b'9')) {
            return Err(self.error(JsonErrorKind::Syntax("a digit")));
        }
        self.digits();
        Ok(())
    }

    /// A string at the opening quote, unescaped.
    fn string(&mut self) -> Result<String, JsonError> {
        self.bump();
        let mut text = String::new();
        loop {
            // Copy the run of plain characters at once (the text is UTF-8 already).
            let run = self.at;
            while matches!(self.peek(), Some(byte) if byte != b'"' && byte != b'\\' && byte >= 0x20) {
                self.bump();
            }
            text.push_str(self.text.get(run..self.at).unwrap_or_default());
            match self.peek() {
                Some(b'"') => {
                    self.bump();
                    return Ok(text);
                }
                Some(b'\\') => {
                    self.bump();
                    text.push(self.escape()?);
                }
                Some(_) => return Err(self.error(JsonErrorKind::Syntax("no control character in a string"))),
                None => return Err(self.error(JsonErrorKind::Syntax("the string's closing quote"))),
            }
        }
    }

    /// The character of an escape, after its backslash.
    fn escape(&mut self) -> Result<char, JsonError> {
        let byte = self.peek().ok_or_else(|| self.error(JsonErrorKind::Syntax("an escape")))?;
        self.bump();
        Ok(match byte {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let first = self.hex4()?;
                if (0xD800..0xDC00).contains(&first) {
                    // A high surrogate must be followed by an escaped low one.
                    if self.bytes.get(self.at..self.at.saturating_add(2)) != Some(b"\\u") {
                        return Err(self.error(JsonErrorKind::Syntax("a low surrogate")));
                    }
                    self.at = self.at.saturating_add(2);
                    let second = self.hex4()?;
                    if !(0xDC00..0xE000).contains(&second) {
                        return Err(self.error(JsonErrorKind::Syntax("a low surrogate")));
                    }
                    let code = 0x10000u32
                        .saturating_add(first.saturating_sub(0xD800).saturating_mul(0x400))
                        .saturating_add(second.saturating_sub(0xDC00));
                    char::from_u32(code).ok_or_else(|| self.error(JsonErrorKind::Syntax("a character")))?
                } else {
                    char::from_u32(first).ok_or_else(|| self.error(JsonErrorKind::Syntax("a character")))?
                }
            }
            _ => return Err(self.error(JsonErrorKind::Syntax("an escape"))),
        })
    }

    fn hex4(&mut self) -> Result<u32, JsonError> {
        let end = self.at.saturating_add(4);
        let digits = self.text.get(self.at..end).filter(|d| d.bytes().all(|b| b.is_ascii_hexdigit()));
        let code = digits.and_then(|d| u32::from_str_radix(d, 16).ok());
        let code = code.ok_or_else(|| self.error(JsonErrorKind::Syntax("four hex digits")))?;
        self.at = end;
        Ok(code)
    }
}

/// The members sorted by key, or the first repeated key (by its place in the text).
fn sorted(mut members: Vec<(String, Json, usize)>) -> Result<Object, JsonError> {
    // By key, then by offset, so that of equal keys the first written stays first (a total
    // order: the unstable sort, smaller in the wasm than the stable one, gives the same result).
    members.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(a.2.cmp(&b.2)));
    let repeated = members
        .windows(2)
        .filter_map(|pair| match pair {
            [(first, ..), (second, _, at)] if first == second => Some((*at, second)),
            _ => None,
        })
        .min_by_key(|(at, _)| *at);
    if let Some((offset, key)) = repeated {
        let pointer = format!("/{}", pointer_token(key));
        return Err(JsonError { kind: JsonErrorKind::DuplicateKey, offset, pointer });
    }
    Ok(Object::from_sorted(members.into_iter().map(|(key, value, _)| (key, value)).collect()))
}

/// The error of a value inside a member or item `token`: its pointer gains the token in front.
fn within(mut error: JsonError, token: &str) -> JsonError {
    error.pointer = format!("/{}{}", pointer_token(token), error.pointer);
    error
}
