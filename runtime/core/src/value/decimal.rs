//! Exact decimal numbers as citizens type them: "1.234,56" in German, "1,234.56" in English,
//! with a sign, spaces between digit groups and a € sign tolerated. Kept as an integer with a
//! scale, so that "two decimals at most" and min/max compare exactly, never via binary floats.

use crate::lang::Lang;
use std::cmp::Ordering;

/// A decimal number: `units × 10^-scale`.
#[derive(Debug, Clone, Copy)]
pub struct Decimal {
    units: i128,
    scale: u32,
}

/// Why typed text is not a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberProblem {
    /// Not a number at all, or digit groups in the wrong places.
    Invalid,
    /// More than 18 digits.
    TooLong,
}

const MAX_DIGITS: usize = 18;

impl Decimal {
    /// A whole number.
    pub fn from_int(n: i64) -> Decimal {
        Decimal { units: i128::from(n), scale: 0 }
    }

    /// How many digits follow the decimal separator, ignoring trailing zeros.
    pub fn decimals(self) -> u32 {
        let (mut units, mut scale) = (self.units, self.scale);
        while scale > 0 && units % 10 == 0 {
            units /= 10;
            scale -= 1;
        }
        scale
    }

    /// Parses what a citizen typed in `lang`'s conventions (see the module docs).
    pub fn parse_input(text: &str, lang: Lang) -> Result<Decimal, NumberProblem> {
        let (decimal, group) = match lang {
            Lang::De => (',', '.'),
            Lang::En => ('.', ','),
        };
        let text = text.trim().trim_end_matches('€').trim_start_matches('€').trim();
        let (negative, text) = match text.chars().next() {
            Some('-' | '−') => (true, text[text.chars().next().map_or(0, char::len_utf8)..].trim_start()),
            Some('+') => (false, text[1..].trim_start()),
            _ => (false, text),
        };
        // Spaces (also no-break and narrow no-break) may group digits: "1 234,5".
        let text: String = text.chars().filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}')).collect();
        let (whole, fraction) = match (text.rfind(decimal), text.matches(group).count()) {
            (Some(at), _) => (&text[..at], &text[at + 1..]),
            // One lone group separator not followed by exactly three digits is meant as the
            // decimal separator ("1.5" typed into a German form).
            (None, 1) if text.split(group).nth(1).is_some_and(|after| after.len() != 3) => {
                let at = text.find(group).unwrap_or_default();
                (&text[..at], &text[at + 1..])
            }
            _ => (text.as_str(), ""),
        };
        let whole = ungroup(whole, group).ok_or(NumberProblem::Invalid)?;
        if (whole.is_empty() && fraction.is_empty()) || !fraction.bytes().all(|b| b.is_ascii_digit()) {
            return Err(NumberProblem::Invalid);
        }
        let digits = format!("{whole}{fraction}");
        if digits.trim_start_matches('0').len() > MAX_DIGITS {
            return Err(NumberProblem::TooLong);
        }
        let digits = digits.trim_start_matches('0');
        let units: i128 =
            if digits.is_empty() { 0 } else { digits.parse().map_err(|_| NumberProblem::Invalid)? };
        let scale = fraction.len() as u32;
        if scale as usize > MAX_DIGITS {
            return Err(NumberProblem::TooLong);
        }
        Ok(Decimal { units: if negative { -units } else { units }, scale })
    }

    /// Reads a JSON number of a payload.
    pub fn from_json(number: &serde_json::Number) -> Option<Decimal> {
        if let Some(n) = number.as_i64() {
            return Some(Decimal::from_int(n));
        }
        // serde_json prints its float with ryu, so no float formatting is linked for this.
        let text = number.to_string();
        if text.contains(['e', 'E', 'i', 'N']) {
            return None;
        }
        Decimal::parse_input(&text, Lang::En).ok()
    }

    /// The number for the payload: an integer when it has no decimals, else the nearest float.
    pub fn to_json(self) -> serde_json::Value {
        let text = self.to_string();
        if let Ok(n) = text.parse::<i64>() {
            return n.into();
        }
        text.parse::<f64>()
            .ok()
            .and_then(serde_json::Number::from_f64)
            .map_or(serde_json::Value::Null, Into::into)
    }

    fn scaled_to(self, scale: u32) -> i128 {
        self.units * 10i128.pow(scale - self.scale)
    }

    /// The same number at `scale`, if it fits.
    fn rescaled(self, scale: u32) -> Option<i128> {
        self.units.checked_mul(10i128.checked_pow(scale.checked_sub(self.scale)?)?)
    }

    /// `self + other`, or `None` on overflow.
    pub fn checked_add(self, other: Decimal) -> Option<Decimal> {
        let scale = self.scale.max(other.scale);
        Some(
            Decimal { units: self.rescaled(scale)?.checked_add(other.rescaled(scale)?)?, scale }.normalized(),
        )
    }

    /// `self - other`, or `None` on overflow.
    pub fn checked_sub(self, other: Decimal) -> Option<Decimal> {
        self.checked_add(Decimal { units: other.units.checked_neg()?, scale: other.scale })
    }

    /// `self × other`, or `None` on overflow.
    pub fn checked_mul(self, other: Decimal) -> Option<Decimal> {
        let units = self.units.checked_mul(other.units)?;
        Some(Decimal { units, scale: self.scale.checked_add(other.scale)? }.normalized())
    }

    /// `self ÷ other` to 12 decimals (rounded half away from zero), or `None` for a zero
    /// divisor or an overflow.
    pub fn checked_div(self, other: Decimal) -> Option<Decimal> {
        if other.units == 0 {
            return None;
        }
        const PLACES: u32 = 12;
        // (a / 10^sa) / (b / 10^sb) = (a × 10^(sb + PLACES + 1 − sa) / b) / 10^(PLACES + 1)
        let shift = (other.scale + PLACES + 1).checked_sub(self.scale);
        let (numerator, denominator) = match shift {
            Some(shift) => (self.units.checked_mul(10i128.checked_pow(shift)?)?, other.units),
            None => (
                self.units,
                other.units.checked_mul(10i128.checked_pow(self.scale - other.scale - PLACES - 1)?)?,
            ),
        };
        let tenfold = numerator.checked_div(denominator)?;
        let units = (tenfold + tenfold.signum() * 5) / 10;
        Some(Decimal { units, scale: PLACES }.normalized())
    }

    /// Rounded to `places` decimals, half away from zero (as prices and fees are rounded).
    pub fn round(self, places: u32) -> Decimal {
        if places >= self.scale {
            return self;
        }
        let divisor = 10i128.pow(self.scale - places);
        let half = divisor / 2;
        let rounded = (self.units + self.units.signum() * half) / divisor;
        Decimal { units: rounded, scale: places }.normalized()
    }

    /// The whole part, rounded towards zero, if it fits an `i64`.
    pub fn trunc(self) -> Option<i64> {
        i64::try_from(self.units / 10i128.checked_pow(self.scale)?).ok()
    }

    /// Without trailing zeros in the fraction (so sums do not grow their scale forever).
    fn normalized(self) -> Decimal {
        let scale = self.decimals();
        Decimal { units: self.units / 10i128.pow(self.scale - scale), scale }
    }
}

