//! Checked arithmetic on decimals, for calculations: every operation answers a value or
//! `None` (overflow, a zero divisor), never a wrapped number or a panic.

use super::{Decimal, ten_to};

impl Decimal {
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
}

#[cfg(test)]
mod tests {
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
        assert_eq!(json("100000.000000000000001"), Err(super::super::NumberProblem::TooLong));
        assert_eq!(json("100000.00000000001"), Ok("100000.00000000001".into()));
        assert!(Decimal::from_json_text("100000.00000000001").expect("n") > d("100000")); // ok: test
        assert_eq!(json("-12.50"), Ok("-12.5".into()));
        assert_eq!(json("1e-7"), Ok("0.0000001".into()));
        assert_eq!(json("2E3"), Ok("2000".into()));
        assert_eq!(json("1.5e+2"), Ok("150".into()));
        assert_eq!(json("0e99999999"), Err(super::super::NumberProblem::TooLong));
        assert_eq!(json("1e19"), Err(super::super::NumberProblem::TooLong));
        assert_eq!(json("1e-19"), Err(super::super::NumberProblem::TooLong));
        assert_eq!(json(&"9".repeat(10_000)), Err(super::super::NumberProblem::TooLong));
        assert_eq!(json(&format!("0.{}", "0".repeat(10_000))), Ok("0".into()));
        for bad in ["", "-", "1.", ".5", "1e", "1e+", "e5", "1x", "--1", "1.2.3", "1e5.5"] {
            assert_eq!(json(bad), Err(super::super::NumberProblem::Invalid), "{bad}");
        }
    }
}
