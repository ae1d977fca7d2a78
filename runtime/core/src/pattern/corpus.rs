//! The cases both engines must agree on: each pattern with texts it must and must not match.
//! The test below runs them through `regex-lite` and writes them, in ECMAScript syntax, to
//! `tests/fixtures/patterns.json`, which `tests/e2e/patterns.test.mjs` runs through `RegExp`
//! (V8, Chromium's engine). A stale fixture fails the test: `FORMLOTSE_BLESS=1 cargo test -p
//! formlotse-core pattern` writes it anew.

use super::Dialect;

/// (pattern, texts it matches, texts it does not match).
pub(super) const CASES: &[(&str, &[&str], &[&str])] = &[
    ("[0-9]{5}", &["48143", "00000"], &["4814", "481430", "4814a", "٤٨١٤٣"]),
    (
        "[A-ZÄÖÜ]{1,3}-[A-Z]{1,2} [1-9][0-9]{0,3}[EH]?",
        &["MS-AB 123", "ÖHR-X 1E"],
        &["ms-AB 123", "MS-AB 0123", "MS-AB 123 "],
    ),
    ("[0-9]{1,6}( ?[A-Z]{1,2})?", &["12345", "12 AB", "1A"], &["12  AB", "ABC"]),
    ("a|b(c|d)*", &["a", "b", "bcdc"], &["ab", "", "bce"]),
    ("(?:ab)+|x?", &["abab", "", "x"], &["aba", "xx"]),
    (".", &["a", "ä", "\r", "😀", "\u{2028}"], &["\n", "", "ab"]),
    (".*", &["", "eins\tzwei\r"], &["a\nb"]),
    (r"\d+", &["0123456789"], &["٣", "1.5", "¹"]),
    (r"\D", &["a", "٣"], &["7"]),
    (r"\w+", &["Abc_09"], &["ä", "a-b", "ß"]),
    (r"\W", &["-", "ä", " "], &["a", "_"]),
    (
        r"a\sb",
        &["a b", "a\tb", "a\u{b}b", "a\u{c}b", "a\rb", "a\nb"],
        &["a\u{a0}b", "a\u{2003}b", "a\u{feff}b", "ab"],
    ),
    (r"\S+", &["abc"], &["a b", "\u{a0}x y"]),
    (r"[\d\s]+", &["1 2\t3"], &["1\u{a0}2", "a"]),
    (r"[^a-z]", &["A", "ä", "\n", "-"], &["a", "z"]),
    (r"[\-a]", &["-", "a"], &["b"]),
    ("[a-]", &["-", "a"], &["b"]),
    ("[-a]", &["-"], &["b"]),
    (r"[\]\[\\^]", &["]", "[", "\\", "^"], &["a"]),
    (r"\.\-\?\#\&\~\/", &[".-?#&~/"], &["a-?#&~/"]),
    (r"\x{A}\x41\x{1F600}", &["\nA😀"], &["\nA"]),
    (r"\n\t\r", &["\n\t\r"], &["ntr"]),
    ("ä|ß|É", &["ä", "ß", "É"], &["Ä", "é", "ss"]),
    ("a{2}", &["aa"], &["a", "aaa"]),
    ("a{2,}", &["aa", "aaaa"], &["a"]),
    ("a{0,2}", &["", "a", "aa"], &["aaa"]),
    ("a{0}", &[""], &["a"]),
    ("a+?b*?", &["a", "aabb"], &["b"]),
    ("^ab$", &["ab"], &["ab\n", "\nab"]),
    ("a^b", &[], &["ab", "a^b"]),
    ("", &[""], &["a"]),
    ("()|(a)", &["", "a"], &["aa"]),
    (
        "DE[0-9]{2}( ?[0-9]{4}){4} ?[0-9]{2}",
        &["DE02 1203 0000 0000 2020 51", "DE02120300000000202051"],
        &["DE02 1203"],
    ),
];

/// Patterns outside the dialect: each engine reads them differently, or one does not at all.
pub(super) const REFUSED: &[&str] = &[
    "(?i)abc",
    "(?=a)",
    "(?!a)",
    "(?<=a)b",
    "(?P<name>a)",
    "(?<name>a)",
    r"(a)\1",
    r"\bword\b",
    r"\p{L}",
    r"\P{L}",
    r"\A",
    r"\z",
    r"\u0041",
    r"\cA",
    "[[:alpha:]]",
    "[a&&b]",
    "[a--b]",
    "[a~~b]",
    "[]a]",
    "[^]",
    "[a",
    "[[a]]",
    "a]",
    "a}",
    "{2}",
    "a{2",
    "a{,2}",
    "a{3,2}",
    "a{1001}",
    "a**",
    "a+*",
    "^*",
    "(a",
    "a)",
    "*",
    "+a",
    r"\",
    r"[\D]",
    r"[a-\d]",
    "[z-a]",
    r"\x{110000}",
    r"\x{D800}",
    r"\xZZ",
    "(a{1000}){1000}",
    "((((a{10}){10}){10}){10}){10}",
];

/// The heaviest patterns the dialect takes still compile in `regex-lite`, so a definition that
/// loads in the browser loads on the server too.
#[test]
fn the_heaviest_patterns_compile_on_the_server() {
    for pattern in [r"(?:[a-z0-9\x{C4}-\x{DF}]{1000}){16}", "(?:(?:(?:(?:a{10}){10}){10}){10}){4}"] {
        let dialect = Dialect::parse(pattern).unwrap_or_else(|e| panic!("{pattern}: {e}")); // ok: test
        assert!(super::parse::weight_of(&dialect) > super::parse::MAX_WEIGHT / 2, "{pattern} is heavy");
        regex_lite::Regex::new(&dialect.to_regex_lite()).expect("regex-lite compiles it"); // ok: test
    }
}

#[test]
fn both_engines_agree_on_the_corpus() {
    let mut fixture = String::from("[\n");
    for (pattern, matching, not_matching) in CASES {
        let dialect = Dialect::parse(pattern).unwrap_or_else(|e| panic!("{pattern}: {e}")); // ok: test
        let regex = regex_lite::Regex::new(&dialect.to_regex_lite()).expect("regex-lite reads it"); // ok: test
        for text in *matching {
            assert!(regex.is_match(text), "{pattern} must match {text:?}");
        }
        for text in *not_matching {
            assert!(!regex.is_match(text), "{pattern} must not match {text:?}");
        }
        let texts = |texts: &[&str]| {
            texts.iter().map(|t| crate::json::Json::from(*t).to_string()).collect::<Vec<_>>().join(", ")
        };
        fixture.push_str(&format!(
            "  {{\"pattern\": {}, \"ecmascript\": {}, \"matches\": [{}], \"misses\": [{}]}},\n",
            crate::json::Json::from(*pattern),
            crate::json::Json::from(dialect.to_ecmascript()),
            texts(matching),
            texts(not_matching),
        ));
    }
    let fixture = format!("{}\n]\n", fixture.trim_end_matches(",\n"));
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/patterns.json");
    if std::env::var_os("FORMLOTSE_BLESS").is_some() {
        std::fs::write(&path, &fixture).expect("write the fixture"); // ok: test
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == fixture,
        "tests/fixtures/patterns.json is stale: FORMLOTSE_BLESS=1 cargo test -p formlotse-core pattern"
    );
}

#[test]
fn patterns_outside_the_dialect_are_refused() {
    for pattern in REFUSED {
        assert!(Dialect::parse(pattern).is_err(), "{pattern} must be refused");
    }
}
