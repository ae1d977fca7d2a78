//! A small ordered JSON value, so a definition reads as an author writes one (`id`, `type`,
//! `label` first) without switching serde_json's maps to insertion order for the whole
//! workspace. Short objects and arrays stay on one line.

use std::fmt::Write;

/// A JSON value whose objects keep their key order.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Json {
    Str(String),
    /// A number, already in JSON syntax.
    Num(String),
    Bool(bool),
    Arr(Vec<Json>),
    Obj(Vec<(String, Json)>),
}

/// Lines up to this many characters stay on one line.
const WIDTH: usize = 100;

impl Json {
    pub(crate) fn obj() -> Json {
        Json::Obj(Vec::new())
    }

    pub(crate) fn str(text: impl Into<String>) -> Json {
        Json::Str(text.into())
    }

    pub(crate) fn int(n: u64) -> Json {
        Json::Num(n.to_string())
    }

    /// Adds `key` (objects only).
    pub(crate) fn set(&mut self, key: &str, value: Json) {
        if let Json::Obj(entries) = self {
            entries.push((key.to_owned(), value));
        }
    }

    /// Builder form of [`Json::set`].
    pub(crate) fn with(mut self, key: &str, value: Json) -> Json {
        self.set(key, value);
        self
    }

    /// Adds `key` when there is a value.
    pub(crate) fn with_opt(self, key: &str, value: Option<Json>) -> Json {
        match value {
            Some(value) => self.with(key, value),
            None => self,
        }
    }

    pub(crate) fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Obj(entries) => entries.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// The text, pretty-printed, ending in a newline.
    pub(crate) fn pretty(&self) -> String {
        let mut out = String::new();
        self.write(&mut out, 0);
        out.push('\n');
        out
    }

    fn compact(&self) -> String {
        match self {
            Json::Str(s) => quote(s),
            Json::Num(n) => n.clone(),
            Json::Bool(b) => b.to_string(),
            Json::Arr(items) => {
                format!("[{}]", items.iter().map(Json::compact).collect::<Vec<_>>().join(", "))
            }
            Json::Obj(entries) => format!(
                "{{{}}}",
                entries
                    .iter()
                    .map(|(k, v)| format!("{}: {}", quote(k), v.compact()))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        }
    }

    fn write(&self, out: &mut String, indent: usize) {
        let one_line = self.compact();
        if indent + one_line.chars().count() <= WIDTH && !self.broken() {
            out.push_str(&one_line);
            return;
        }
        let pad = " ".repeat(indent + 2);
        match self {
            Json::Arr(items) => {
                out.push_str("[\n");
                for (i, item) in items.iter().enumerate() {
                    out.push_str(&pad);
                    item.write(out, indent + 2);
                    out.push_str(if i + 1 < items.len() { ",\n" } else { "\n" });
                }
                let _ = write!(out, "{}]", " ".repeat(indent));
            }
            Json::Obj(entries) => {
                out.push_str("{\n");
                for (i, (key, value)) in entries.iter().enumerate() {
                    let _ = write!(out, "{pad}{}: ", quote(key));
                    value.write(out, indent + 2);
                    out.push_str(if i + 1 < entries.len() { ",\n" } else { "\n" });
                }
                let _ = write!(out, "{}}}", " ".repeat(indent));
            }
            _ => out.push_str(&one_line),
        }
    }

    /// Lists of several objects (steps, fields, options) go one per line, however short.
    fn broken(&self) -> bool {
        match self {
            Json::Arr(items) => {
                (items.len() > 1 && items.iter().all(|item| matches!(item, Json::Obj(_))))
                    || items.iter().any(Json::broken)
            }
            Json::Obj(entries) => entries.iter().any(|(_, value)| value.broken()),
            _ => false,
        }
    }
}

fn quote(text: &str) -> String {
    serde_json::Value::String(text.to_owned()).to_string()
}

#[cfg(test)]
mod tests {
    use super::Json;

    #[test]
    fn keeps_key_order_and_breaks_long_lines() {
        let field = Json::obj()
            .with("id", Json::str("b"))
            .with("type", Json::str("text"))
            .with("a", Json::Bool(true));
        assert_eq!(field.pretty(), "{\"id\": \"b\", \"type\": \"text\", \"a\": true}\n");
        let long = Json::obj().with("label", Json::str("x".repeat(120))).with("n", Json::int(3));
        assert_eq!(long.pretty(), format!("{{\n  \"label\": \"{}\",\n  \"n\": 3\n}}\n", "x".repeat(120)));
        let id = |id: &str| Json::obj().with("id", Json::str(id));
        let steps = Json::obj()
            .with("steps", Json::Arr(vec![Json::obj().with("fields", Json::Arr(vec![id("f"), id("g")]))]));
        assert_eq!(
            steps.pretty(),
            "{\n  \"steps\": [\n    {\n      \"fields\": [\n        {\"id\": \"f\"},\n        {\"id\": \"g\"}\n      ]\n    }\n  ]\n}\n"
        );
        assert_eq!(Json::str("a\"\n").pretty(), "\"a\\\"\\n\"\n");
    }
}