impl std::fmt::Display for Decimal {
    /// Plain notation with a decimal point and no grouping ("-1234.5"); messages localise it.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let scale = self.decimals();
        let normalized = self.units / 10i128.pow(self.scale - scale);
        let sign = if normalized < 0 { "-" } else { "" };
        let (whole, fraction) = (normalized.abs() / 10i128.pow(scale), normalized.abs() % 10i128.pow(scale));
        if scale == 0 {
            write!(f, "{sign}{whole}")
        } else {
            write!(f, "{sign}{whole}.{fraction:0width$}", width = scale as usize)
        }
    }
}

/// Removes group separators, checking that they group by three: "1.234.567" yes, "12.34" no.
fn ungroup(whole: &str, group: char) -> Option<String> {
    let mut parts = whole.split(group);
    let first = parts.next().unwrap_or_default();
    let mut digits = first.to_owned();
    for part in parts {
        if first.is_empty() || first.len() > 3 || part.len() != 3 {
            return None;
        }
        digits.push_str(part);
    }
    digits.bytes().all(|b| b.is_ascii_digit()).then_some(digits)
}

impl PartialEq for Decimal {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Decimal {}

impl PartialOrd for Decimal {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Decimal {
    fn cmp(&self, other: &Self) -> Ordering {
        let scale = self.scale.max(other.scale);
        self.scaled_to(scale).cmp(&other.scaled_to(scale))
    }
}

#[cfg(test)]
mod arithmetic_tests {
    use super::Decimal;
    use crate::lang::Lang;

