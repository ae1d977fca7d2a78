//! The messages about answers in every shipped language: a case table per rule and language,
//! counted texts in each plural category, the author's own words first.

use super::*;
use crate::catalog::Catalogs;
use crate::load;
use crate::value::Date;

pub(crate) fn shipped() -> Catalogs {
    let texts = [
        include_str!("../../../i18n/ar.json"),
        include_str!("../../../i18n/cs.json"),
        include_str!("../../../i18n/de-x-ls.json"),
        include_str!("../../../i18n/en.json"),
        include_str!("../../../i18n/pl.json"),
        include_str!("../../../i18n/ru.json"),
        include_str!("../../../i18n/tr.json"),
        include_str!("../../../i18n/uk.json"),
    ];
    Catalogs::new(texts.iter().map(|text| Catalog::parse(text).expect("a catalog"))) // ok: test
}

const FORM: &str = r#"{"formlotse": 1, "id": "a", "title": "A", "languages": ["de", "en", "uk", "ar", "pl", "ru", "cs", "tr", "de-x-ls"],
  "steps": [{"id": "s", "title": "S", "fields": [
    {"id": "vorname", "type": "text", "label": {"de": "Vorname", "en": "First name", "uk": "Ім’я"},
     "messages": {"required": {"de": "Geben Sie Ihren Vornamen ein.", "en": "Enter your first name."}}},
    {"id": "plz", "type": "postalCode", "label": {"de": "Postleitzahl", "en": "Postcode"}},
    {"id": "tiere", "type": "checkboxes", "label": {"de": "Tiere", "en": "Animals", "uk": "Тварини"},
     "options": [{"value": "a", "label": "A"}, {"value": "b", "label": "B"}]},
    {"id": "beginn", "type": "date", "label": {"de": "Beginn", "en": "Start", "uk": "Початок", "ar": "البداية"}},
    {"id": "ende", "type": "date", "label": {"de": "Ende", "en": "End", "uk": "Кінець"}, "after": "beginn"}]}]}"#;

fn message(id: &str, violation: Violation, tag: &str) -> String {
    let definition = load(FORM).expect("loads"); // ok: test
    let field = definition.field(id).expect("a field"); // ok: test
    let lang = Lang::from_tag(tag);
    for_field(&definition, field, &violation, lang, shipped().get(lang))
}

fn day(y: i64, m: i64, d: i64) -> Date {
    Date::new(y, m, d).expect("a date") // ok: test
}

#[test]
fn each_language_speaks_its_own_words() {
    let max = day(2008, 11, 28);
    let cases = [
        ("plz", Violation::Required, "de", "Füllen Sie das Feld „Postleitzahl“ aus."),
        ("plz", Violation::Required, "en", "Fill in “Postcode”."),
        ("beginn", Violation::Required, "uk", "Введіть дату в полі «Початок»."),
        ("beginn", Violation::Required, "ar", "يُرجى إدخال تاريخ في حقل «\u{2068}البداية\u{2069}»."),
        ("tiere", Violation::Required, "uk", "Виберіть у полі «Тварини» щонайменше один варіант."),
        ("tiere", Violation::Required, "de-x-ls", "Bitte wählen Sie bei „Tiere“ mindestens 1 Antwort."),
        ("ende", Violation::After { other: "beginn".into() }, "de", "„Ende“ muss nach „Beginn“ liegen."),
        (
            "ende",
            Violation::After { other: "beginn".into() },
            "uk",
            "Дата в полі «Кінець» має бути пізнішою, ніж «Початок».",
        ),
        ("beginn", Violation::DateMax { max }, "de", "„Beginn“ darf nicht nach dem 28.11.2008 liegen."),
        ("beginn", Violation::DateMax { max }, "en", "“Start” must be on or before 28 November 2008."),
        (
            "beginn",
            Violation::DateMax { max },
            "cs",
            "Datum v poli „Beginn“ nesmí být pozdější než 28. 11. 2008.",
        ),
        (
            "beginn",
            Violation::DateMax { max },
            "ar",
            "يجب ألا يكون التاريخ في حقل «\u{2068}البداية\u{2069}» بعد \u{2068}28/11/2008\u{2069}.",
        ),
        (
            "beginn",
            Violation::DateMax { max },
            "de-x-ls",
            "Das Datum bei „Beginn“ ist zu spät. Das späteste Datum ist der 28. November 2008.",
        ),
        ("plz", Violation::NotANumber, "en", "Enter a number for “Postcode”, for example 1,234.5."),
        ("plz", Violation::NotANumber, "ru", "Введите в поле «Postleitzahl» число, например 1.234,5."),
        (
            "plz",
            Violation::Min { min: "1234.5".into() },
            "pl",
            "Wartość w polu „Postleitzahl” musi wynosić co najmniej 1.234,5.",
        ),
        ("plz", Violation::Max { max: "1234.5".into() }, "en", "“Postcode” must be 1,234.5 or less."),
        (
            "plz",
            Violation::FileSize { name: "plan.pdf".into(), max: 10 * 1024 * 1024 },
            "uk",
            "Файл «plan.pdf» має бути не більшим за 10 МБ.",
        ),
        (
            "plz",
            Violation::FileSize { name: "plan.pdf".into(), max: 1536 },
            "ar",
            "يجب ألا يتجاوز حجم الملف «\u{2068}plan.pdf\u{2069}» \u{2068}1.5 كيلوبايت\u{2069}.",
        ),
        ("plz", Violation::TooManyDecimals { max: 0 }, "tr", "“Postleitzahl” alanına bir tam sayı girin."),
    ];
    // Right to left, each value is isolated (U+2068 … U+2069) so that "plan.pdf" keeps its place.
    for (id, violation, tag, expected) in cases {
        assert_eq!(message(id, violation.clone(), tag), expected, "{id} {violation:?} {tag}");
    }
}

