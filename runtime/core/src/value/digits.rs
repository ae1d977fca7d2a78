//! Digits in the script the citizen's keyboard writes. An Arabic keyboard types Arabic-Indic
//! digits (٠١٢٣٤٥٦٧٨٩, U+0660–0669), a Persian or Urdu one Eastern Arabic digits (۰۱۲۳۴۵۶۷۸۹,
//! U+06F0–06F9); both mean 0–9. Before a number, a date, a phone number, a postal code, an IBAN
//! or a text with a `pattern` is read, they become ASCII digits, so the rules see `10557` and
//! the payload carries it, whatever was typed: a server checking the payload gives the verdict
//! the browser gave. The Arabic decimal separator ٫ (U+066B) and thousands separator ٬ (U+066C)
//! become the separators of the form's language (`.` and `,` in Arabic), so `١٬٢٣٤٫٥` is 1234.5.
//! The invisible direction marks a right-to-left keyboard or a copied text puts between digits
//! (LRM, RLM, ALM) are dropped: they are not part of what the citizen meant.

use crate::lang::Lang;
use std::borrow::Cow;

/// `text` with every digit in ASCII, the Arabic separators in `lang`'s, direction marks gone.
/// Borrowed when it is ASCII already (the usual case: no allocation).
pub fn ascii_digits(text: &str, lang: Lang) -> Cow<'_, str> {
    if text.is_ascii() {
        return Cow::Borrowed(text);
    }
    let (decimal, group) = lang.separators();
    // A loop rather than `filter_map` and `collect`: fewer bytes in the citizen's wasm.
    let mut ascii = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            // Both digit blocks start at a multiple of 16: the low four bits are the digit.
            '\u{0660}'..='\u{0669}' | '\u{06F0}'..='\u{06F9}' => {
                ascii.push(char::from(b'0'.saturating_add((u32::from(c) & 15) as u8)));
            }
            '\u{066B}' => ascii.push(decimal),
            '\u{066C}' => ascii.push(group),
            // Left-to-right, right-to-left and Arabic letter marks.
            '\u{200E}' | '\u{200F}' | '\u{061C}' => {}
            _ => ascii.push(c),
        }
    }
    Cow::Owned(ascii)
}

#[cfg(test)]
mod tests {
    use super::ascii_digits;
    use crate::lang::Lang;

    #[test]
    fn cases() {
        let ar = Lang::from_tag("ar");
        let fa = Lang::from_tag("fa");
        for (typed, lang, read) in [
            ("10557", Lang::De, "10557"),
            ("Heidestraße 17", Lang::De, "Heidestraße 17"),
            ("١٠٥٥٧", ar, "10557"),
            ("٠١٢٣٤٥٦٧٨٩", ar, "0123456789"),
            ("۰۱۲۳۴۵۶۷۸۹", fa, "0123456789"),
            ("۱۰۵۵۷", ar, "10557"),
            ("١٢٣4", ar, "1234"),
            ("١٬٢٣٤٫٥", ar, "1,234.5"),
            ("١٬٢٣٤٫٥", Lang::De, "1.234,5"),
            ("١٬٢٣٤٫٥", Lang::En, "1,234.5"),
            ("+٤٩ ٣٠ ١٢٣٤٥٦٧", ar, "+49 30 1234567"),
            ("\u{200F}١٢\u{200E}٣\u{061C}", ar, "123"),
            ("٢٧", ar, "27"),
            ("كلب ١", ar, "كلب 1"),
            ("٫٥", ar, ".5"),
            ("", ar, ""),
        ] {
            assert_eq!(ascii_digits(typed, lang), read, "{typed} in {lang:?}");
        }
    }

    #[test]
    fn ascii_is_borrowed() {
        let ar = Lang::from_tag("ar");
        assert!(matches!(ascii_digits("10557", ar), std::borrow::Cow::Borrowed(_)));
        assert!(matches!(ascii_digits("١", ar), std::borrow::Cow::Owned(_)));
    }
}
