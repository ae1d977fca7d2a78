//! `praezisierung` as the rules of the field type: lengths for text, limits for numbers and
//! dates, and XSD patterns translated exactly (or reported, never imported with another
//! meaning). What does not apply to the type, or is not a valid value, is reported.

use super::Mapper;
use crate::json::Json;
use crate::model::Field;
use crate::pattern::{self, PatternError};
use crate::report::NoteKind;

/// The message of an imported pattern, until an author writes one that says what to enter.
const PATTERN_MESSAGE: &str = "Geben Sie diese Angabe im vorgesehenen Format ein.";

impl Mapper<'_> {
    /// `praezisierung` as the rules of `kind`.
    pub(super) fn precision(
        &mut self,
        field: &Field,
        kind: &str,
        extra: &mut Vec<(&'static str, Json)>,
        messages: &mut Option<Json>,
    ) {
        let line = field.ident.line;
        let id = &field.ident.id;
        let p = &field.precision;
        if field.datentyp == "num" && kind == "number" {
            // FIM's num is a decimal number; the format's number is whole unless it says how many places.
            extra.push(("decimals", Json::int(6)));
        }
        let ignore = |this: &mut Self, what: &str, value: &Option<String>| {
            if let Some(value) = value {
                this.report.note(
                    line,
                    NoteKind::Precision,
                    format!("{what} {value:?} of {id} does not apply to a {kind} field: not imported"),
                );
            }
        };
        if kind == "text" {
            let min = self.count(p.min_length.as_deref(), 0, "minLength", line);
            let max = self.count(p.max_length.as_deref(), 1, "maxLength", line);
            match (min, max) {
                (Some(min), Some(max)) if min > max => {
                    self.report.note(
                        line,
                        NoteKind::Precision,
                        format!("minLength {min} of {id} is above its maxLength {max}: neither imported"),
                    );
                }
                _ => {
                    extra.extend(min.filter(|min| *min > 0).map(|min| ("minLength", Json::int(min))));
                    extra.extend(max.map(|max| ("maxLength", Json::int(max))));
                }
            }
            if let Some(xsd) = &p.pattern {
                match pattern::translate(xsd) {
                    Ok(translated) => {
                        extra.push(("pattern", Json::Str(translated)));
                        *messages = Some(Json::obj().with("pattern", Json::str(PATTERN_MESSAGE)));
                        self.report.note(line, NoteKind::PatternMessage, format!("pattern \"{xsd}\" of {id} is imported with a general message: write messages.pattern saying what to enter"));
                    }
                    Err(PatternError::Invalid(why)) => self.report.note(line, NoteKind::Pattern, format!("pattern \"{xsd}\" of {id} is not a valid XSD pattern ({why}): not imported")),
                    Err(PatternError::Untranslatable(why)) => self.report.note(line, NoteKind::Pattern, format!("pattern \"{xsd}\" of {id} is not imported: {why}; the answers are not checked against it")),
                }
            }
        } else {
            ignore(self, "minLength", &p.min_length);
            ignore(self, "maxLength", &p.max_length);
            ignore(self, "pattern", &p.pattern);
        }
        match kind {
            "number" | "money" => {
                let min = self.decimal(p.min_value.as_deref(), "minValue", line);
                let max = self.decimal(p.max_value.as_deref(), "maxValue", line);
                if let (Some((min, a)), Some((max, b))) = (&min, &max)
                    && a > b
                {
                    self.report.note(
                        line,
                        NoteKind::Precision,
                        format!("minValue {min} of {id} is above its maxValue {max}: neither imported"),
                    );
                    return;
                }
                extra.extend(min.map(|(text, _)| ("min", Json::Num(text))));
                extra.extend(max.map(|(text, _)| ("max", Json::Num(text))));
            }
            "date" => {
                for (key, value) in [("minDate", &p.min_value), ("maxDate", &p.max_value)] {
                    let Some(value) = value else { continue };
                    if formlotse_core::Date::parse_iso(value).is_some() {
                        extra.push((key, Json::str(value)));
                    } else {
                        self.report.note(
                            line,
                            NoteKind::Precision,
                            format!("{value:?} of {id} is not a date YYYY-MM-DD: not imported"),
                        );
                    }
                }
            }
            _ => {
                ignore(self, "minValue", &p.min_value);
                ignore(self, "maxValue", &p.max_value);
            }
        }
    }

    /// A length: a whole number from `min` to 1,000,000.
    fn count(&mut self, value: Option<&str>, min: u64, key: &str, line: u32) -> Option<u64> {
        let value = value?;
        match value.parse::<u64>() {
            Ok(n) if (min..=1_000_000).contains(&n) => Some(n),
            _ => {
                self.report.note(
                    line,
                    NoteKind::Precision,
                    format!("{key} {value:?} is not a whole number from {min} to 1000000: not imported"),
                );
                None
            }
        }
    }

    /// A limit as JSON number text and its value (for comparing).
    fn decimal(&mut self, value: Option<&str>, key: &str, line: u32) -> Option<(String, f64)> {
        let value = value?;
        let valid = {
            let digits = value.strip_prefix('-').unwrap_or(value);
            let (whole, fraction) = digits.split_once('.').unwrap_or((digits, "0"));
            !whole.is_empty()
                && !fraction.is_empty()
                && whole.len() + fraction.len() <= 18
                && whole.bytes().chain(fraction.bytes()).all(|b| b.is_ascii_digit())
        };
        match value.parse::<f64>() {
            Ok(number) if valid => Some((value.to_owned(), number)),
            _ => {
                self.report.note(
                    line,
                    NoteKind::Precision,
                    format!("{key} {value:?} is not a number like 12.5: not imported"),
                );
                None
            }
        }
    }
}
