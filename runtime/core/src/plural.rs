//! Plural categories of whole numbers, after the CLDR cardinal rules: a rule per language, a
//! few lines each, instead of ICU. A catalog writes a counted text once per category it needs
//! (`"retrying.one"`, `"retrying.few"`, `"retrying.many"`, `"retrying.other"`).
//!
//! Counts in Formlotse are whole numbers (seconds, characters, files, entries), so only the
//! integer part of each rule is here (CLDR's `v = 0`).

use crate::lang::Lang;

/// A CLDR plural category.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Plural {
    Zero,
    One,
    Two,
    Few,
    Many,
    Other,
}

impl Plural {
    /// The CLDR name, as used in catalog keys: `one`, `few`, …
    pub fn name(self) -> &'static str {
        match self {
            Plural::Zero => "zero",
            Plural::One => "one",
            Plural::Two => "two",
            Plural::Few => "few",
            Plural::Many => "many",
            Plural::Other => "other",
        }
    }
}

/// The rule families; a language not listed counts like German (`one` for 1, else `other`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Rule {
    /// de, en, tr, and the default: one, other.
    OneOther,
    /// ru, uk: one (1, 21, 31 …), few (2–4, 22–24 …), many (0, 5–20, 25–30 …).
    EastSlavic,
    /// pl: one (1), few (2–4, 22–24 …), many (0, 5–21, 25–31 …).
    Polish,
    /// cs, sk: one (1), few (2–4), other.
    CzechSlovak,
    /// ar: zero, one, two, few (3–10, 103–110 …), many (11–99, 111–199 …), other (100, 101 …).
    Arabic,
    /// hsb, dsb, sl: one (1, 101 …), two (2, 102 …), few (3–4, 103–104 …), other.
    Sorbian,
    /// fr: one (0, 1), many (1 000 000, 2 000 000 …), other.
    French,
}

fn rule(lang: Lang) -> Rule {
    match lang.primary() {
        "ru" | "uk" | "be" => Rule::EastSlavic,
        "pl" => Rule::Polish,
        "cs" | "sk" => Rule::CzechSlovak,
        "ar" => Rule::Arabic,
        "hsb" | "dsb" | "sl" => Rule::Sorbian,
        "fr" => Rule::French,
        _ => Rule::OneOther,
    }
}

/// The category of the whole number `n` in `lang`.
pub fn category(lang: Lang, n: u64) -> Plural {
    let (mod10, mod100) = (n % 10, n % 100);
    match rule(lang) {
        Rule::OneOther => {
            if n == 1 {
                Plural::One
            } else {
                Plural::Other
            }
        }
        Rule::EastSlavic => match (mod10, mod100) {
            (1, m) if m != 11 => Plural::One,
            (2..=4, m) if !(12..=14).contains(&m) => Plural::Few,
            _ => Plural::Many,
        },
        Rule::Polish => match (n, mod10, mod100) {
            (1, _, _) => Plural::One,
            (_, 2..=4, m) if !(12..=14).contains(&m) => Plural::Few,
            _ => Plural::Many,
        },
        Rule::CzechSlovak => match n {
            1 => Plural::One,
            2..=4 => Plural::Few,
            _ => Plural::Other,
        },
        Rule::Arabic => match (n, mod100) {
            (0, _) => Plural::Zero,
            (1, _) => Plural::One,
            (2, _) => Plural::Two,
            (_, 3..=10) => Plural::Few,
            (_, 11..=99) => Plural::Many,
            _ => Plural::Other,
        },
        Rule::Sorbian => match mod100 {
            1 => Plural::One,
            2 => Plural::Two,
            3 | 4 => Plural::Few,
            _ => Plural::Other,
        },
        Rule::French => match n {
            0 | 1 => Plural::One,
            n if n != 0 && n % 1_000_000 == 0 => Plural::Many,
            _ => Plural::Other,
        },
    }
}

/// The categories a catalog in `lang` must write for a counted text, `other` last.
pub fn categories(lang: Lang) -> &'static [Plural] {
    use Plural::*;
    match rule(lang) {
        Rule::OneOther => &[One, Other],
        Rule::EastSlavic | Rule::Polish => &[One, Few, Many, Other],
        Rule::CzechSlovak => &[One, Few, Other],
        Rule::Arabic => &[Zero, One, Two, Few, Many, Other],
        Rule::Sorbian => &[One, Two, Few, Other],
        Rule::French => &[One, Many, Other],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The CLDR examples of each category (integer samples from plurals.xml).
    #[test]
    fn cldr_integer_samples() {
        let cases: &[(&str, &str, &[u64])] = &[
            ("de", "one", &[1]),
            ("de", "other", &[0, 2, 16, 100, 1000]),
            ("en", "one", &[1]),
            ("tr", "other", &[0, 2, 17]),
            ("de-x-ls", "one", &[1]),
            ("uk", "one", &[1, 21, 31, 41, 101, 1001]),
            ("uk", "few", &[2, 3, 4, 22, 23, 24, 102, 1002]),
            ("uk", "many", &[0, 5, 11, 12, 13, 14, 19, 20, 25, 100, 111, 1000]),
            ("ru", "one", &[1, 21, 71]),
            ("ru", "few", &[2, 34, 1003]),
            ("ru", "many", &[0, 5, 11, 12, 111, 10_000]),
            ("pl", "one", &[1]),
            ("pl", "few", &[2, 3, 4, 22, 23, 24, 32, 102, 1002]),
            ("pl", "many", &[0, 5, 11, 12, 13, 14, 19, 20, 21, 25, 31, 100, 1000]),
            ("cs", "one", &[1]),
            ("cs", "few", &[2, 3, 4]),
            ("cs", "other", &[0, 5, 11, 21, 22, 100, 1000]),
            ("ar", "zero", &[0]),
            ("ar", "one", &[1]),
            ("ar", "two", &[2]),
            ("ar", "few", &[3, 4, 10, 103, 110, 1003]),
            ("ar", "many", &[11, 26, 99, 111, 1011]),
            ("ar", "other", &[100, 101, 102, 200, 1000]),
            ("hsb", "one", &[1, 101, 201]),
            ("hsb", "two", &[2, 102]),
            ("hsb", "few", &[3, 4, 103, 104]),
            ("hsb", "other", &[0, 5, 11, 12, 19, 100]),
            ("fr", "one", &[0, 1]),
            ("fr", "many", &[1_000_000, 2_000_000]),
            ("fr", "other", &[2, 17, 100, 1000]),
        ];
        for (tag, name, samples) in cases {
            let lang = Lang::from_tag(tag);
            for &n in *samples {
                assert_eq!(category(lang, n).name(), *name, "{tag} {n}");
                assert!(categories(lang).contains(&category(lang, n)), "{tag} {n} listed");
            }
        }
    }

    #[test]
    fn other_is_always_there_and_last() {
        for tag in ["de", "uk", "pl", "cs", "ar", "hsb", "fr", "xx"] {
            assert_eq!(categories(Lang::from_tag(tag)).last(), Some(&Plural::Other), "{tag}");
        }
    }
}
