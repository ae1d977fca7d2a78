//! The server's clock (the engine has none): UTC times as RFC 3339 text with milliseconds, which
//! sort as text in both databases, and the UTC day for the checks.

use std::time::{SystemTime, UNIX_EPOCH};

use formlotse_core::Date;

/// Milliseconds since 1970 now.
pub fn now_millis() -> i64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| i64::try_from(d.as_millis()).unwrap_or(0))
}

/// Now as `2026-11-30T06:30:00.123Z`.
pub fn now_rfc3339() -> String {
    rfc3339(now_millis())
}

/// `millis` since 1970 as `2026-11-30T06:30:00.123Z`.
pub fn rfc3339(millis: i64) -> String {
    let days = millis.div_euclid(86_400_000);
    let rest = millis.rem_euclid(86_400_000);
    let (year, month, day) = Date::from_days(days).map_or((1970, 1, 1), Date::parts);
    let (hours, minutes) = (rest / 3_600_000, rest / 60_000 % 60);
    let (seconds, ms) = (rest / 1000 % 60, rest % 1000);
    format!("{year:04}-{month:02}-{day:02}T{hours:02}:{minutes:02}:{seconds:02}.{ms:03}Z")
}

/// Today in UTC.
pub fn today() -> Date {
    Date::from_days(now_millis().div_euclid(86_400_000))
        .unwrap_or_else(|| Date::new(1970, 1, 1).expect("a date"))
}

/// The current year in UTC (for references).
pub fn year() -> u16 {
    today().parts().0
}

#[cfg(test)]
mod tests {
    use super::rfc3339;

    #[test]
    fn times_are_rfc3339_utc_with_milliseconds() {
        assert_eq!(rfc3339(0), "1970-01-01T00:00:00.000Z");
        assert_eq!(rfc3339(1_796_020_200_123), "2026-11-30T06:30:00.123Z");
    }
}