#[test]
fn counted_texts_follow_the_plural_rules() {
    let min_length = |tag, min| message("plz", Violation::MinLength { min }, tag);
    let polish = "Pole „Postleitzahl” musi zawierać co najmniej";
    for (min, word) in
        [(1, "znak"), (3, "znaki"), (5, "znaków"), (12, "znaków"), (22, "znaki"), (25, "znaków")]
    {
        assert_eq!(min_length("pl", min), format!("{polish} {min} {word}."), "pl {min}");
    }
    let selected = |tag, max| message("tiere", Violation::MaxSelected { max }, tag);
    for (max, word) in [(1, "вариант"), (2, "варианта"), (5, "вариантов"), (11, "вариантов"), (21, "вариант")]
    {
        assert_eq!(
            selected("ru", max),
            format!("Выберите в поле «Tiere» максимум {max} {word}."),
            "ru {max}"
        );
    }
    for (max, word) in [(1, "možnost"), (4, "možnosti"), (5, "možností")] {
        assert_eq!(selected("cs", max), format!("Vyberte v poli „Tiere“ nejvýše {max} {word}."), "cs {max}");
    }
    assert_eq!(selected("de", 1), "Wählen Sie bei „Tiere“ höchstens 1 Angabe aus.");
    assert_eq!(selected("de", 2), "Wählen Sie bei „Tiere“ höchstens 2 Angaben aus.");
    assert_eq!(selected("en", 1), "Select at most 1 option for “Animals”.");
    let files = |max| message("tiere", Violation::FileCount { max }, "ar");
    assert_eq!(files(2), "يُرجى رفع ملفين على الأكثر في حقل «\u{2068}Tiere\u{2069}».");
    assert_eq!(files(3), "يُرجى رفع \u{2068}3\u{2069} ملفات على الأكثر في حقل «\u{2068}Tiere\u{2069}».");
    assert_eq!(files(11), "يُرجى رفع \u{2068}11\u{2069} ملفًا على الأكثر في حقل «\u{2068}Tiere\u{2069}».");
    let more = |tag, count| {
        for_form(&Violation::MoreErrors { count }, Lang::from_tag(tag), shipped().get(Lang::from_tag(tag)))
    };
    assert_eq!(more("uk", 3), "Ще 3 відповіді не відповідають правилам форми.");
    assert_eq!(more("uk", 5), "Ще 5 відповідей не відповідають правилам форми.");
    assert_eq!(more("de", 1), "1 weitere Angabe erfüllt die Regeln des Formulars nicht.");
}

#[test]
fn the_authors_words_come_first_in_the_languages_they_wrote() {
    assert_eq!(message("vorname", Violation::Required, "en"), "Enter your first name.");
    assert_eq!(message("vorname", Violation::Required, "de"), "Geben Sie Ihren Vornamen ein.");
    assert_eq!(message("vorname", Violation::Required, "de-x-ls"), "Geben Sie Ihren Vornamen ein.");
    // Not written in Ukrainian: the catalog's Ukrainian, not the author's German.
    assert_eq!(message("vorname", Violation::Required, "uk"), "Заповніть поле «Ім’я».");
}

#[test]
fn a_language_without_a_catalog_reads_german() {
    let words = Catalogs::default();
    let definition = load(FORM).expect("loads"); // ok: test
    let field = definition.field("beginn").expect("a field"); // ok: test
    let lang = Lang::from_tag("uk");
    assert_eq!(
        for_field(&definition, field, &Violation::Required, lang, words.get(lang)),
        "Geben Sie ein Datum bei „Початок“ ein."
    );
}

#[test]
fn number_and_size_formats() {
    assert_eq!(number("1234567.5", Lang::De), "1.234.567,5");
    assert_eq!(number("-999", Lang::De), "-999");
    assert_eq!(number("-1234.25", Lang::En), "-1,234.25");
    assert_eq!(number("1000", Lang::from_tag("ar")), "1,000");
    let german = Catalog::german();
    assert_eq!(file_size(10 * 1024 * 1024, Lang::De, &german), "10 MB");
    assert_eq!(file_size(1536, Lang::De, &german), "1,5 KB");
    let shipped = shipped();
    let uk = Lang::from_tag("uk");
    assert_eq!(file_size(1536, uk, shipped.get(uk)), "1,5 КБ");
    assert_eq!(file_size(1536, Lang::En, shipped.get(Lang::En)), "1.5 KB");
}

#[test]
fn every_rule_has_words_in_every_shipped_language() {
    // Every variant (the drift tests' list has no wildcard), and the refined "whole number".
    let mut violations = crate::drift_tests::every_violation();
    violations.push(Violation::TooManyDecimals { max: 0 });
    let (shipped, definition) = (shipped(), load(FORM).expect("loads")); // ok: test
    for lang in shipped.langs() {
        for id in ["vorname", "plz", "tiere", "beginn"] {
            let field = definition.field(id).expect("a field"); // ok: test
            for violation in &violations {
                let text = for_field(&definition, field, violation, lang, shipped.get(lang));
                // A key without words would show as the key itself; a placeholder left unfilled as `{…}`.
                assert!(
                    !text.starts_with("error.") && !text.contains('{'),
                    "{} {id} {violation:?}: {text}",
                    lang.tag()
                );
            }
        }
    }
}
