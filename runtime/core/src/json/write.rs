//! Writing JSON back as compact text (numbers exactly as they were read): for messages that
//! quote a value, without serde_json's generic serialiser.

use super::Json;
use std::fmt::{self, Display, Formatter, Write};

impl Display for Json {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match self {
            Json::Null => f.write_str("null"),
            Json::Bool(b) => write!(f, "{b}"),
            Json::Number(text) => f.write_str(text),
            Json::String(text) => string(f, text),
            Json::Array(items) => {
                f.write_char('[')?;
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        f.write_char(',')?;
                    }
                    write!(f, "{item}")?;
                }
                f.write_char(']')
            }
            Json::Object(object) => {
                f.write_char('{')?;
                for (i, (key, value)) in object.iter().enumerate() {
                    if i > 0 {
                        f.write_char(',')?;
                    }
                    string(f, key)?;
                    write!(f, ":{value}")?;
                }
                f.write_char('}')
            }
        }
    }
}

/// A JSON string literal: quotes, backslashes and control characters escaped.
fn string(f: &mut Formatter<'_>, text: &str) -> fmt::Result {
    f.write_char('"')?;
    for c in text.chars() {
        match c {
            '"' => f.write_str("\\\"")?,
            '\\' => f.write_str("\\\\")?,
            '\n' => f.write_str("\\n")?,
            '\r' => f.write_str("\\r")?,
            '\t' => f.write_str("\\t")?,
            c if u32::from(c) < 0x20 => write!(f, "\\u{:04x}", u32::from(c))?,
            c => f.write_char(c)?,
        }
    }
    f.write_char('"')
}

#[cfg(test)]
mod tests {
    use crate::json::parse;

    #[test]
    fn writes_what_it_read() {
        let text = r#"{"a":[1,-2.50,1e-7,true,null],"b":"x\"\\\n\u0001ä","c":{}}"#;
        let value = parse(text).expect("JSON"); // ok: test
        assert_eq!(value.to_string(), text);
        assert_eq!(parse(&value.to_string()), Ok(value));
    }
}
