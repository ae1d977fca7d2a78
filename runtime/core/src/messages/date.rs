//! Dates as a citizen of each language reads them, from the catalog's `date` template and its
//! `months` (no ICU, and no table in the citizen's wasm): German "{dd}.{mm}.{yyyy}"
//! (24.12.2026), Czech "{d}. {m}. {yyyy}", Arabic "{d}/{m}/{yyyy}", English "{d} {month} {yyyy}"
//! (GOV.UK), Leichte Sprache "{d}. {month} {yyyy}" (the month as a word, not as a number). A
//! catalog without them writes dates as German does, which is what most of Europe writes.
//! docs/languages.md lists the choices and why.

use crate::catalog::Catalog;
use crate::value::Date;

/// The parameters a `date` template may use: day and month as numbers, without or with a
/// leading zero, the month's name (from the catalog's `months`, twelve names separated by
/// commas; German has none, as its dates do not name months), the four-digit year.
pub const DATE_PARAMETERS: [&str; 6] = ["d", "dd", "m", "mm", "month", "yyyy"];

/// A date as the citizen reads it in `words`' language: "24.12.2026", "24 December 2026", …
pub fn date(date: Date, words: &Catalog) -> String {
    let (y, m, d) = date.parts();
    let (day, number) = (d.to_string(), m.to_string());
    // A catalog without a name for the month shows its number (`Formlotse.check` reports it).
    let months = words.own("months").unwrap_or_default();
    let name = months.split(',').nth(usize::from(m).saturating_sub(1)).map(str::trim);
    let month = name.filter(|name| !name.is_empty()).unwrap_or(&number);
    let padded = |n: &str| if n.len() < 2 { format!("0{n}") } else { n.to_owned() };
    let values = [&day, &padded(&day), &number, &padded(&number), month, &y.to_string()];
    let params: Vec<(&str, &str)> = DATE_PARAMETERS.into_iter().zip(values).collect();
    words.text("date", &params)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;

    #[test]
    fn each_language_writes_its_dates() {
        let christmas = Date::new(2026, 12, 24).expect("a date"); // ok: test
        let march = Date::new(2026, 3, 1).expect("a date"); // ok: test
        let shipped = crate::messages::tests::shipped();
        let hsb = Catalog::parse(
            r#"{"formlotse-catalog": 1, "lang": "hsb", "name": "Hornjoserbšćina", "words": {}}"#,
        )
        .expect("a catalog"); // ok: test
        for (tag, long, short) in [
            ("de", "24.12.2026", "01.03.2026"),
            ("de-x-ls", "24. Dezember 2026", "1. März 2026"),
            ("en", "24 December 2026", "1 March 2026"),
            ("en-gb", "24 December 2026", "1 March 2026"),
            ("de-at", "24.12.2026", "01.03.2026"),
            ("pl", "24.12.2026", "01.03.2026"),
            ("ru", "24.12.2026", "01.03.2026"),
            ("uk", "24.12.2026", "01.03.2026"),
            ("tr", "24.12.2026", "01.03.2026"),
            ("cs", "24. 12. 2026", "1. 3. 2026"),
            ("ar", "24/12/2026", "1/3/2026"),
        ] {
            let words = shipped.get(Lang::from_tag(tag));
            assert_eq!(
                (date(christmas, words).as_str(), date(march, words).as_str()),
                (long, short),
                "{tag}"
            );
        }
        assert_eq!(date(christmas, &hsb), "24.12.2026", "a catalog without a date template");
        // Names missing or blank: the month's number shows; names are trimmed.
        let short = Catalog::parse(
            r#"{"formlotse-catalog": 1, "lang": "fr", "name": "Français",
                "words": {"date": "{d} {month} {yyyy}", "months": "janvier, février,  ,avril"}}"#,
        )
        .expect("a catalog"); // ok: test
        assert_eq!(date(march, &short), "1 3 2026");
        assert_eq!(date(Date::new(2026, 2, 1).expect("a date"), &short), "1 février 2026"); // ok: test
        assert_eq!(date(christmas, &short), "24 12 2026");
    }
}
