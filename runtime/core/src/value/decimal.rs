//! Exact decimal numbers as citizens type them: "1.234,56" in German, "1,234.56" in English,
//! with a sign, spaces between digit groups and a € sign tolerated. Kept as an integer with a
//! scale, so that "two decimals at most" and min/max compare exactly, never via binary floats.

use crate::lang::Lang;
use std::cmp::Ordering;

/// A decimal number: `units × 10^-scale`, with `scale` at most [`MAX_SCALE`] (so that
/// `10^scale` fits an `i128` and every operation below can be checked, never wrapped).
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

/// The most significant digits a number read from a citizen or a payload may have.
const MAX_DIGITS: usize = 18;
/// The most decimals a number may carry: `10^38` is the largest power of ten an `i128` holds.
const MAX_SCALE: u32 = 38;

/// `10^exponent`, if it fits.
fn ten_to(exponent: u32) -> Option<i128> {
    10i128.checked_pow(exponent)
}

impl Decimal {
    /// A whole number.
    pub fn from_int(n: i64) -> Decimal {
        Decimal { units: i128::from(n), scale: 0 }
    }

    /// `units × 10^-scale` without trailing zeros, if the scale is one a decimal can carry.
    fn new(units: i128, scale: u32) -> Option<Decimal> {
        let decimal = Decimal { units, scale }.normalized();
        (decimal.scale <= MAX_SCALE).then_some(decimal)
    }

    /// How many digits follow the decimal separator, ignoring trailing zeros.
    pub fn decimals(self) -> u32 {
        let (mut units, mut scale) = (self.units, self.scale);
        while scale > 0 && units.checked_rem(10) == Some(0) {
            units = units.checked_div(10).unwrap_or(0);
            scale = scale.saturating_sub(1);
        }
        scale
    }

