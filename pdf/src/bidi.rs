//! Lines that mix directions ("١٤:٠٥ الساعة", "الساعة 14:05", "hund-anmelden (إصدار 2026-12)"):
//! krilla shapes a text in one direction, so a number inside Arabic would be drawn backwards
//! ("50:41") and an Arabic word inside Latin text unjoined and reversed. The Unicode
//! Bidirectional Algorithm (UAX #9, the `unicode-bidi` crate) cuts a line into runs of one
//! direction, in the order they stand on the page from left to right; each is shaped and drawn
//! on its own. The paragraph's direction is its first strong character's, as the layout aligns it.

use unicode_bidi::ParagraphBidiInfo;

/// A part of a line in one direction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Run<'a> {
    pub(crate) text: &'a str,
    pub(crate) rtl: bool,
}

/// The runs of `line` in visual order, left to right; one run for a line in one direction.
pub(crate) fn visual_runs(line: &str) -> Vec<Run<'_>> {
    let info = ParagraphBidiInfo::new(line, None);
    if !info.has_rtl() {
        return vec![Run { text: line, rtl: false }];
    }
    let (levels, runs) = info.visual_runs(0..line.len());
    runs.into_iter()
        .filter_map(|range| {
            let rtl = levels.get(range.start)?.is_rtl();
            Some(Run { text: line.get(range)?, rtl })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::{Run, visual_runs};

    fn runs(line: &str) -> Vec<(&str, bool)> {
        visual_runs(line).into_iter().map(|Run { text, rtl }| (text, rtl)).collect()
    }

    #[test]
    fn numbers_and_latin_inside_arabic_keep_their_direction() {
        assert_eq!(runs("Aktenzeichen FL-2026"), [("Aktenzeichen FL-2026", false)]);
        assert_eq!(runs("الرقم المرجعي"), [("الرقم المرجعي", true)]);
        // Read right to left: "at", 14:05, "Central European Time"; on the page the time stays
        // 14:05 between the two Arabic runs.
        assert_eq!(
            runs("الساعة 14:05 بتوقيت وسط أوروبا"),
            [(" بتوقيت وسط أوروبا", true), ("14:05", false), ("الساعة ", true)]
        );
        // Latin first: the paragraph is left to right, the Arabic word one run.
        // Latin first: the paragraph is left to right, the Arabic word one run read right to
        // left, and (UAX #9, as a browser shows it) the numbers after it belong to its run.
        assert_eq!(
            runs("hund-anmelden (إصدار 2026-12)"),
            [
                ("hund-anmelden (", false),
                ("12", false),
                ("-", true),
                ("2026", false),
                ("إصدار ", true),
                (")", false)
            ]
        );
        // Isolated (as `content` writes the version in a right-to-left copy), it stays whole.
        let isolated = runs("hund-anmelden (الإصدار \u{2068}2026-12\u{2069})");
        assert!(isolated.iter().any(|(text, rtl)| text.contains("2026-12") && !rtl), "{isolated:?}");
        // A date inside Arabic stays a date.
        assert_eq!(runs("29/11/2026، الساعة"), [("، الساعة", true), ("29/11/2026", false)]);
    }
}
