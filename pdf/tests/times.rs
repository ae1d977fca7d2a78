//! The time of receipt on every copy: the town's civil time (Europe/Berlin, CET in winter, CEST
//! in summer), whatever the server's offset, worded by the copy's catalog (`time.winter`,
//! `time.summer`), read back by poppler's pdftotext, not by our own code.

mod common;

use common::dog::{application, attachments, payload};
use common::{catalogs, fonts, sample, save, squeeze, text_of};
use formlotse_pdf::{Application, copies};

/// 13:05 UTC on 29 November and 12:05 UTC on 1 July are both 14:05 in Berlin.
const WINTER: &str = "2026-11-29T13:05:00Z";
const SUMMER: &str = "2026-07-01T12:05:00.250Z";

#[test]
fn every_copy_says_the_time_of_receipt_in_the_towns_zone_as_its_language_does() {
    let definition = sample("hund-anmelden");
    let files = attachments();
    let cases: &[(&str, &str, &str)] = &[
        ("de", "29.11.2026, 14:05 Uhr (MEZ)", "01.07.2026, 14:05 Uhr (MESZ)"),
        ("en", "29 November 2026, 14:05 (CET)", "1 July 2026, 14:05 (CEST)"),
        (
            "de-x-ls",
            "29. November 2026 um 14:05 Uhr (Winter-Zeit)",
            "1. Juli 2026 um 14:05 Uhr (Sommer-Zeit)",
        ),
        (
            "uk",
            "29.11.2026 о 14:05 за центральноєвропейським часом",
            "01.07.2026 о 14:05 за центральноєвропейським літнім часом",
        ),
        (
            "ru",
            "29.11.2026 в 14:05 по центральноевропейскому времени",
            "01.07.2026 в 14:05 по центральноевропейскому летнему времени",
        ),
        ("pl", "29.11.2026, godz. 14:05 (CET)", "01.07.2026, godz. 14:05 (CEST)"),
        ("cs", "29. 11. 2026 v 14:05 (SEČ)", "1. 7. 2026 v 14:05 (SELČ)"),
        (
            "tr",
            "29.11.2026, saat 14:05 (Orta Avrupa Saati)",
            "01.07.2026, saat 14:05 (Orta Avrupa Yaz Saati)",
        ),
    ];
    for (tag, winter, summer) in cases {
        for (received_at, expected, season) in [(WINTER, winter, "winter"), (SUMMER, summer, "summer")] {
            let payload = payload(tag);
            let application = Application { received_at, ..application(&definition, &payload, &files) };
            let copies = copies(&application, &catalogs(), &fonts()).expect("renders"); // ok: test
            let citizen = text_of(&save(&format!("time-{tag}-{season}"), &copies.citizen));
            // A value may wrap in its table cell: compared without white space.
            assert!(
                squeeze(&citizen).contains(&squeeze(expected)),
                "{tag}: {expected:?} missing in:\n{citizen}"
            );
            assert!(!citizen.contains("UTC"), "{tag}:\n{citizen}");
            if !tag.starts_with("de") {
                for german in ["Uhr", "MEZ", "MESZ"] {
                    assert!(!citizen.contains(german), "{tag}: German {german:?} in:\n{citizen}");
                }
            }
            // The office's copy is German, at the same moment.
            let office = text_of(&save(&format!("time-{tag}-{season}-office"), &copies.office));
            let german = if season == "winter" { cases[0].1 } else { cases[0].2 };
            assert!(office.contains(german), "{tag} office: {german:?} missing in:\n{office}");
        }
    }
}

/// What the tagged spans of `file` read (`/ActualText`, UTF-16), from qpdf's uncompressed
/// rewrite: a line drawn in runs of both directions says in reading order what it shows.
fn actual_texts(file: &std::path::Path) -> Vec<String> {
    let output = std::process::Command::new("qpdf")
        .args(["--qdf", "--object-streams=disable"])
        .arg(file)
        .arg("-")
        .output()
        .expect("qpdf runs"); // ok: test
    let text = String::from_utf8_lossy(&output.stdout).into_owned();
    text.split("/ActualText<feff")
        .skip(1)
        .filter_map(|rest| {
            let hex = &rest[..rest.find('>')?];
            let units: Vec<u16> = (0..hex.len() / 4)
                .filter_map(|i| u16::from_str_radix(hex.get(i * 4..i * 4 + 4)?, 16).ok())
                .collect();
            String::from_utf16(&units).ok()
        })
        .collect()
}

#[test]
fn an_arabic_copy_names_the_zone_in_arabic_and_keeps_the_numbers_left_to_right() {
    let definition = sample("hund-anmelden");
    let files = attachments();
    let payload = payload("ar");
    for (received_at, logical) in [
        (WINTER, "29/11/2026، الساعة 14:05 بتوقيت وسط أوروبا"),
        (SUMMER, "1/7/2026، الساعة 14:05 بتوقيت وسط أوروبا الصيفي"),
    ] {
        let application = Application { received_at, ..application(&definition, &payload, &files) };
        let copies = copies(&application, &catalogs(), &fonts()).expect("renders"); // ok: test
        let file = save("time-ar", &copies.citizen);
        // Drawn in runs (UAX #9): the time and the date read left to right, not "50:41".
        let citizen = text_of(&file);
        let date = logical.split('،').next().expect("a date"); // ok: test
        for number in ["14:05", date] {
            assert!(citizen.contains(number), "{number:?} missing in:\n{citizen}");
        }
        for german in ["Uhr", "MEZ", "UTC", "50:41"] {
            assert!(!citizen.contains(german), "{german:?} in:\n{citizen}");
        }
        // And the line says in reading order what it shows, for copying and screen readers.
        let spans = actual_texts(&file);
        assert!(spans.iter().any(|span| span == logical), "{logical:?} not among {spans:?}");
    }
}
