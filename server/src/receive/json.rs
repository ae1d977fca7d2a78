//! Reading the payload JSON for routing (form id, language, attachments): recursion-bounded
//! (serde_json stops at 128 levels, so 100,000 brackets are an error, not a stack overflow) and
//! numbers that fit an `f64` (10,000 digits are refused). The verdict itself reads the stored
//! text again with core's exact reader (`check.rs`), which refuses a key written twice
//! (`duplicateKey` at its pointer): serde_json keeps the last, another parser the first, so
//! `{"iban": A, "iban": B}` would mean one thing to the check and another to a back office.

use serde_json::Value;

/// The payload, or why it is not one.
pub fn parse(bytes: &[u8]) -> Result<Value, String> {
    let value: Value = serde_json::from_slice(bytes).map_err(|error| format!("not JSON: {error}"))?;
    if value.is_object() { Ok(value) } else { Err("the body is no JSON object".into()) }
}

#[cfg(test)]
mod tests {
    use super::parse;

    #[test]
    fn strict_json() {
        assert!(parse(br#"{"a": [1, {"b": 2}], "c": "x"}"#).is_ok());
        assert_eq!(parse(b"[1, 2]").unwrap_err(), "the body is no JSON object");
        assert!(parse(br#"{"a": {"b": 1, "c": {"b": 2}}}"#).is_ok(), "the same key in two objects");
        let deep = format!("{{\"a\": {}{}}}", "[".repeat(100_000), "]".repeat(100_000));
        assert!(parse(deep.as_bytes()).unwrap_err().contains("recursion"));
        let long = format!("{{\"n\": 1{}}}", "0".repeat(10_000));
        assert!(parse(long.as_bytes()).is_err());
    }
}
