//! The dog registration, answered as a citizen would (two dogs, one of a listed breed, a permit
//! attached, SEPA), rendered and read back with independent tools.

mod common;

use common::{catalogs, fonts, info_field, sample, save, squeeze, text_of, tool};
use formlotse_core::{Date, Lang, check_submission, review};
use formlotse_pdf::{Application, application_lang, copies, render};
use serde_json::{Value as Json, json};

use common::dog::{REFERENCE, SHA, application, attachments, payload};

#[test]
fn the_payload_is_one_the_server_accepts() {
    let today = Date::new(2026, 11, 29).expect("a date"); // ok: test
    assert_eq!(check_submission(&sample("hund-anmelden"), &payload("de"), today), Ok(vec![]));
}

#[test]
fn the_office_copy_shows_every_answer_by_step_and_the_attachment() {
    let definition = sample("hund-anmelden");
    let payload = payload("de");
    let files = attachments();
    let application = application(&definition, &payload, &files);
    let pdf = render(&application, Lang::De, catalogs().get(Lang::De), &fonts()).expect("renders"); // ok: test
    let file = save("hund-anmelden-de", &pdf);
    let text = text_of(&file);
    for expected in [
        "Hund anmelden (Hundesteuer)",
        "Aktenzeichen",
        REFERENCE,
        "29.11.2026, 11:05 Uhr (MEZ)",
        "hund-anmelden (Version 2026-12)",
        "Angaben zur Halterin oder zum Halter",
        "Hund 1: Name des Hundes",
        "Hund 2: Rasse",
        "Rottweiler (§ 10 LHundG)",
        "Hund 2: Regelsatz für diesen Hund",
        "600,00 €",
        "696,00 €",
        "27.03.1985",
        "Per SEPA-Lastschrift",
        "Anlagen",
        "240 KB (245.760 Bytes)",
        "Seite 1 von",
    ] {
        assert!(text.contains(expected), "{expected:?} missing in:\n{text}");
    }
    assert!(squeeze(&text).contains(SHA), "the SHA-256 is shown whole");
    // Every answer of the review page, label and value, in the order of the steps.
    let resolved =
        formlotse_core::payload::resolve(&definition, &payload, Date::new(2026, 11, 29).expect("date")); // ok: test
    let squeezed = squeeze(&text);
    let mut from = 0;
    for step in review::summary(&definition, &resolved, Lang::De, catalogs().get(Lang::De)) {
        for row in step.rows {
            let value = row.value.unwrap_or_else(|| "Keine Angabe".into());
            let pair = squeeze(&format!("{}{}", row.label, value));
            let at =
                squeezed[from..].find(&pair).unwrap_or_else(|| panic!("{pair} not after {from}:\n{text}")); // ok: test
            from += at + pair.len();
        }
    }

    let info = tool("pdfinfo", &[], &file);
    assert_eq!(info_field(&info, "Title"), format!("Hund anmelden (Hundesteuer) – {REFERENCE}"));
    assert_eq!(info_field(&info, "Tagged"), "yes");
    assert_eq!(info_field(&info, "Page size"), "595.28 x 841.89 pts (A4)");
    let pages: usize = info_field(&info, "Pages").parse().expect("a number"); // ok: test
    assert!((1..=3).contains(&pages), "{pages} pages");
    assert!(text.contains(&format!("Seite {pages} von {pages}")));

    // Declared PDF/UA-1 and PDF/A-2a in the XMP metadata (krilla checks both while writing).
    let xmp = tool("pdfinfo", &["-meta"], &file);
    for claim in [
        "<pdfuaid:part>1</pdfuaid:part>",
        "<pdfaid:part>2</pdfaid:part>",
        "<pdfaid:conformance>A</pdfaid:conformance>",
    ] {
        assert!(xmp.contains(claim), "{claim} missing in:\n{xmp}");
    }

    let fonts = tool("pdffonts", &[], &file);
    assert!(fonts.lines().skip(2).all(|line| line.contains(" yes yes ")), "embedded subsets:\n{fonts}");
}

