//! One JSON reading for everything the engine checks: numbers keep their text (never a
//! binary float), a duplicate key is an error at its JSON Pointer (so what is checked is
//! exactly what is stored), nesting depth is bounded and the work is linear in the text.
//! Small on purpose: no generic deserialisation and no float formatting reach the wasm.

mod build;
mod read;
mod write;

pub use read::{MAX_DEPTH, parse};

/// A JSON value. Numbers are their text as written (checked against JSON's grammar).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Json {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number, exactly as written (`-12.50`, `1e-7`).
    Number(Box<str>),
    /// A string, unescaped.
    String(String),
    /// An array.
    Array(Vec<Json>),
    /// An object; every key occurs once.
    Object(Object),
}

/// The members of a JSON object, sorted by key, each key once. (A sorted list rather than a
/// tree: built in one sort after reading, it is several times faster for the 80,000 keys a
/// hostile payload may hold, and looking up is a binary search all the same.)
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Object {
    members: Vec<(String, Json)>,
}

impl Object {
    /// An object of `members` already sorted by key, each key once.
    fn from_sorted(members: Vec<(String, Json)>) -> Object {
        Object { members }
    }

    /// An object without members.
    pub fn new() -> Object {
        Object::default()
    }

    /// The value of member `key`.
    pub fn get(&self, key: &str) -> Option<&Json> {
        let at = self.members.binary_search_by(|(known, _)| known.as_str().cmp(key)).ok()?;
        self.members.get(at).map(|(_, value)| value)
    }

    /// The members, by key.
    pub fn iter(&self) -> impl Iterator<Item = (&String, &Json)> {
        self.members.iter().map(|(key, value)| (key, value))
    }

    /// The keys, sorted.
    pub fn keys(&self) -> impl Iterator<Item = &String> {
        self.members.iter().map(|(key, _)| key)
    }

    /// Whether member `key` exists.
    pub fn contains_key(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    /// How many members there are.
    pub fn len(&self) -> usize {
        self.members.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.members.is_empty()
    }
}

impl<'a> IntoIterator for &'a Object {
    type Item = (&'a String, &'a Json);
    type IntoIter = std::iter::Map<
        std::slice::Iter<'a, (String, Json)>,
        fn(&'a (String, Json)) -> (&'a String, &'a Json),
    >;

    fn into_iter(self) -> Self::IntoIter {
        self.members.iter().map(|(key, value)| (key, value))
    }
}

impl Json {
    /// The member `key` of an object.
    pub fn get(&self, key: &str) -> Option<&Json> {
        self.as_object()?.get(key)
    }

    /// The members, if this is an object.
    pub fn as_object(&self) -> Option<&Object> {
        match self {
            Json::Object(object) => Some(object),
            _ => None,
        }
    }

    /// The items, if this is an array.
    pub fn as_array(&self) -> Option<&Vec<Json>> {
        match self {
            Json::Array(items) => Some(items),
            _ => None,
        }
    }

    /// Whether this is a number.
    pub fn is_number(&self) -> bool {
        matches!(self, Json::Number(_))
    }

    /// The text, if this is a string.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::String(text) => Some(text),
            _ => None,
        }
    }

    /// The value, if this is a whole number from 0 to `u64::MAX` written without a fraction
    /// or exponent.
    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Json::Number(text) => text.parse().ok(),
            _ => None,
        }
    }
}

/// Why a text is not JSON the engine reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonError {
    /// What is wrong.
    pub kind: JsonErrorKind,
    /// The byte offset in the text where it was found.
    pub offset: usize,
    /// The JSON Pointer of the value being read (for a duplicate key: the key's member).
    pub pointer: String,
}

/// The kinds of [`JsonError`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JsonErrorKind {
    /// Not JSON: what was expected at the offset.
    Syntax(&'static str),
    /// An object names the same key twice.
    DuplicateKey,
    /// Arrays and objects nested deeper than [`MAX_DEPTH`].
    TooDeep,
}

impl JsonError {
    /// Line and column (both from 1, the column in characters) of the error in `text`.
    pub fn position(&self, text: &str) -> crate::diagnostic::Position {
        let before = text.get(..self.offset).unwrap_or(text);
        let line = before.bytes().filter(|&b| b == b'\n').count().saturating_add(1);
        let line_start = before.rfind('\n').map_or(0, |at| at.saturating_add(1));
        let column = before.get(line_start..).map_or(0, |rest| rest.chars().count()).saturating_add(1);
        crate::diagnostic::Position { line, column }
    }

    /// A short English description, for logs and the loader's syntax diagnostic.
    pub fn detail(&self) -> String {
        match self.kind {
            JsonErrorKind::Syntax(expected) => format!("expected {expected}"),
            JsonErrorKind::DuplicateKey => format!("duplicate key at \"{}\"", self.pointer),
            JsonErrorKind::TooDeep => format!("nested deeper than {MAX_DEPTH} levels"),
        }
    }
}

/// A JSON Pointer token: `~` and `/` escaped (RFC 6901).
pub(crate) fn pointer_token(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

#[cfg(test)]
mod tests;
