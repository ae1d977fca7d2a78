//! `"minDate"` / `"maxDate"` — a fixed date (`"2026-01-01"`) or one relative to the day of
//! filling in: `"today"`, `"today-18y"`, `"today+14d"`, `"today+3m"`.
//!
//! ```json
//! {"id": "geburtsdatum", "type": "date", "label": "Geburtsdatum", "maxDate": "today-18y"}
//! ```

use super::Violation;
use crate::definition::Field;
use crate::value::{Date, Value};

pub(super) fn check(field: &Field, value: &Value, today: Date) -> Option<Violation> {
    let Value::Date(date) = value else { return None };
    if let Some(min) = field.rules.min_date.and_then(|b| b.resolve(today))
        && *date < min
    {
        return Some(Violation::DateMin { min });
    }
    if let Some(max) = field.rules.max_date.and_then(|b| b.resolve(today))
        && *date > max
    {
        return Some(Violation::DateMax { max });
    }
    None
}

#[cfg(test)]
mod tests {
    use crate::validation::testing::verdict;
    use crate::value::Answer;

    fn date(d: &str, m: &str, y: &str) -> Vec<(&'static str, Answer)> {
        vec![("f", Answer::Date { day: d.into(), month: m.into(), year: y.into() })]
    }

    #[test]
    fn relative_and_fixed_limits() {
        // Today is 2026-11-28 in the tests.
        let adult = r#"{"id": "f", "type": "date", "label": "Geburtsdatum", "maxDate": "today-18y"}"#;
        assert_eq!(verdict(adult, &date("28", "11", "2008")), None);
        assert_eq!(verdict(adult, &date("29", "11", "2008")), Some("maxDate"));
        let future = r#"{"id": "f", "type": "date", "label": "Beginn", "minDate": "today+1d", "maxDate": "2027-12-31"}"#;
        assert_eq!(verdict(future, &date("28", "11", "2026")), Some("minDate"));
        assert_eq!(verdict(future, &date("29", "11", "2026")), None);
        assert_eq!(verdict(future, &date("1", "1", "2028")), Some("maxDate"));
    }

    #[test]
    fn typed_dates() {
        let field = r#"{"id": "f", "type": "date", "label": "Datum"}"#;
        assert_eq!(verdict(field, &date("29", "2", "2024")), None);
        assert_eq!(verdict(field, &date("29", "2", "2023")), Some("date"));
        assert_eq!(verdict(field, &date("31", "4", "2026")), Some("date"));
        assert_eq!(verdict(field, &date("1", "", "2026")), Some("dateIncomplete"));
        assert_eq!(verdict(field, &date("1", "1", "26")), Some("dateYear"));
        assert_eq!(verdict(field, &date("x", "1", "2026")), Some("date"));
        assert_eq!(verdict(field, &date("", " ", "")), None);
    }
}
