//! References ("Aktenzeichen") a citizen reads out on the phone: `FL-2026-7K3M-Q9XD`.
//!
//! The year, then seven random symbols and one check symbol from Crockford's base-32 alphabet
//! (no I, L, O, U: nothing to confuse with 1 and 0). 35 random bits make a reference
//! unguessable at the rates a server answers (one in 34 billion per try), and the check symbol
//! (Luhn mod 32) catches every single mistyped symbol and every swap of two neighbours (but
//! `0` with `Z`) before a
//! clerk searches for it. A reference says nothing about how many applications there are.

/// Crockford's base-32 alphabet.
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// A new random reference for an application received in `year`.
pub fn new(year: u16) -> Result<String, getrandom::Error> {
    let mut random = [0u8; 7];
    getrandom::fill(&mut random)?;
    Ok(from_symbols(year, random.map(|byte| byte % 32)))
}

/// The reference with these seven symbol values (each below 32).
fn from_symbols(year: u16, symbols: [u8; 7]) -> String {
    let check = check_symbol(&symbols);
    let text: Vec<char> = symbols
        .iter()
        .chain(std::iter::once(&check))
        .map(|&s| char::from(ALPHABET[usize::from(s)]))
        .collect();
    let text: String = text.into_iter().collect();
    format!("FL-{year:04}-{}-{}", &text[..4], &text[4..])
}

/// Luhn mod 32 over the symbol values: every second symbol from the right is doubled.
fn check_symbol(symbols: &[u8]) -> u8 {
    let mut sum = 0u32;
    for (position, &symbol) in symbols.iter().rev().enumerate() {
        let mut value = u32::from(symbol);
        if position % 2 == 0 {
            value *= 2;
            value = value / 32 + value % 32;
        }
        sum += value;
    }
    ((32 - sum % 32) % 32) as u8
}

/// A random token (128 bits, hex) for the citizen's PDF download (see `receipt.rs`).
pub fn token() -> Result<String, getrandom::Error> {
    let mut random = [0u8; 16];
    getrandom::fill(&mut random)?;
    Ok(random.iter().map(|b| format!("{b:02x}")).collect())
}

/// Whether `text` is a well-formed reference whose check symbol fits (case-insensitive, as a
/// clerk might type it). Looking up anything else is refused without touching the storage.
pub fn is_valid(text: &str) -> bool {
    let upper = text.to_ascii_uppercase();
    let bytes = upper.as_bytes();
    if bytes.len() != 17 || !upper.starts_with("FL-") || bytes[7] != b'-' || bytes[12] != b'-' {
        return false;
    }
    if !bytes[3..7].iter().all(u8::is_ascii_digit) {
        return false;
    }
    let symbols: Option<Vec<u8>> = bytes[8..12]
        .iter()
        .chain(&bytes[13..17])
        .map(|b| ALPHABET.iter().position(|a| a == b).map(|p| p as u8))
        .collect();
    let Some(symbols) = symbols else { return false };
    check_symbol(&symbols[..7]) == symbols[7]
}

/// The canonical (upper-case) spelling of a reference.
pub fn canonical(text: &str) -> String {
    text.to_ascii_uppercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_have_the_documented_shape_and_check() {
        let reference = from_symbols(2026, [7, 20, 3, 19, 23, 9, 13]);
        assert_eq!(&reference[..8], "FL-2026-");
        assert_eq!(reference.len(), 17);
        assert!(is_valid(&reference), "{reference}");
        assert!(is_valid(&reference.to_ascii_lowercase()));
        for _ in 0..200 {
            let reference = new(2026).unwrap();
            assert!(is_valid(&reference), "{reference}");
        }
        assert_ne!(new(2026).unwrap(), new(2026).unwrap());
    }

    #[test]
    fn every_single_typo_and_neighbour_swap_is_caught() {
        let reference = from_symbols(2026, [7, 20, 3, 19, 23, 9, 13]);
        let positions: Vec<usize> = (8..12).chain(13..17).collect();
        for &at in &positions {
            for &symbol in ALPHABET {
                let mut bytes = reference.clone().into_bytes();
                if bytes[at] == symbol {
                    continue;
                }
                bytes[at] = symbol;
                let typo = String::from_utf8(bytes).unwrap();
                assert!(!is_valid(&typo), "{typo} passes for {reference}");
            }
        }
        for pair in positions.windows(2) {
            let mut bytes = reference.clone().into_bytes();
            if bytes[pair[0]] == bytes[pair[1]] {
                continue;
            }
            bytes.swap(pair[0], pair[1]);
            let swapped = String::from_utf8(bytes).unwrap();
            assert!(!is_valid(&swapped), "{swapped} passes for {reference}");
        }
    }

    #[test]
    fn malformed_references_are_not_valid() {
        for text in [
            "",
            "FL-000001",
            "FL-2026-7K3M-Q9X",
            "FL-2026-7K3M-Q9XDD",
            "XX-2026-7K3M-Q9XD",
            "FL-2026-IIII-IIII",
        ] {
            assert!(!is_valid(text), "{text}");
        }
    }
}