    /// Parses what a citizen typed in `lang`'s conventions (see the module docs).
    pub fn parse_input(text: &str, lang: Lang) -> Result<Decimal, NumberProblem> {
        let (decimal, group) = lang.separators();
        let text = text.trim().trim_end_matches('€').trim_start_matches('€').trim();
        let (negative, text) = match text.strip_prefix(['-', '−']) {
            Some(rest) => (true, rest.trim_start()),
            None => (false, text.strip_prefix('+').map_or(text, str::trim_start)),
        };
        // Spaces (also no-break and narrow no-break) may group digits: "1 234,5".
        let text: String = text.chars().filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}')).collect();
        let (whole, fraction) = match (text.rsplit_once(decimal), text.matches(group).count()) {
            (Some(parts), _) => parts,
            // One lone group separator not followed by exactly three digits is meant as the
            // decimal separator ("1.5" typed into a German form).
            (None, 1) if text.split(group).nth(1).is_some_and(|after| after.len() != 3) => {
                text.split_once(group).unwrap_or((text.as_str(), ""))
            }
            _ => (text.as_str(), ""),
        };
        let whole = ungroup(whole, group).ok_or(NumberProblem::Invalid)?;
        if (whole.is_empty() && fraction.is_empty()) || !fraction.bytes().all(|b| b.is_ascii_digit()) {
            return Err(NumberProblem::Invalid);
        }
        from_digits(negative, &whole, fraction, 0)
    }

    /// Reads a JSON number from its text, exactly (`-12.5`, `1e-7`, `2E3`): never through a
    /// binary float, so a payload's `100000.000000000000001` stays above `100000`.
    pub fn from_json_text(text: &str) -> Result<Decimal, NumberProblem> {
        let (negative, text) = match text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, text),
        };
        let (mantissa, exponent) = match text.split_once(['e', 'E']) {
            Some((mantissa, exponent)) => {
                let exponent = exponent.strip_prefix('+').unwrap_or(exponent);
                let digits = exponent.trim_start_matches('-').trim_start_matches('0');
                if !exponent.bytes().skip(usize::from(exponent.starts_with('-'))).all(|b| b.is_ascii_digit())
                    || exponent.trim_start_matches('-').is_empty()
                {
                    return Err(NumberProblem::Invalid);
                }
                // More than four digits of exponent is far beyond what a decimal holds.
                if digits.len() > 4 {
                    return Err(NumberProblem::TooLong);
                }
                (mantissa, exponent.parse::<i32>().map_err(|_| NumberProblem::Invalid)?)
            }
            None => (text, 0),
        };
        let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
        let digits = |part: &str| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit());
        if !digits(whole) || (mantissa.contains('.') && !digits(fraction)) {
            return Err(NumberProblem::Invalid);
        }
        from_digits(negative, whole, fraction, exponent)
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

    /// The same number at `scale`, if it fits.
    fn rescaled(self, scale: u32) -> Option<i128> {
        self.units.checked_mul(ten_to(scale.checked_sub(self.scale)?)?)
    }

    /// `self + other`, or `None` on overflow.
    pub fn checked_add(self, other: Decimal) -> Option<Decimal> {
        let scale = self.scale.max(other.scale);
        Decimal::new(self.rescaled(scale)?.checked_add(other.rescaled(scale)?)?, scale)
    }

    /// `self - other`, or `None` on overflow.
    pub fn checked_sub(self, other: Decimal) -> Option<Decimal> {
        self.checked_add(Decimal { units: other.units.checked_neg()?, scale: other.scale })
    }

    /// `self × other`, or `None` on overflow.
    pub fn checked_mul(self, other: Decimal) -> Option<Decimal> {
        Decimal::new(self.units.checked_mul(other.units)?, self.scale.checked_add(other.scale)?)
    }

    /// `self ÷ other` to 12 decimals (rounded half away from zero), or `None` for a zero
    /// divisor or an overflow.
    pub fn checked_div(self, other: Decimal) -> Option<Decimal> {
        if other.units == 0 {
            return None;
        }
        const PLACES: u32 = 12;
        // (a / 10^sa) / (b / 10^sb) = (a × 10^(sb + PLACES + 1 − sa) / b) / 10^(PLACES + 1)
        let target = other.scale.checked_add(PLACES + 1)?;
        let (numerator, denominator) = match target.checked_sub(self.scale) {
            Some(shift) => (self.units.checked_mul(ten_to(shift)?)?, other.units),
            None => (self.units, other.units.checked_mul(ten_to(self.scale.checked_sub(target)?)?)?),
        };
        let tenfold = numerator.checked_div(denominator)?;
        let units = tenfold.checked_add(tenfold.signum().checked_mul(5)?)?.checked_div(10)?;
        Decimal::new(units, PLACES)
    }

    /// Rounded to `places` decimals, half away from zero (as prices and fees are rounded).
    pub fn round(self, places: u32) -> Decimal {
        let Some(divisor) = self.scale.checked_sub(places).and_then(ten_to).filter(|_| places < self.scale)
        else {
            return self;
        };
        // |remainder| < divisor, so none of this can overflow; checked all the same.
        let quotient = self.units.checked_div(divisor).unwrap_or(0);
        let remainder = self.units.checked_rem(divisor).unwrap_or(0).unsigned_abs();
        let away = remainder >= divisor.unsigned_abs().saturating_sub(remainder);
        let rounded = if away { quotient.saturating_add(self.units.signum()) } else { quotient };
        Decimal::new(rounded, places).unwrap_or(self)
    }

    /// The whole part, rounded towards zero, if it fits an `i64`.
    pub fn trunc(self) -> Option<i64> {
        i64::try_from(self.units.checked_div(ten_to(self.scale)?)?).ok()
    }

    /// Without trailing zeros in the fraction (so sums do not grow their scale forever).
    fn normalized(self) -> Decimal {
        let scale = self.decimals();
        let divisor = self.scale.checked_sub(scale).and_then(ten_to).unwrap_or(1);
        Decimal { units: self.units.checked_div(divisor).unwrap_or(self.units), scale }
    }

    /// The magnitude as a whole part and the fraction's digits at 38 places: exact, and
    /// comparable across scales without rescaling (which could overflow).
    fn magnitude(self) -> (u128, u128) {
        let units = self.units.unsigned_abs();
        let scale = self.scale.min(MAX_SCALE);
        let unit = 10u128.checked_pow(scale).unwrap_or(1);
        let whole = units.checked_div(unit).unwrap_or(0);
        let fraction = units.checked_rem(unit).unwrap_or(0);
        let widen = 10u128.checked_pow(MAX_SCALE.saturating_sub(scale)).unwrap_or(1);
        (whole, fraction.saturating_mul(widen))
    }
}

/// A number from its digits: `whole.fraction × 10^exponent`, at most [`MAX_DIGITS`] significant
/// digits and [`MAX_DIGITS`] decimals (leading zeros and trailing zeros of the fraction are free).
fn from_digits(negative: bool, whole: &str, fraction: &str, exponent: i32) -> Result<Decimal, NumberProblem> {
    let fraction = fraction.trim_end_matches('0');
    let whole = whole.trim_start_matches('0');
    let significant = if whole.is_empty() {
        fraction.trim_start_matches('0').len()
    } else {
        whole.len().saturating_add(fraction.len())
    };
    if significant > MAX_DIGITS {
        return Err(NumberProblem::TooLong);
    }
    let digits = format!("{whole}{fraction}");
    let digits = digits.trim_start_matches('0');
    let units: i128 =
        if digits.is_empty() { 0 } else { digits.parse().map_err(|_| NumberProblem::Invalid)? };
    if units == 0 {
        return Ok(Decimal::from_int(0));
    }
    // fraction.len() ≤ MAX_DIGITS here, so these conversions and sums stay small.
    let scale = i64::try_from(fraction.len())
        .map_err(|_| NumberProblem::TooLong)?
        .saturating_sub(i64::from(exponent));
    let max = i64::try_from(MAX_DIGITS).unwrap_or(18);
    let units = if negative { units.checked_neg().ok_or(NumberProblem::TooLong)? } else { units };
    if scale < 0 {
        // A positive exponent: whole digits, at most MAX_DIGITS of them.
        let zeros = u32::try_from(scale.unsigned_abs()).map_err(|_| NumberProblem::TooLong)?;
        if i64::from(zeros).saturating_add(i64::try_from(digits.len()).unwrap_or(max)) > max {
            return Err(NumberProblem::TooLong);
        }
        let units = ten_to(zeros).and_then(|p| units.checked_mul(p)).ok_or(NumberProblem::TooLong)?;
        return Ok(Decimal { units, scale: 0 });
    }
    if scale > max {
        return Err(NumberProblem::TooLong);
    }
    let scale = u32::try_from(scale).map_err(|_| NumberProblem::TooLong)?;
    Decimal::new(units, scale).ok_or(NumberProblem::TooLong)
}

