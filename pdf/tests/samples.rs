//! Every sample form, every field answered (long descriptions included), in German and English:
//! the PDF holds every row of the review page, runs over pages with their numbers, and keeps
//! the scripts of later languages (Cyrillic, Greek, Arabic) in an answer.

mod common;

use common::{
    catalogs, fonts, info_field, sample, sample_ids, save, squeeze, text_of, tool, without_page_furniture,
};
use formlotse_core::{Date, Lang, review};
use formlotse_pdf::{Application, render};

fn application<'a>(
    definition: &'a formlotse_core::Definition,
    payload: &'a serde_json::Value,
) -> Application<'a> {
    Application {
        definition,
        payload,
        reference: "FL-2026-AB12-CD3E",
        received_at: "2026-11-29T23:30:00Z",
        attachments: &[],
    }
}

#[test]
fn every_sample_shows_every_review_row_on_numbered_pages() {
    let fonts = fonts();
    let ids = sample_ids();
    assert!(ids.len() >= 6, "{ids:?}");
    for id in ids {
        let definition = sample(&id);
        for lang in [Lang::De, Lang::En] {
            let payload = common::filled(&definition, lang.tag());
            let pdf = render(&application(&definition, &payload), lang, catalogs().get(lang), &fonts)
                .unwrap_or_else(|e| panic!("{id}: {e}")); // ok: test
            let file = save(&format!("sample-{id}-{}", lang.tag()), &pdf);
            let text = text_of(&file);
            let squeezed = squeeze(&without_page_furniture(&text));
            let resolved = formlotse_core::payload::resolve(
                &definition,
                &payload,
                Date::new(2026, 11, 30).expect("date"),
            ); // ok: test
            let summary = review::summary(&definition, &resolved, lang, catalogs().get(lang));
            assert!(summary.iter().map(|step| step.rows.len()).sum::<usize>() > 3, "{id}");
            for row in summary.iter().flat_map(|step| &step.rows) {
                for part in [Some(&row.label), row.value.as_ref()].into_iter().flatten() {
                    let start: String = part.chars().take(60).collect();
                    assert!(squeezed.contains(&squeeze(part)), "{id} {lang:?}: {start:?}… missing");
                }
            }
            let info = tool("pdfinfo", &[], &file);
            assert_eq!(info_field(&info, "Tagged"), "yes", "{id}");
            let pages: usize = info_field(&info, "Pages").parse().expect("a number"); // ok: test
            let (page, of) = if lang.is_english() { ("Page", "of") } else { ("Seite", "von") };
            for n in 1..=pages {
                assert!(text.contains(&format!("{page} {n} {of} {pages}")), "{id}: page {n} of {pages}");
            }
            // Received at 23:30 UTC on 29 November is 30 November in Germany.
            assert!(
                text.contains("30.11.2026, 00:30 Uhr (MEZ)")
                    || text.contains("30 November 2026, 00:30 (CET)")
            );
        }
    }
}

#[test]
fn a_long_description_runs_over_pages_in_its_row() {
    let definition = sample("fundbuero-verlust");
    let payload = common::filled(&definition, "de");
    let pdf = render(&application(&definition, &payload), Lang::De, catalogs().get(Lang::De), &fonts())
        .expect("renders"); // ok: test
    let file = save("fundbuero-verlust-long", &pdf);
    let info = tool("pdfinfo", &[], &file);
    let pages: usize = info_field(&info, "Pages").parse().expect("a number"); // ok: test
    assert!(pages >= 2, "the long description needs pages: {pages}");
    // Every sentence is there, whole.
    let text = squeeze(&without_page_furniture(&text_of(&file)));
    let sentence =
        squeeze("Die schwarze Ledertasche mit dem Schulterriemen lag am Dienstagmorgen im Bus der Linie 7.");
    // Two descriptions (what, where) of 72 sentences each.
    assert_eq!(text.matches(&sentence).count(), 144);
}

#[test]
fn cyrillic_greek_and_arabic_answers_are_kept() {
    let definition = sample("fundbuero-verlust");
    let mut payload = common::filled(&definition, "de");
    let typed = [
        ("vorname", "Олена Шевченко"),
        ("nachname", "Ελένη Παπαδοπούλου"),
        ("farbe", "مريم الأحمد"),
        ("verlustort", "Zoë Łukasiewicz-Çelik"),
    ];
    for (id, text) in typed {
        assert!(definition.field(id).is_some(), "{id}");
        payload["answers"][id] = serde_json::json!(text);
    }
    let pdf = render(&application(&definition, &payload), Lang::De, catalogs().get(Lang::De), &fonts())
        .expect("renders"); // ok: test
    let text = text_of(&save("fundbuero-scripts", &pdf));
    for expected in ["Олена Шевченко", "Ελένη Παπαδοπούλου", "Zoë Łukasiewicz-Çelik"]
    {
        assert!(text.contains(expected), "{expected} missing:\n{text}");
    }
    // Right-to-left text comes out in visual order; its letters are all there.
    let arabic: String = "مريم الأحمد".chars().filter(|c| !c.is_whitespace()).collect();
    let found: String = text.chars().filter(|c| ('\u{0600}'..='\u{06FF}').contains(c)).collect();
    let sorted = |s: &str| {
        let mut chars: Vec<char> = s.chars().collect();
        chars.sort_unstable();
        chars
    };
    assert_eq!(sorted(&found), sorted(&arabic), "{text}");
}

#[test]
fn any_text_renders_even_outside_the_fonts() {
    let definition = sample("fundbuero-verlust");
    let mut payload = common::filled(&definition, "de");
    let typed = [
        ("vorname", "王小明 🐕"),
        ("nachname", "e\u{301}\u{200b}\u{202e}gnaL\u{202c} \u{fffd}"),
        ("farbe", "\u{0007}\t\r"),
        ("verlustort", &"ä".repeat(5000)),
    ];
    for (id, text) in typed {
        payload["answers"][id] = serde_json::json!(text);
    }
    let pdf = render(&application(&definition, &payload), Lang::De, catalogs().get(Lang::De), &fonts())
        .expect("renders"); // ok: test
    let text = without_page_furniture(&text_of(&save("fundbuero-any-text", &pdf)));
    assert!(squeeze(&text).contains(&"ä".repeat(5000)), "the long word is there whole");
    // Drawn as U+FFFD (no glyph in the font), kept as ActualText: copied and read aloud as typed.
    assert!(text.contains("王小明 🐕"), "{text}");
}
