//! Dates as a citizen of each language reads them: a small table of styles (no ICU), chosen
//! along the language's tag; a language not in it reads dates as German does ("24.12.2026"),
//! which is what most of Europe writes. docs/languages.md lists the choices and why.

use crate::lang::Lang;
use crate::value::Date;

/// How a language writes a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Style {
    /// "24.12.2026", "01.03.2026": de, pl, ru, uk, tr (CLDR's short forms, four-digit year).
    Dotted,
    /// "24. 12. 2026": cs (CLDR's medium form).
    Spaced,
    /// "24/12/2026", "1/3/2026": ar (CLDR's short form, in the digits numbers are shown in).
    Slashed,
    /// "24 December 2026": en (GOV.UK style: the month as a word, no leading zero).
    English,
    /// "24. Dezember 2026": Leichte Sprache (the month as a word, not as a number).
    GermanWords,
}

fn style(lang: Lang) -> Style {
    lang.chain()
        .find_map(|tag| match tag.tag() {
            "de-x-ls" => Some(Style::GermanWords),
            "en" => Some(Style::English),
            "cs" => Some(Style::Spaced),
            "ar" => Some(Style::Slashed),
            _ => None,
        })
        .unwrap_or(Style::Dotted)
}

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
pub fn date(date: Date, lang: Lang) -> String {
    let (y, m, d) = date.parts();
    let month = |names: &[&'static str; 12]| *names.get(usize::from(m).saturating_sub(1)).unwrap_or(&"");
    match style(lang) {
        Style::Dotted => format!("{d:02}.{m:02}.{y}"),
        Style::Spaced => format!("{d}. {m}. {y}"),
        Style::Slashed => format!("{d}/{m}/{y}"),
        Style::English => format!("{d} {} {y}", month(&ENGLISH)),
        Style::GermanWords => format!("{d}. {} {y}", month(&GERMAN)),
    }
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
