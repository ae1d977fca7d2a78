use super::*;

fn error(text: &str) -> (JsonErrorKind, usize, String) {
    let error = parse(text).expect_err("not JSON the engine reads"); // ok: test
    (error.kind, error.offset, error.pointer)
}

#[test]
fn values() {
    let value =
        parse(r#" {"a": [1, -2.50, 1e-7, true, false, null], "b": "x\"\u00e4\ud83d\ude00\n", "c": {}} "#);
    let value = value.expect("JSON"); // ok: test
    let numbers = ["1", "-2.50", "1e-7"].map(|n| Json::Number(n.into()));
    let [one, two, three] = numbers;
    assert_eq!(
        value.get("a"),
        Some(&Json::Array(vec![one, two, three, Json::Bool(true), Json::Bool(false), Json::Null]))
    );
    assert_eq!(value.get("b").and_then(Json::as_str), Some("x\"ä😀\n"));
    assert_eq!(value.get("c"), Some(&Json::Object(Object::new())));
    assert_eq!(parse("18446744073709551615").ok().and_then(|v| v.as_u64()), Some(u64::MAX));
    assert_eq!(parse("1.0").ok().and_then(|v| v.as_u64()), None);
}

#[test]
fn numbers_keep_their_text() {
    let long = format!("-{}.{}e+12", "9".repeat(10_000), "1".repeat(50));
    assert_eq!(parse(&long), Ok(Json::Number(long.as_str().into())));
    assert_eq!(parse("100000.000000000000001"), Ok(Json::Number("100000.000000000000001".into())));
}

#[test]
fn duplicate_keys_at_their_pointer() {
    assert_eq!(error(r#"{"a": 1, "a": 2}"#), (JsonErrorKind::DuplicateKey, 9, "/a".into()));
    assert_eq!(
        error(r#"{"answers": {"x": [{"n": 1}, {"n/~": 1, "n/~": 2}]}}"#),
        (JsonErrorKind::DuplicateKey, 40, "/answers/x/1/n~1~0".into())
    );
}

#[test]
fn syntax_errors_with_offset_and_pointer() {
    assert_eq!(error(""), (JsonErrorKind::Syntax("a value"), 0, String::new()));
    assert_eq!(error("[1,]"), (JsonErrorKind::Syntax("a value"), 3, "/1".into()));
    assert_eq!(error(r#"{"a": 01}"#), (JsonErrorKind::Syntax("`,` or `}`"), 7, String::new()));
    assert_eq!(error(r#"{"a": {"b": tru}}"#), (JsonErrorKind::Syntax("a value"), 12, "/a/b".into()));
    for bad in [
        "{",
        "[",
        "\"",
        "\"\\x\"",
        "\"\u{1}\"",
        "\"\\ud800\"",
        "\"\\udc00\"",
        "\"\\u12\"",
        "1.",
        "-",
        "1e",
        "+1",
        ".5",
        "[1 2]",
        "{\"a\" 1}",
        "{1: 2}",
        "nul",
        "1 2",
        "NaN",
        "Infinity",
    ] {
        assert!(parse(bad).is_err(), "{bad:?} must not read");
    }
}

#[test]
fn depth_is_bounded() {
    let deep = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
    assert!(parse(&deep(MAX_DEPTH)).is_ok());
    assert_eq!(error(&deep(MAX_DEPTH + 1)).0, JsonErrorKind::TooDeep);
    // Far deeper than any stack allows, and still an error value.
    assert_eq!(error(&"[".repeat(1_000_000)).0, JsonErrorKind::TooDeep);
}

#[test]
fn positions_count_lines_and_characters() {
    let text = "{\n  \"ä\": 1,\n  \"ä\": 2\n}";
    let error = parse(text).expect_err("duplicate"); // ok: test
    assert_eq!(error.position(text), crate::diagnostic::Position { line: 3, column: 3 });
}
