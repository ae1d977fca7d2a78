//! Dates as a citizen of each language reads them: a small table of styles (no ICU); a
//! language not in it reads dates as German does ("24.12.2026"), which is what most of Europe
//! writes. docs/languages.md lists the choices and why.

use crate::lang::Lang;
use crate::value::Date;

const ENGLISH: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

const GERMAN: [&str; 12] = [
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
];

/// A date as the citizen reads it in `lang`: "27.03.1985", "27 March 1985", "27. 3. 1985", …
///
/// The styles: `de`, `pl`, `ru`, `uk`, `tr` and the default "24.12.2026" / "01.03.2026" (CLDR's
/// short forms, four-digit year); `cs` "24. 12. 2026" (CLDR's medium form); `ar` "24/12/2026"
/// (CLDR's short form, in the digits numbers are shown in); `en` "24 December 2026" (GOV.UK);
/// Leichte Sprache "24. Dezember 2026" (the month as a word, not as a number). One writer for
/// all (pieces, not a `format!` per style: every byte is downloaded).
pub fn date(date: Date, lang: Lang) -> String {
    let (y, m, d) = date.parts();
    let names = match (lang.tag(), lang.primary()) {
        ("de-x-ls", _) => Some(&GERMAN),
        (_, "en") => Some(&ENGLISH),
        _ => None,
    };
    let (padded, first, second) = match (lang.primary(), names) {
        ("cs", _) => (false, ". ", ". "),
        ("ar", _) => (false, "/", "/"),
        ("en", _) => (false, " ", " "),
        (_, Some(_)) => (false, ". ", " "),
        _ => (true, ".", "."),
    };
    let number = |n: u8| if padded && n < 10 { format!("0{n}") } else { n.to_string() };
    let month = match names {
        Some(names) => (*names.get(usize::from(m).saturating_sub(1)).unwrap_or(&"")).to_owned(),
        None => number(m),
    };
    let mut text = number(d);
    for piece in [first, &month, second, &y.to_string()] {
        text.push_str(piece);
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_language_writes_its_dates() {
        let christmas = Date::new(2026, 12, 24).expect("a date"); // ok: test
        let march = Date::new(2026, 3, 1).expect("a date"); // ok: test
        for (tag, long, short) in [
            ("de", "24.12.2026", "01.03.2026"),
            ("de-at", "24.12.2026", "01.03.2026"),
            ("de-x-ls", "24. Dezember 2026", "1. März 2026"),
            ("en", "24 December 2026", "1 March 2026"),
            ("en-gb", "24 December 2026", "1 March 2026"),
            ("pl", "24.12.2026", "01.03.2026"),
            ("ru", "24.12.2026", "01.03.2026"),
            ("uk", "24.12.2026", "01.03.2026"),
            ("tr", "24.12.2026", "01.03.2026"),
            ("cs", "24. 12. 2026", "1. 3. 2026"),
            ("ar", "24/12/2026", "1/3/2026"),
            ("hsb", "24.12.2026", "01.03.2026"),
        ] {
            let lang = Lang::from_tag(tag);
            assert_eq!((date(christmas, lang).as_str(), date(march, lang).as_str()), (long, short), "{tag}");
        }
    }
}