#[test]
fn the_structure_tree_has_headings_tables_with_headers_and_the_language() {
    let definition = sample("hund-anmelden");
    let payload = payload("de");
    let files = attachments();
    let application = application(&definition, &payload, &files);
    let file = save(
        "hund-anmelden-structure",
        &render(&application, Lang::De, catalogs().get(Lang::De), &fonts()).expect("renders"),
    ); // ok: test
    let json: Json = serde_json::from_str(&tool("qpdf", &["--json", "--json-stream-data=none"], &file))
        .expect("qpdf writes JSON"); // ok: test
    let objects: Vec<&Json> = json["qpdf"][1]
        .as_object()
        .expect("objects") // ok: test
        .values()
        .filter_map(|object| object.get("value"))
        .collect();
    let count = |key: &str, value: &str| objects.iter().filter(|o| o.get(key) == Some(&json!(value))).count();
    let catalog = objects.iter().find(|o| o.get("/Type") == Some(&json!("/Catalog"))).expect("a catalog"); // ok: test
    assert!(catalog.get("/StructTreeRoot").is_some(), "{catalog}");
    assert_eq!(catalog["/Lang"], json!("u:de"));
    assert_eq!(catalog["/MarkInfo"]["/Marked"], json!(true));
    assert_eq!(catalog["/ViewerPreferences"]["/DisplayDocTitle"], json!(true));
    // Bookmarks: the title with the six headings under it.
    let titles: Vec<&Json> =
        objects.iter().filter(|o| o.get("/Parent").is_some()).filter_map(|o| o.get("/Title")).collect();
    assert!(titles.contains(&&json!("u:Hund anmelden (Hundesteuer)")), "{titles:?}");
    assert!(titles.contains(&&json!("u:Anlagen")) && titles.len() == 7, "{titles:?}");
    assert_eq!(count("/S", "/H1"), 1);
    // Four steps shown (the dangerous-dog step included) and the attachments.
    assert_eq!(count("/S", "/H2"), 6);
    assert_eq!(count("/S", "/Table"), 7);
    let headers = objects.iter().filter(|o| o.get("/S") == Some(&json!("/TH")));
    // Attributes are an array of dictionaries, each with its owner (/O /Table).
    let scopes: Vec<&Json> = headers
        .flat_map(|th| th["/A"].as_array().into_iter().flatten())
        .filter_map(|a| a.get("/Scope"))
        .collect();
    assert!(scopes.contains(&&json!("/Row")) && scopes.contains(&&json!("/Column")), "{scopes:?}");
    assert!(count("/S", "/TD") > 20);
}

#[test]
fn the_citizen_gets_english_when_they_wrote_english_and_the_office_german() {
    let definition = sample("hund-anmelden");
    let payload = payload("en");
    let files = attachments();
    let application = Application {
        definition: &definition,
        payload: &payload,
        reference: REFERENCE,
        received_at: "2026-07-01T08:00:00+02:00",
        attachments: &files,
    };
    assert_eq!(application_lang(&payload), Lang::En);
    let copies = copies(&application, &catalogs(), &fonts()).expect("renders"); // ok: test
    let citizen = text_of(&save("hund-anmelden-en", &copies.citizen));
    for expected in
        ["Register a dog (dog tax)", "Dog 2: Breed", "€696.00", "1 July 2026, 08:00 (CEST)", "Page 1 of"]
    {
        assert!(citizen.contains(expected), "{expected:?} missing in:\n{citizen}");
    }
    let office = text_of(&save("hund-anmelden-en-office", &copies.office));
    for expected in
        ["Hund 2: Rasse", "696,00 €", "Ausgefüllt auf", "Englisch", "01.07.2026, 08:00 Uhr (MESZ)"]
    {
        assert!(office.contains(expected), "{expected:?} missing in:\n{office}");
    }
    // The same application gives the same bytes (a receipt downloaded later is the same PDF).
    assert_eq!(render(&application, Lang::De, catalogs().get(Lang::De), &fonts()).ok(), Some(copies.office));
}

#[test]
fn a_ukrainian_application_has_ukrainian_words_and_a_german_office_copy() {
    let definition = sample("hund-anmelden");
    let payload = payload("uk");
    let files = attachments();
    let application = application(&definition, &payload, &files);
    let copies = copies(&application, &catalogs(), &fonts()).expect("renders"); // ok: test
    assert_eq!(copies.lang, Lang::from_tag("uk"));
    let citizen = text_of(&save("hund-anmelden-uk", &copies.citizen));
    // The catalog's words (runtime/i18n/uk.json), read back by poppler, not by our own code.
    for expected in ["Номер справи", "Надійшла", "Мова заповнення", "Українська", "Додатки", "Сторінка 1 з"]
    {
        assert!(citizen.contains(expected), "{expected:?} missing in:\n{citizen}");
    }
    assert!(!citizen.contains("Aktenzeichen"), "no German fixed words in the citizen's copy:\n{citizen}");
    let office = text_of(&save("hund-anmelden-uk-office", &copies.office));
    for expected in ["Aktenzeichen", "Eingegangen", "Ausgefüllt auf", "Ukrainisch", "Anlagen", "Seite 1 von"]
    {
        assert!(office.contains(expected), "{expected:?} missing in:\n{office}");
    }
}

#[test]
fn arabic_and_polish_applications_have_their_catalogs_words() {
    let definition = sample("hund-anmelden");
    // pdftotext writes right-to-left text word by word in visual order: Arabic words one by one.
    for (tag, words) in
        [("ar", ["الرقم", "المرجعي", "المرفقات"]), ("pl", ["Numer sprawy", "Załączniki", "Strona 1 z"])]
    {
        let payload = payload(tag);
        let files = attachments();
        let application = application(&definition, &payload, &files);
        let copies = copies(&application, &catalogs(), &fonts()).expect("renders"); // ok: test
        let citizen = text_of(&save(&format!("hund-anmelden-{tag}"), &copies.citizen));
        for expected in words {
            assert!(citizen.contains(expected), "{tag}: {expected:?} missing in:\n{citizen}");
        }
        assert!(
            text_of(&save(&format!("hund-anmelden-{tag}-office"), &copies.office)).contains("Aktenzeichen")
        );
    }
}
