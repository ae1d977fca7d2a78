//! Exact decimal numbers as citizens type them: "1.234,56" in German, "1,234.56" in English,
//! with a sign, spaces between digit groups and a € sign tolerated. Kept as an integer with a
//! scale, so that "two decimals at most" and min/max compare exactly, never via binary floats.

mod arithmetic;

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
        let text = super::ascii_digits(text, lang);
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
        from_digits(negative, &whole, fraction, 0, MAX_DIGITS)
    }

    /// Reads a JSON number from its text, exactly (`-12.5`, `1e-7`, `2E3`): never through a
    /// binary float, so a payload's `100000.000000000000001` stays above `100000`.
    pub fn from_json_text(text: &str) -> Result<Decimal, NumberProblem> {
        read_json_text(text, MAX_DIGITS)
    }

    /// Reads a calculated value as a payload carries it: a calculation may produce more digits
    /// than a citizen may type (`100000.000001³`, `10^8 ÷ 3` to 12 decimals), up to the 38 an
    /// `i128` holds, and the browser sends all of them.
    pub fn from_calculated_json_text(text: &str) -> Result<Decimal, NumberProblem> {
        read_json_text(text, MAX_SCALE as usize)
    }

    /// The number for the payload, exactly: its plain decimal text is a JSON number
    /// (`-1234.5`, `0.0000001`), so no digit is lost to a binary float on the way.
    pub fn to_json(self) -> crate::json::Json {
        crate::json::Json::Number(self.to_string().into())
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

/// A JSON number's text with at most `max_digits` significant digits and decimals.
fn read_json_text(text: &str, max_digits: usize) -> Result<Decimal, NumberProblem> {
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
    from_digits(negative, whole, fraction, exponent, max_digits)
}

/// A number from its digits: `whole.fraction × 10^exponent`, at most `max_digits` significant
/// digits and `max_digits` decimals (leading zeros and trailing zeros of the fraction are free);
/// `max_digits` is at most [`MAX_SCALE`], so the units fit an `i128`.
fn from_digits(
    negative: bool,
    whole: &str,
    fraction: &str,
    exponent: i32,
    max_digits: usize,
) -> Result<Decimal, NumberProblem> {
    let max_digits = max_digits.min(MAX_SCALE as usize);
    let fraction = fraction.trim_end_matches('0');
    let whole = whole.trim_start_matches('0');
    let significant = if whole.is_empty() {
        fraction.trim_start_matches('0').len()
    } else {
        whole.len().saturating_add(fraction.len())
    };
    if significant > max_digits {
        return Err(NumberProblem::TooLong);
    }
    let digits = format!("{whole}{fraction}");
    let digits = digits.trim_start_matches('0');
    let units: i128 =
        if digits.is_empty() { 0 } else { digits.parse().map_err(|_| NumberProblem::Invalid)? };
    if units == 0 {
        return Ok(Decimal::from_int(0));
    }
    // fraction.len() ≤ max_digits here, so these conversions and sums stay small.
    let scale = i64::try_from(fraction.len())
        .map_err(|_| NumberProblem::TooLong)?
        .saturating_sub(i64::from(exponent));
    let max = i64::try_from(max_digits).unwrap_or(18);
    let units = if negative { units.checked_neg().ok_or(NumberProblem::TooLong)? } else { units };
    if scale < 0 {
        // A positive exponent: whole digits, at most max_digits of them.
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
    /// The digits are written by hand: `u128`'s own formatting costs the wasm about 2 KB.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let normalized = self.normalized();
        let scale = usize::try_from(normalized.scale.min(MAX_SCALE)).unwrap_or(0);
        // Least significant first, and at least one digit before the point ("0.05").
        let mut magnitude = normalized.units.unsigned_abs();
        let mut digits = Vec::with_capacity(40);
        while magnitude > 0 || digits.len() <= scale {
            let digit = u32::try_from(magnitude % 10).unwrap_or(0);
            digits.push(char::from_digit(digit, 10).unwrap_or('0'));
            magnitude /= 10;
        }
        let mut text = String::with_capacity(digits.len().saturating_add(2));
        if normalized.units < 0 {
            text.push('-');
        }
        for (position, digit) in digits.iter().enumerate().rev() {
            text.push(*digit);
            if position == scale && scale > 0 {
                text.push('.');
            }
        }
        f.write_str(&text)
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
mod tests;
