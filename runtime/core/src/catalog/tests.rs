use super::*;

/// The catalogs Formlotse ships (`runtime/i18n`, copied to `dist/i18n` by `cargo xtask dist`).
const SHIPPED: &[(&str, &str)] = &[
    ("ar", include_str!("../../../i18n/ar.json")),
    ("cs", include_str!("../../../i18n/cs.json")),
    ("de-x-ls", include_str!("../../../i18n/de-x-ls.json")),
    ("en", include_str!("../../../i18n/en.json")),
    ("pl", include_str!("../../../i18n/pl.json")),
    ("ru", include_str!("../../../i18n/ru.json")),
    ("tr", include_str!("../../../i18n/tr.json")),
    ("uk", include_str!("../../../i18n/uk.json")),
];

fn catalog(lang: &str, words: &str) -> String {
    format!(r#"{{"formlotse-catalog": 1, "lang": "{lang}", "name": "X", "words": {{{words}}}}}"#)
}

#[test]
fn german_is_built_in_and_sorted() {
    let keys = |table: &'static str| table.lines().map(|line| line.split_once('\t').expect("a tab").0); // ok: test
    assert!(keys(german::WORDS).collect::<Vec<_>>().windows(2).all(|w| w[0] < w[1]), "sorted, each key once");
    assert!(
        keys(german::MESSAGES).collect::<Vec<_>>().windows(2).all(|w| w[0] < w[1]),
        "sorted, each key once"
    );
    assert!(keys(german::WORDS).all(|key| keys(german::MESSAGES).all(|other| key != other)));
    let documents: Vec<_> = keys(german_documents::DOCUMENTS).collect();
    assert!(documents.windows(2).all(|w| w[0] < w[1]), "sorted, each key once");
    assert!(documents.iter().all(|key| german::word(key).is_none()), "no key twice");
    let problems: Vec<_> = keys(german_problems::PROBLEMS).collect();
    assert!(problems.windows(2).all(|w| w[0] < w[1]), "sorted, each key once");
    assert!(problems.iter().all(|key| key.starts_with("problem.")), "apart from every other key");
    assert_eq!(german::all().count(), german::WORDS.lines().count() + german::MESSAGES.lines().count());
    let german = Catalog::german();
    assert_eq!((german.name(), german.keys().count()), ("Deutsch", 0), "its words are built in");
    assert_eq!(german.word("next"), "Weiter");
    assert_eq!(german.text("progress", &[("step", "2"), ("of", "5")]), "Schritt 2 von 5");
    assert_eq!(german.counted("retrying", 1, &[("seconds", "1")]).rsplit(' ').nth(1), Some("Sekunde"));
    assert_eq!(german.counted("retrying", 3, &[("seconds", "3")]).rsplit(' ').nth(1), Some("Sekunden"));
    assert_eq!(german.word("no_such_key"), "no_such_key", "a key, never a panic");
    assert_eq!(german.document_text("pdf.page", &[("page", "1"), ("pages", "3")]), "Seite 1 von 3");
    assert_eq!(german.word("pdf.reference"), "pdf.reference", "the PDF's words are not the citizen's");
    assert_eq!(
        german.document_text("problem.unknownField", &[("field", "x")]),
        "Das Formular hat kein Feld „x“."
    );
    assert_eq!(german.word("problem.invalid"), "problem.invalid", "nor are the receiver's");
}

#[test]
fn a_catalog_file_is_read_and_falls_back_to_german() {
    let uk = Catalog::parse(&catalog(
        "uk",
        r#""next": "Далі", "retrying.one": "{seconds} секунда", "retrying.few": "{seconds} секунди",
           "retrying.many": "{seconds} секунд", "retrying.other": "{seconds} секунди""#,
    ))
    .expect("a catalog"); // ok: test
    assert_eq!(uk.lang().tag(), "uk");
    assert_eq!(uk.word("next"), "Далі");
    assert_eq!(uk.word("back"), "Zurück", "a missing word in German");
    for (n, text) in
        [(1, "1 секунда"), (3, "3 секунди"), (5, "5 секунд"), (11, "11 секунд"), (21, "21 секунда")]
    {
        assert_eq!(uk.counted("retrying", n, &[("seconds", &n.to_string())]), text);
    }
    let ar = Catalog::parse(
        r#"{"formlotse-catalog": 1, "lang": "ar", "name": "العربية", "dir": "rtl", "words": {}}"#,
    )
    .expect("a catalog"); // ok: test
    assert!(ar.is_rtl());
    assert_eq!(ar.name(), "العربية");
}

#[test]
fn what_is_not_a_catalog() {
    let cases = [
        ("[]", CatalogError::Shape("catalog")),
        (r#"{"lang": "uk", "name": "X", "words": {}}"#, CatalogError::Shape("formlotse-catalog")),
        (
            r#"{"formlotse-catalog": 1, "lang": "no tag", "name": "X", "words": {}}"#,
            CatalogError::Shape("lang"),
        ),
        (r#"{"formlotse-catalog": 1, "lang": "uk", "words": {}}"#, CatalogError::Shape("name")),
        (
            r#"{"formlotse-catalog": 1, "lang": "uk", "name": "X", "dir": "up", "words": {}}"#,
            CatalogError::Shape("dir"),
        ),
        (
            r#"{"formlotse-catalog": 1, "lang": "uk", "name": "X", "words": {"next": 1}}"#,
            CatalogError::Shape("words"),
        ),
    ];
    for (text, error) in cases {
        assert_eq!(Catalog::parse(text), Err(error), "{text}");
    }
    assert!(matches!(Catalog::parse("{"), Err(CatalogError::Json(_))));
    assert_eq!(
        Catalog::from_json(Json::Null),
        Err(CatalogError::Shape("catalog")),
        "read JSON, not an object"
    );
    assert!(Catalog::is_catalog(r#"{"formlotse-catalog": 2}"#));
    assert!(!Catalog::is_catalog(r#"{"formlotse": 1}"#) && !Catalog::is_catalog("{"));
}

#[test]
fn templates_are_filled() {
    assert_eq!(fill("{a} und {b}", &[("a", "1"), ("b", "2")]), "1 und 2");
    assert_eq!(fill("{unknown} {", &[]), "{unknown} {");
    assert_eq!(fill("ü{a}ß", &[("a", "€")]), "ü€ß");
    assert_eq!(parameters("{b} {a} {b}"), ["a", "b"]);
}

#[test]
fn the_check_names_missing_extra_and_wrong_parameters() {
    let polish = Catalog::parse(SHIPPED[4].1).expect("the Polish catalog"); // ok: test
    let changed = [
        ("progress", "Krok {step} z {total}"),
        ("retrying.few", "few {secs}"),
        ("error.required", "Proszę wypełnić pole."),
        ("error.minLength.few", "Co najmniej {count} znaki."),
    ];
    let dropped = ["back", "retrying.many", "error.moreErrors.few"];
    let mut words: Vec<String> = polish
        .keys()
        .filter(|key| !dropped.contains(&key.as_str()))
        .map(|key| {
            let word = changed.iter().find(|(k, _)| k == key).map_or(polish.word(key), |(_, w)| w);
            format!("{key:?}: {word:?}")
        })
        .collect();
    words.push(r#""nxet": "Dalej""#.to_owned());
    let problems = check(&catalog("pl", &words.join(", ")));
    let listed: Vec<String> = problems.iter().map(|p| format!("{} {}", p.code(), p.pointer())).collect();
    assert_eq!(
        listed,
        [
            "catalog_missing_key /words/back",
            "catalog_parameters /words/progress",
            "catalog_parameters /words/retrying.few",
            "catalog_missing_key /words/retrying.many",
            "catalog_parameters /words/error.minLength.few",
            "catalog_missing_key /words/error.moreErrors.few",
            "catalog_parameters /words/error.required",
            "catalog_extra_key /words/nxet",
        ]
    );
    assert_eq!(
        problems[1],
        CatalogProblem::Parameters {
            key: "progress".into(),
            unknown: vec!["total".into()],
            missing: vec!["of".into()]
        }
    );
    assert_eq!(
        problems[6],
        CatalogProblem::Parameters {
            key: "error.required".into(),
            unknown: vec![],
            missing: vec!["label".into()]
        }
    );
    assert!(matches!(check("{}").as_slice(), [CatalogProblem::NotACatalog(_)]));
}

#[test]
fn every_message_key_is_checked() {
    // The messages about answers are words like any other: a catalog without them is incomplete.
    let problems = check(&catalog("en", r#""next": "Continue""#));
    let missing = |key: &str| problems.contains(&CatalogProblem::Missing { key: key.into() });
    assert!(missing("error.required") && missing("error.maxDate") && missing("size_mb"));
    assert!(missing("error.minLength.one") && missing("error.minLength.other"));
    assert!(!missing("error.minLength.few"), "English counts one and other only");
}

#[test]
fn the_shipped_catalogs_are_complete() {
    for (tag, text) in SHIPPED {
        let catalog = Catalog::parse(text).expect("a catalog"); // ok: test
        assert_eq!(catalog.lang().tag(), *tag);
        assert_eq!(check(text), [], "{tag}");
        assert_eq!(catalog.is_rtl(), *tag == "ar", "{tag}");
    }
}

#[test]
fn month_names_are_wanted_where_dates_name_months() {
    // The shipped English catalog with another date template and month names.
    let english = SHIPPED.iter().find(|(tag, _)| *tag == "en").expect("English").1; // ok: test
    let months = english.lines().find(|line| line.contains("\"months\"")).expect("months"); // ok: test
    let file = |date: &str, names: &str| {
        let file = english.replace("\"{d} {month} {yyyy}\"", &format!("\"{date}\""));
        match names {
            "" => file.replace(months, ""),
            names => file.replace(months, &format!("    \"months\": \"{names}\",")),
        }
    };
    let codes = |text: String| {
        check(&text).iter().map(|p| format!("{} {}", p.code(), p.pointer())).collect::<Vec<_>>()
    };
    let twelve = "January, February,March,April,May,June,July,August,September,October,November,December";
    assert_eq!(codes(file("{d} {month} {yyyy}", twelve)), Vec::<String>::new());
    assert_eq!(codes(file("{d} {month} {yyyy}", "January,February")), ["catalog_months /words/months"]);
    assert_eq!(
        codes(file("{d} {month} {yyyy}", &twelve.replace("May", " "))),
        ["catalog_months /words/months"]
    );
    assert_eq!(codes(file("{dd}.{mm}.{yyyy}", "")), Vec::<String>::new());
    assert_eq!(codes(file("{d} {month} {yyyy}", "")), ["catalog_missing_key /words/months"]);
    assert_eq!(codes(file("{d}/{m}/{yyyy}", twelve)), ["catalog_extra_key /words/months"]);
    assert_eq!(codes(file("{d}/{mois}/{yyyy}", "")), ["catalog_parameters /words/date"]);
}

#[test]
fn the_browser_takes_a_fetched_file_as_far_as_it_shows_words() {
    let uk = Lang::from_tag("uk");
    let read = |text: &str| Catalog::fetched(uk, json::parse(text).expect("JSON")); // ok: test
    let catalog = read(r#"{"formlotse-catalog": 1, "dir": "rtl", "words": {"next": "Далі", "back": 7}}"#)
        .expect("taken"); // ok: test
    assert_eq!((catalog.lang(), catalog.is_rtl()), (uk, true));
    assert_eq!(catalog.word("next"), "Далі");
    assert_eq!(catalog.word("back"), "Zurück", "a word that is no text falls back to German");
    assert!(!read(r#"{"formlotse-catalog": 1, "words": {}}"#).expect("taken").is_rtl()); // ok: test
    assert_eq!(read(r#"{"formlotse-catalog": 2, "words": {}}"#), None, "another version");
    assert_eq!(read(r#"{"formlotse-catalog": 1}"#), None, "no words");
    assert_eq!(read(r#"{"formlotse-catalog": 1, "words": []}"#), None, "words not an object");
    assert_eq!(read(r#"["formlotse-catalog"]"#), None);
}

#[test]
fn a_catalog_names_its_language_whole() {
    let named = |lang: &str| Catalog::parse(&catalog(lang, "")).map(|c| c.lang().tag().to_owned());
    assert_eq!(named("zh-Hant"), Ok("zh-hant".to_owned()));
    assert_eq!(named("zh-Hant-TW"), Err(CatalogError::Shape("lang")), "would be cut to zh-hant");
    assert_eq!(named("en_GB"), Err(CatalogError::Shape("lang")));
}
