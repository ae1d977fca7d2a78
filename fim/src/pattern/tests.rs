use super::{PatternError, translate};

/// The anchored regex of a translated pattern.
fn matcher(xsd: &str) -> regex_lite::Regex {
    let translated = translate(xsd).unwrap_or_else(|e| panic!("{xsd}: {e:?}"));
    regex_lite::Regex::new(&format!("^(?:{translated})$")).expect("compiles")
}

#[test]
fn translations() {
    let cases: &[(&str, &str)] = &[
        ("[0-9]{5}", "[0-9]{5}"),
        ("abc", "abc"),
        // ^ and $ are plain characters in XSD.
        ("^a$", r"\^a\$"),
        ("a|b(c|d)*", "a|b(c|d)*"),
        (".", r"[^\x{A}\x{D}]"),
        (r"\s", r"[\x{9}\x{A}\x{D}\x{20}]"),
        (r"\n", r"\x{A}"),
        (r"\.\-\?", r"\.\-\?"),
        ("[a-z-[aeiou]]", "[b-df-hj-np-tv-z]"),
        ("[^0-9]", r"[^0-9]"),
        ("[-a]", r"[\-a]"),
        ("[a-]", r"[\-a]"),
        ("[ÄÖÜäöüß]", "[ÄÖÜßäöü]"),
        ("a{2,}", "a{2,}"),
        ("#&~", r"\#\&\~"),
    ];
    for (xsd, expected) in cases {
        assert_eq!(translate(xsd).as_deref(), Ok(*expected), "{xsd}");
    }
}

#[test]
fn translated_patterns_mean_what_xsd_means() {
    // (pattern, matches, does not match)
    let cases: &[(&str, &[&str], &[&str])] = &[
        (r"\d{5}", &["10557", "١٢٣٤٥", "12３45"], &["1055", "10557a", "abcde"]),
        (r"\D+", &["abc", "ä-ö"], &["a1"]),
        (".*", &["", "ab c", "ä€"], &["a\nb", "a\rb"]),
        (r"\S+", &["abc", "ä"], &["a b", "a\tb"]),
        ("[a-z-[aeiou]]+", &["bcd", "xyz"], &["bad", "B"]),
        ("[^a-c]", &["d", "ä", "\n"], &["a", "b", "c"]),
        ("[^a-z-[xyz]]", &["A", "1"], &["a", "x"]),
        ("^$", &["^$"], &["", "^"]),
        ("ab|cd", &["ab", "cd"], &["abcd", "a"]),
        (r"[\n\t ]", &["\n", "\t", " "], &["\r", "a"]),
        (r"\p", &[], &[]),
    ];
    for (xsd, yes, no) in cases.iter().filter(|(xsd, ..)| *xsd != r"\p") {
        let regex = matcher(xsd);
        for text in *yes {
            assert!(regex.is_match(text), "{xsd} matches {text:?}");
        }
        for text in *no {
            assert!(!regex.is_match(text), "{xsd} does not match {text:?}");
        }
    }
}

#[test]
fn what_cannot_be_said_exactly_is_refused() {
    let untranslatable = [r"[\p{L}0-9. ]*", r"\P{Lu}", r"\w+", r"\W", r"\i\c*", r"[\I]", "[a-[a]]"];
    for xsd in untranslatable {
        assert!(
            matches!(translate(xsd), Err(PatternError::Untranslatable(_))),
            "{xsd}: {:?}",
            translate(xsd)
        );
    }
    // XSD has no lazy quantifiers: "a*?" is a quantifier on a quantifier.
    let invalid = [
        "[a-z", "(ab", "ab)", "*a", "a{2", "a{3,2}", r"\q", "[z-a]", "(?:a)", "[a[b]]", "a\\", "a{2,3}?",
        "a*?",
    ];
    for xsd in invalid {
        assert!(matches!(translate(xsd), Err(PatternError::Invalid(_))), "{xsd}: {:?}", translate(xsd));
    }
}
