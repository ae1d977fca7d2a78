//! Input that cannot be imported: clear errors, in bounded time and memory.

use formlotse_fim::{CodeLists, ImportErrorKind, MAX_INPUT_BYTES, import};

#[test]
fn errors_name_the_line_and_what_was_found() {
    // (input, kind, line, words)
    let cases: &[(&str, ImportErrorKind, Option<u32>, &str)] = &[
        ("<a>\n<b></a>", ImportErrorKind::Malformed, Some(2), "not well-formed XML at column"),
        ("", ImportErrorKind::Malformed, Some(1), "not well-formed XML"),
        ("<!DOCTYPE x [<!ENTITY a \"aaaa\">]><x>&a;</x>", ImportErrorKind::Malformed, Some(1), "DTD"),
        (
            "<x:schema xmlns:x=\"urn:xoev-de:fim:standard:xdatenfelder_1\"/>",
            ImportErrorKind::NotXDatenfelder,
            Some(1),
            "the root element is {urn:xoev-de:fim:standard:xdatenfelder_1}schema; expected an XDatenfelder 2.0",
        ),
        ("<html/>", ImportErrorKind::NotXDatenfelder, Some(1), "html without a namespace"),
        (
            "<x:xdatenfelder.codeliste.0105 xmlns:x=\"urn:xoev-de:fim:standard:xdatenfelder_2\"/>",
            ImportErrorKind::NotXDatenfelder,
            Some(1),
            "expected a xdatenfelder.stammdatenschema.0102 or xdatenfelder.datenfeldgruppe.0103 message",
        ),
        (
            "<x:xdatenfelder.stammdatenschema.0102 xmlns:x=\"urn:xoev-de:fim:standard:xdatenfelder_3.0.0\">\n<x:stammdatenschema/></x:xdatenfelder.stammdatenschema.0102>",
            ImportErrorKind::Incomplete,
            Some(2),
            "stammdatenschema without identifikation/id",
        ),
    ];
    for (input, kind, line, words) in cases {
        let error = import(input, &CodeLists::new()).expect_err(input);
        assert_eq!((error.kind, error.line), (*kind, *line), "{input}: {error}");
        assert!(error.message.contains(words), "{input}: {}", error.message);
    }
}

#[test]
fn a_50_mb_file_is_refused_before_parsing() {
    let huge = "<".repeat(50 * 1024 * 1024);
    let error = import(&huge, &CodeLists::new()).expect_err("too large");
    assert_eq!(error.kind, ImportErrorKind::TooLarge);
    assert!(error.message.contains(&MAX_INPUT_BYTES.to_string()), "{error}");
}

#[test]
fn groups_nested_too_deep_are_an_error() {
    let mut structure =
        String::from(&crate::support::st("1:1", &crate::support::field("F1", "input", "text", "")));
    for depth in 0..40 {
        structure = crate::support::st("1:1", &crate::support::group(&format!("G{depth}"), "G", &structure));
    }
    let error = import(&crate::support::xdf3(&structure), &CodeLists::new()).expect_err("too deep");
    assert_eq!(error.kind, ImportErrorKind::TooLarge);
    assert!(error.message.contains("nested more than 32"), "{error}");
}

#[test]
fn a_broken_code_list_names_its_file_and_line() {
    let mut lists = CodeLists::new();
    let error = lists.add_xml("<gc:CodeList xmlns:gc=\"http://docs.oasis-open.org/codelist/ns/genericode/1.0/\">\n<Identification/>\n</gc:CodeList>", "liste.xml").expect_err("no URI");
    assert_eq!((error.kind, error.line), (ImportErrorKind::CodeList, Some(1)));
    assert!(error.message.starts_with("liste.xml: ") && error.message.contains("CanonicalUri"), "{error}");
    let error = lists.add_xml("<CodeList/>", "b.xml").expect_err("no namespace");
    assert!(error.message.contains("expected a genericode CodeList"), "{error}");
    assert!(lists.is_empty());
}
