//! The time of receipt as the town reads it: German civil time (CET/CEST, the zone of
//! Europe/Berlin), whatever offset the server wrote. The rule is the EU's (since 1996): summer
//! time from the last Sunday of March, 01:00 UTC, to the last Sunday of October, 01:00 UTC. No
//! clock is read here. Worded by the language catalogs (`time.winter`, `time.summer`: the
//! language's order of date and time and its name for the zone), for the PDF and the e-mail.

use formlotse_core::Date;
use formlotse_core::catalog::Catalog;

/// A moment as German civil time shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Moment {
    /// The day in German civil time (the day an application counts as received).
    pub(crate) date: Date,
    /// Minutes since local midnight.
    minutes: i64,
    /// Whether summer time (MESZ) applies.
    summer: bool,
}

impl Moment {
    /// Reads RFC 3339: `2026-11-29T10:00:00Z`, `…T10:00:00.123+01:00`, `…T10:00Z`.
    pub(crate) fn parse(text: &str) -> Option<Moment> {
        let date = Date::parse_iso(text.get(..10)?)?;
        let rest = text.get(10..)?.strip_prefix(['T', 't', ' '])?;
        let number = |s: Option<&str>| -> Option<i64> {
            let s = s?;
            (s.len() == 2 && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok())?
        };
        let (hour, minute) = (number(rest.get(0..2))?, number(rest.get(3..5))?);
        if rest.get(2..3)? != ":" || hour > 23 || minute > 59 {
            return None;
        }
        // Seconds and fractions are passed over; the zone follows them.
        let zone_at = rest.find(['Z', 'z', '+', '-'])?;
        let offset = match &rest[zone_at..] {
            "Z" | "z" => 0,
            zone if zone.len() == 6 && &zone[3..4] == ":" => {
                let minutes = number(zone.get(1..3))? * 60 + number(zone.get(4..6))?;
                if zone.starts_with('-') { -minutes } else { minutes }
            }
            _ => return None,
        };
        let utc = date.to_days() * 1440 + hour * 60 + minute - offset;
        let year = i64::from(Date::from_days(utc.div_euclid(1440))?.parts().0);
        let summer = (last_sunday(year, 3)? * 1440 + 60..last_sunday(year, 10)? * 1440 + 60).contains(&utc);
        let local = utc + if summer { 120 } else { 60 };
        Some(Moment {
            date: Date::from_days(local.div_euclid(1440))?,
            minutes: local.rem_euclid(1440),
            summer,
        })
    }

    /// The same moment for the PDF's metadata (creation date, with its offset from UTC).
    pub(crate) fn pdf_date(self) -> krilla::metadata::DateTime {
        let (year, month, day) = self.date.parts();
        krilla::metadata::DateTime::new(year)
            .month(month)
            .day(day)
            .hour((self.minutes / 60) as u8)
            .minute((self.minutes % 60) as u8)
            .second(0)
            .utc_offset_hour(if self.summer { 2 } else { 1 })
            .utc_offset_minute(0)
    }

    /// "29.11.2026, 11:05 Uhr (MEZ)", "29 November 2026, 11:05 (CET)": the date as the language
    /// of `words` (its catalog) writes it, the time on the 24-hour clock.
    pub(crate) fn display(self, words: &Catalog) -> String {
        let time = format!("{:02}:{:02}", self.minutes / 60, self.minutes % 60);
        let date = formlotse_core::messages::date(self.date, words);
        let key = if self.summer { "time.summer" } else { "time.winter" };
        words.document_text(key, &[("date", &date), ("time", &time)])
    }
}

/// The day number of the last Sunday of `month` (March or October: 31 days).
fn last_sunday(year: i64, month: i64) -> Option<i64> {
    let last = Date::new(year, month, 31)?.to_days();
    // 1970-01-01 was a Thursday: day 3 counted from Sunday = 0 ... (days + 4) % 7.
    Some(last - (last + 4).rem_euclid(7))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn received_times_read_in_german_civil_time() {
        let cases: &[(&str, &str, &str)] = &[
            ("2026-11-29T10:05:00Z", "29.11.2026, 11:05 Uhr (MEZ)", "29 November 2026, 11:05 (CET)"),
            ("2026-07-01T22:30:59.999Z", "02.07.2026, 00:30 Uhr (MESZ)", "2 July 2026, 00:30 (CEST)"),
            ("2026-07-01T23:30:00+01:00", "02.07.2026, 00:30 Uhr (MESZ)", "2 July 2026, 00:30 (CEST)"),
            ("2026-12-31T23:30:00-02:00", "01.01.2027, 02:30 Uhr (MEZ)", "1 January 2027, 02:30 (CET)"),
            // Summer time begins 29 March 2026 at 01:00 UTC and ends 25 October 2026 at 01:00 UTC.
            ("2026-03-29T00:59:00Z", "29.03.2026, 01:59 Uhr (MEZ)", "29 March 2026, 01:59 (CET)"),
            ("2026-03-29T01:00:00Z", "29.03.2026, 03:00 Uhr (MESZ)", "29 March 2026, 03:00 (CEST)"),
            ("2026-10-25T00:59:00Z", "25.10.2026, 02:59 Uhr (MESZ)", "25 October 2026, 02:59 (CEST)"),
            ("2026-10-25T01:00:00Z", "25.10.2026, 02:00 Uhr (MEZ)", "25 October 2026, 02:00 (CET)"),
        ];
        let english = Catalog::parse(include_str!("../../runtime/i18n/en.json")).expect("en"); // ok: test
        for (text, de, en) in cases {
            let moment = Moment::parse(text).unwrap_or_else(|| panic!("{text}")); // ok: test
            assert_eq!(moment.display(&Catalog::german()), *de, "{text}");
            assert_eq!(moment.display(&english), *en, "{text}");
        }
    }

    #[test]
    fn what_is_not_rfc_3339_is_refused() {
        for text in [
            "",
            "2026-11-29",
            "2026-11-29T25:00Z",
            "2026-11-29T10:00",
            "2026-02-30T10:00Z",
            "2026-11-29T10:00+1",
        ] {
            assert_eq!(Moment::parse(text), None, "{text}");
        }
    }
}
