//! Reading the payload JSON strictly: recursion-bounded (serde_json stops at 128 levels, so
//! 100,000 brackets are an error, not a stack overflow), numbers that fit an `f64` (10,000
//! digits are refused), and no object with a key twice. Duplicate keys matter: `serde_json`
//! keeps the last, another parser the first, so `{"iban": A, "iban": B}` would mean one thing
//! to this check and another to a back office reading the stored text.

use std::collections::HashSet;
use std::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::Value;

/// The payload, or why it is not one.
pub fn parse(bytes: &[u8]) -> Result<Value, String> {
    serde_json::from_slice::<Unique>(bytes).map_err(|error| format!("not JSON: {error}"))?;
    let value: Value = serde_json::from_slice(bytes).map_err(|error| format!("not JSON: {error}"))?;
    if value.is_object() { Ok(value) } else { Err("the body is no JSON object".into()) }
}

/// A JSON value whose objects have unique keys (its content is not kept).
struct Unique;

impl<'de> Deserialize<'de> for Unique {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Unique, D::Error> {
        deserializer.deserialize_any(UniqueVisitor)
    }
}

struct UniqueVisitor;

impl<'de> Visitor<'de> for UniqueVisitor {
    type Value = Unique;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("JSON")
    }

    fn visit_bool<E>(self, _: bool) -> Result<Unique, E> {
        Ok(Unique)
    }
    fn visit_i64<E>(self, _: i64) -> Result<Unique, E> {
        Ok(Unique)
    }
    fn visit_u64<E>(self, _: u64) -> Result<Unique, E> {
        Ok(Unique)
    }
    fn visit_f64<E>(self, _: f64) -> Result<Unique, E> {
        Ok(Unique)
    }
    fn visit_str<E>(self, _: &str) -> Result<Unique, E> {
        Ok(Unique)
    }
    fn visit_unit<E>(self) -> Result<Unique, E> {
        Ok(Unique)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Unique, A::Error> {
        while seq.next_element::<Unique>()?.is_some() {}
        Ok(Unique)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Unique, A::Error> {
        let mut seen = HashSet::new();
        while let Some(key) = map.next_key::<String>()? {
            map.next_value::<Unique>()?;
            if let Some(key) = seen.replace(key) {
                return Err(de::Error::custom(format!("the key {key:?} appears twice in one object")));
            }
        }
        Ok(Unique)
    }
}

#[cfg(test)]
mod tests {
    use super::parse;

    #[test]
    fn strict_json() {
        assert!(parse(br#"{"a": [1, {"b": 2}], "c": "x"}"#).is_ok());
        assert_eq!(parse(b"[1, 2]").unwrap_err(), "the body is no JSON object");
        assert!(parse(br#"{"a": {"b": 1, "c": {"b": 2}}}"#).is_ok(), "the same key in two objects");
        assert!(parse(br#"{"a": 1, "a": 2}"#).unwrap_err().contains("appears twice"));
        assert!(parse(br#"{"x": [{"a": 1, "b": 2, "a": 3}]}"#).unwrap_err().contains("\"a\" appears twice"));
        let deep = format!("{{\"a\": {}{}}}", "[".repeat(100_000), "]".repeat(100_000));
        assert!(parse(deep.as_bytes()).unwrap_err().contains("recursion"));
        let long = format!("{{\"n\": 1{}}}", "0".repeat(10_000));
        assert!(parse(long.as_bytes()).is_err());
    }
}
