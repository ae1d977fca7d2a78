//! `"type": "iban"` — the country's length and the ISO 7064 mod-97 check digits. Spaces are
//! allowed where typed (the payload carries the IBAN without them).

use super::Violation;
use crate::definition::{Field, FieldKind};
use crate::value::Value;

pub(super) fn check(field: &Field, value: &Value) -> Option<Violation> {
    match (&field.kind, value) {
        (FieldKind::Iban, Value::Text(text)) if !is_valid_iban(text) => Some(Violation::Iban),
        _ => None,
    }
}

/// IBAN lengths by country (SWIFT IBAN registry, SEPA and beyond).
const LENGTHS: &[(&str, usize)] = &[
    ("AD", 24),
    ("AE", 23),
    ("AL", 28),
    ("AT", 20),
    ("AZ", 28),
    ("BA", 20),
    ("BE", 16),
    ("BG", 22),
    ("BH", 22),
    ("BR", 29),
    ("BY", 28),
    ("CH", 21),
    ("CR", 22),
    ("CY", 28),
    ("CZ", 24),
    ("DE", 22),
    ("DK", 18),
    ("DO", 28),
    ("EE", 20),
    ("EG", 29),
    ("ES", 24),
    ("FI", 18),
    ("FO", 18),
    ("FR", 27),
    ("GB", 22),
    ("GE", 22),
    ("GI", 23),
    ("GL", 18),
    ("GR", 27),
    ("GT", 28),
    ("HR", 21),
    ("HU", 28),
    ("IE", 22),
    ("IL", 23),
    ("IQ", 23),
    ("IS", 26),
    ("IT", 27),
    ("JO", 30),
    ("KW", 30),
    ("KZ", 20),
    ("LB", 28),
    ("LC", 32),
    ("LI", 21),
    ("LT", 20),
    ("LU", 20),
    ("LV", 21),
    ("MC", 27),
    ("MD", 24),
    ("ME", 22),
    ("MK", 19),
    ("MR", 27),
    ("MT", 31),
    ("MU", 30),
    ("NL", 18),
    ("NO", 15),
    ("PK", 24),
    ("PL", 28),
    ("PS", 29),
    ("PT", 25),
    ("QA", 29),
    ("RO", 24),
    ("RS", 22),
    ("SA", 24),
    ("SC", 31),
    ("SE", 24),
    ("SI", 19),
    ("SK", 24),
    ("SM", 27),
    ("ST", 25),
    ("SV", 28),
    ("TL", 23),
    ("TN", 24),
    ("TR", 26),
    ("UA", 29),
    ("VA", 22),
    ("VG", 24),
    ("XK", 20),
];

/// Whether `text` (spaces allowed, any case) is a valid IBAN.
pub(crate) fn is_valid_iban(text: &str) -> bool {
    let iban: Vec<u8> = text.bytes().filter(|b| *b != b' ').map(|b| b.to_ascii_uppercase()).collect();
    let Some(country) = iban.get(..2).and_then(|c| std::str::from_utf8(c).ok()) else { return false };
    let Some((_, length)) = LENGTHS.iter().find(|(code, _)| *code == country) else { return false };
    if iban.len() != *length
        || !iban.iter().all(u8::is_ascii_alphanumeric)
        || !iban.get(2..4).is_some_and(|check| check.iter().all(u8::is_ascii_digit))
    {
        return false;
    }
    let (Some(head), Some(tail)) = (iban.get(..4), iban.get(4..)) else { return false };
    // Move the first four characters to the end, letters become 10..35, the number mod 97 is 1.
    // (Every byte is an ASCII digit or capital here, and acc < 97: no step can overflow.)
    let remainder = tail.iter().chain(head).fold(0u32, |acc, &b| {
        let digit = match b {
            b'0'..=b'9' => u32::from(b.saturating_sub(b'0')),
            _ => u32::from(b.saturating_sub(b'A')).saturating_add(10),
        };
        let shift = if digit >= 10 { 100 } else { 10 };
        acc.saturating_mul(shift).saturating_add(digit) % 97
    });
    remainder == 1
}

#[cfg(test)]
mod tests {
    use super::is_valid_iban;

    #[test]
    fn countries_and_check_digits() {
        for ok in [
            "DE89 3704 0044 0532 0130 00",
            "de89370400440532013000",
            "AT61 1904 3002 3457 3201",
            "CH93 0076 2011 6238 5295 7",
            "FR14 2004 1010 0505 0001 3M02 606",
            "GB29 NWBK 6016 1331 9268 19",
            "NL91 ABNA 0417 1643 00",
            "NO93 8601 1117 947",
            "PL61 1090 1014 0000 0712 1981 2874",
        ] {
            assert!(is_valid_iban(ok), "{ok}");
        }
        for bad in [
            "DE89 3704 0044 0532 0130 01",
            "DE89 3704 0044 0532 0130 0",
            "XX89 3704 0044 0532 0130 00",
            "DE8X 3704 0044 0532 0130 00",
            "DE89-3704-0044-0532-0130-00",
            "",
            "D",
            "DEÄ9370400440532013000",
        ] {
            assert!(!is_valid_iban(bad), "{bad}");
        }
    }
}