impl std::fmt::Display for Decimal {
    /// Plain notation with a decimal point and no grouping ("-1234.5"); messages localise it.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let normalized = self.normalized();
        let scale = normalized.scale.min(MAX_SCALE);
        let sign = if normalized.units < 0 { "-" } else { "" };
        let magnitude = normalized.units.unsigned_abs();
        let unit = 10u128.checked_pow(scale).unwrap_or(1);
        let (whole, fraction) =
            (magnitude.checked_div(unit).unwrap_or(0), magnitude.checked_rem(unit).unwrap_or(0));
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
        let by_sign = self.units.signum().cmp(&other.units.signum());
        if by_sign != Ordering::Equal {
            return by_sign;
        }
        let by_magnitude = self.magnitude().cmp(&other.magnitude());
        if self.units < 0 { by_magnitude.reverse() } else { by_magnitude }
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

    /// Products of the largest numbers and the smallest fractions: every operation answers
    /// (a value or `None`), and comparing, rounding and printing never overflow.
    #[test]
    fn extremes_never_overflow() {
        let big = d("999999999999999999");
        let tiny = d("0.000000000000000001");
        let square = big.checked_mul(big).expect("fits"); // ok: test
        let small = tiny.checked_mul(tiny).expect("fits"); // ok: test
        assert_eq!(small.to_string(), format!("0.{}1", "0".repeat(35)));
        assert_eq!(tiny.checked_mul(small), None, "more than 38 decimals");
        assert!(square > big && small < tiny && small > d("0"));
        assert!(square.checked_mul(d("-1")).expect("fits") < small); // ok: test
        assert_eq!(square.checked_mul(d("1000")), None);
        assert_eq!(square.checked_div(small), None);
        assert_eq!(square.checked_sub(tiny), None, "36 digits and 18 decimals do not fit");
        assert_eq!(small.round(2), d("0"));
        assert_eq!(square.round(0), square);
        assert_eq!(square.trunc(), None);
        let odd = big.checked_sub(tiny).expect("fits"); // ok: test
        assert!(odd < big && odd > d("999999999999999998"));
        assert_eq!(odd.round(0), big);
        assert_eq!(odd.round(17), big);
        assert_eq!(odd.checked_mul(d("-1")).expect("fits").round(0), d("-999999999999999999")); // ok: test
    }

    #[test]
    fn json_numbers_exactly() {
        let json = |t: &str| Decimal::from_json_text(t).map(|x| x.to_string());
        assert_eq!(json("100000.000000000000001"), Err(super::NumberProblem::TooLong));
        assert_eq!(json("100000.00000000001"), Ok("100000.00000000001".into()));
        assert!(Decimal::from_json_text("100000.00000000001").expect("n") > d("100000")); // ok: test
        assert_eq!(json("-12.50"), Ok("-12.5".into()));
        assert_eq!(json("1e-7"), Ok("0.0000001".into()));
        assert_eq!(json("2E3"), Ok("2000".into()));
        assert_eq!(json("1.5e+2"), Ok("150".into()));
        assert_eq!(json("0e99999999"), Err(super::NumberProblem::TooLong));
        assert_eq!(json("1e19"), Err(super::NumberProblem::TooLong));
        assert_eq!(json("1e-19"), Err(super::NumberProblem::TooLong));
        assert_eq!(json(&"9".repeat(10_000)), Err(super::NumberProblem::TooLong));
        assert_eq!(json(&format!("0.{}", "0".repeat(10_000))), Ok("0".into()));
        for bad in ["", "-", "1.", ".5", "1e", "1e+", "e5", "1x", "--1", "1.2.3", "1e5.5"] {
            assert_eq!(json(bad), Err(super::NumberProblem::Invalid), "{bad}");
        }
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
        assert_eq!(Decimal::from_json_text("12.5"), Ok(d("12,5")));
    }

    impl std::ops::Add<i64> for Decimal {
        type Output = Decimal;
        fn add(self, n: i64) -> Decimal {
            Decimal { units: self.units + i128::from(n) * 10i128.pow(self.scale), scale: self.scale }
        }
    }
}