    fn d(text: &str) -> Decimal {
        Decimal::parse_input(text, Lang::En).expect("a number") // ok: test
    }

    #[test]
    fn exact_arithmetic() {
        assert_eq!(d("0.1").checked_add(d("0.2")), Some(d("0.3")));
        assert_eq!(d("96").checked_add(d("144").checked_mul(d("2")).unwrap()), Some(d("384"))); // ok: test
        assert_eq!(d("1.5").checked_sub(d("2.25")), Some(d("-0.75")));
        assert_eq!(d("1").checked_div(d("3")).map(|x| x.to_string()), Some("0.333333333333".into()));
        assert_eq!(d("2").checked_div(d("3")).map(|x| x.to_string()), Some("0.666666666667".into()));
        assert_eq!(d("10").checked_div(d("0.5")), Some(d("20")));
        assert_eq!(d("1").checked_div(d("0")), None);
        assert_eq!(d("2.345").round(2), d("2.35"));
        assert_eq!(d("-2.345").round(2), d("-2.35"));
        assert_eq!(d("2.5").round(0), d("3"));
        assert_eq!(d("2.5").round(5), d("2.5"));
        assert_eq!(d("-7.9").trunc(), Some(-7));
        let huge = d("999999999999999999");
        assert_eq!(huge.checked_mul(huge).and_then(|x| x.checked_mul(huge)), None);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn de(text: &str) -> Result<String, NumberProblem> {
        Decimal::parse_input(text, Lang::De).map(|d| d.to_json().to_string())
    }

    #[test]
    fn german_input() {
        for (text, expected) in [
            ("1.234,56", "1234.56"),
            ("1234,56", "1234.56"),
            ("1234", "1234"),
            ("1.234", "1234"),
            ("1.234.567", "1234567"),
            ("1.5", "1.5"),
            ("0,5", "0.5"),
            (",5", "0.5"),
            ("-3", "-3"),
            ("−3,25", "-3.25"),
            ("+7", "7"),
            ("1 234,50 €", "1234.5"),
            ("€ 12", "12"),
            ("12,00", "12"),
            ("007", "7"),
        ] {
            assert_eq!(de(text), Ok(expected.to_owned()), "{text}");
        }
    }

    #[test]
    fn german_rejects() {
        for text in
            ["", "abc", "1,2,3", "12.34.5", "1..2", "1,5a", "--1", "1e5", "1.23,4.5", "1234567890123456789"]
        {
            assert!(de(text).is_err(), "{text} must be rejected");
        }
        assert_eq!(de("1234567890123456789"), Err(NumberProblem::TooLong));
    }

    #[test]
    fn english_input() {
        let en = |t| Decimal::parse_input(t, Lang::En).map(|d| d.to_json().to_string());
        assert_eq!(en("1,234.56"), Ok("1234.56".into()));
        assert_eq!(en("1,5"), Ok("1.5".into()));
        assert_eq!(en("1,234"), Ok("1234".into()));
    }

    #[test]
    fn exact_comparison_and_decimals() {
        let d = |t| Decimal::parse_input(t, Lang::De).expect("number"); // ok: test
        assert!(d("0,1") + 0 == d("0,10"));
        assert!(d("2,5") < d("2,51"));
        assert!(d("-1") < d("0"));
        assert_eq!(d("12,50").decimals(), 1);
        assert_eq!(d("12,345").decimals(), 3);
        let json = serde_json::json!(12.5);
        assert_eq!(Decimal::from_json(json.as_number().expect("number")), Some(d("12,5"))); // ok: test
    }

    impl std::ops::Add<i64> for Decimal {
        type Output = Decimal;
        fn add(self, n: i64) -> Decimal {
            Decimal { units: self.units + i128::from(n) * 10i128.pow(self.scale), scale: self.scale }
        }
    }
}
