//! Calendar dates without a clock: parsing, checking (leap years), comparing, shifting.
//! The host passes "today" in; the engine never asks the system for it.

// The civil-date algorithms work on years 1 to 9999 (a `Date` holds no other) and on day
// counts reduced to one 400-year era, so none of their steps can overflow; the steps that
// take outside numbers (`add_days`, `add_months`) are checked.
#![allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)]

use std::fmt;

/// A valid date of the proleptic Gregorian calendar, years 1 to 9999.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: u16,
    month: u8,
    day: u8,
}

impl Date {
    /// The date, when it exists: `Date::new(2024, 2, 29)` does, `Date::new(2023, 2, 29)` not.
    pub fn new(year: i64, month: i64, day: i64) -> Option<Date> {
        if !(1..=9999).contains(&year) || !(1..=12).contains(&month) || day < 1 {
            return None;
        }
        let (year, month) = (year as u16, month as u8);
        (day <= i64::from(days_in_month(year, month))).then_some(Date { year, month, day: day as u8 })
    }

    /// Parses ISO 8601 `YYYY-MM-DD`, exactly.
    pub fn parse_iso(text: &str) -> Option<Date> {
        let bytes = text.as_bytes();
        if bytes.len() != 10 || bytes.get(4) != Some(&b'-') || bytes.get(7) != Some(&b'-') {
            return None;
        }
        let number = |range: std::ops::Range<usize>| -> Option<i64> {
            let part = text.get(range)?;
            part.bytes().all(|b| b.is_ascii_digit()).then(|| part.parse().ok())?
        };
        Date::new(number(0..4)?, number(5..7)?, number(8..10)?)
    }

    /// Year, month (1–12) and day (1–31).
    pub fn parts(self) -> (u16, u8, u8) {
        (self.year, self.month, self.day)
    }

    /// Days since 1970-01-01 (negative before).
    pub fn to_days(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let (y, m, d) = (i64::from(self.year), i64::from(self.month), i64::from(self.day));
        let y = if m <= 2 { y - 1 } else { y };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` after 1970-01-01, when it is within years 1 to 9999.
    pub fn from_days(days: i64) -> Option<Date> {
        let z = days.checked_add(719_468)?;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i64::from(month <= 2);
        Date::new(year, month, day)
    }

    /// Shifts by whole days.
    pub fn add_days(self, days: i64) -> Option<Date> {
        Date::from_days(self.to_days().checked_add(days)?)
    }

    /// Shifts by calendar months; the day is clamped to the month's end (31 Jan + 1 month is
    /// 28 or 29 Feb), so "18 years ago" from 29 Feb is 28 Feb.
    pub fn add_months(self, months: i64) -> Option<Date> {
        // `months` comes from a definition or an expression: checked, never wrapped.
        let index = i64::from(self.year)
            .checked_mul(12)?
            .checked_add(i64::from(self.month))?
            .checked_sub(1)?
            .checked_add(months)?;
        let (year, month) = (index.div_euclid(12), index.rem_euclid(12).saturating_add(1));
        if !(1..=9999).contains(&year) {
            return None;
        }
        let day = i64::from(self.day).min(i64::from(days_in_month(year as u16, month as u8)));
        Date::new(year, month, day)
    }
}

impl fmt::Display for Date {
    /// ISO 8601, as the payload carries it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

fn is_leap(year: u16) -> bool {
    (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400)
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::Date;

    #[test]
    fn validity_and_leap_days() {
        for (y, m, d, valid) in [
            (2024, 2, 29, true),
            (2023, 2, 29, false),
            (2000, 2, 29, true),
            (1900, 2, 29, false),
            (2026, 4, 31, false),
            (2026, 12, 31, true),
            (2026, 13, 1, false),
            (2026, 0, 1, false),
            (0, 1, 1, false),
            (10000, 1, 1, false),
        ] {
            assert_eq!(Date::new(y, m, d).is_some(), valid, "{y}-{m}-{d}");
        }
    }

    #[test]
    fn iso_round_trip_and_rejects() {
        assert_eq!(Date::parse_iso("2024-02-29").map(|d| d.to_string()), Some("2024-02-29".into()));
        for bad in [
            "2024-2-29",
            "2023-02-29",
            "24-02-29",
            "2024/02/29",
            "2024-02-29T00:00",
            "+024-02-29",
            "２０２４-02-29",
        ] {
            assert_eq!(Date::parse_iso(bad), None, "{bad}");
        }
    }

    #[test]
    fn day_arithmetic() {
        let date = |s| Date::parse_iso(s).expect("valid"); // ok: test
        assert_eq!(date("1970-01-01").to_days(), 0);
        assert_eq!(date("2000-03-01").to_days() - date("2000-02-28").to_days(), 2);
        for days in [-719_162, -1, 0, 59, 11_016, 2_932_896] {
            assert_eq!(Date::from_days(days).map(Date::to_days), Some(days));
        }
        assert_eq!(date("2026-12-31").add_days(1), Some(date("2027-01-01")));
        assert_eq!(date("2024-02-29").add_months(-12 * 18), Some(date("2006-02-28")));
        assert_eq!(date("2026-01-31").add_months(1), Some(date("2026-02-28")));
        assert_eq!(date("9999-12-31").add_days(1), None);
    }
}
