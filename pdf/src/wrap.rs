//! Line breaking: a text into lines no wider than a column.
//!
//! Greedy, at spaces; the citizen's own line breaks (a textarea) are kept; a word wider than the
//! column (an IBAN, a SHA-256, a long compound) is broken between characters. A line that was
//! broken at a space keeps that space at its end, so copying the text out of the PDF, or a
//! screen reader, still finds the word boundary (PDF/UA asks for explicit spaces).

/// The lines of `text` in a column `width` wide, `measure` giving a text's width. Words are
/// measured one by one (a line is its words and the spaces between), so a paragraph costs one
/// measurement per word, not one per candidate line.
pub(crate) fn lines(text: &str, width: f32, measure: &dyn Fn(&str) -> f32) -> Vec<String> {
    let space = measure(" ");
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let paragraph = paragraph.trim_end_matches('\r');
        let (mut line, mut line_width) = (String::new(), 0.0);
        for word in paragraph.split(' ').filter(|word| !word.is_empty()) {
            let word_width = measure(word);
            let candidate = if line.is_empty() { word_width } else { line_width + space + word_width };
            if candidate <= width {
                if !line.is_empty() {
                    line.push(' ');
                }
                line.push_str(word);
                line_width = candidate;
                continue;
            }
            if !line.is_empty() {
                line.push(' ');
                lines.push(std::mem::take(&mut line));
            }
            if word_width <= width {
                (line, line_width) = (word.to_owned(), word_width);
            } else {
                // Wider than the column: in pieces that fit.
                let mut pieces = break_word(word, width, measure);
                let last = pieces.pop().unwrap_or_default();
                (line_width, line) = (measure(&last), last);
                lines.extend(pieces);
            }
        }
        lines.push(line);
    }
    lines
}

/// `word` in pieces each as wide as fits, adding up the characters' widths (at least one
/// character each, so a column narrower than one character still ends).
fn break_word(word: &str, width: f32, measure: &dyn Fn(&str) -> f32) -> Vec<String> {
    let mut pieces = Vec::new();
    let (mut piece, mut piece_width) = (String::new(), 0.0);
    let mut buffer = [0; 4];
    for c in word.chars() {
        let char_width = measure(c.encode_utf8(&mut buffer));
        if piece_width + char_width > width && !piece.is_empty() {
            pieces.push(std::mem::take(&mut piece));
            piece_width = 0.0;
        }
        piece.push(c);
        piece_width += char_width;
    }
    pieces.push(piece);
    pieces
}

#[cfg(test)]
mod tests {
    use super::lines;

    /// Each character one unit wide: the widths a monospaced font would give.
    fn by_chars(text: &str) -> f32 {
        text.chars().count() as f32
    }

    #[test]
    fn breaks_at_spaces_keeps_line_breaks_and_splits_long_words() {
        let cases: &[(&str, f32, &[&str])] = &[
            ("", 10.0, &[""]),
            ("Bello", 10.0, &["Bello"]),
            ("Erika Mustermann", 20.0, &["Erika Mustermann"]),
            ("Erika Mustermann", 10.0, &["Erika ", "Mustermann"]),
            ("Erika  Mustermann ", 10.0, &["Erika ", "Mustermann"]),
            ("Zeile eins\nZeile zwei", 20.0, &["Zeile eins", "Zeile zwei"]),
            ("Absatz\r\n\r\nNoch einer", 20.0, &["Absatz", "", "Noch einer"]),
            ("DE02120300000000202051", 10.0, &["DE02120300", "0000002020", "51"]),
            ("IBAN DE02120300000000202051", 10.0, &["IBAN ", "DE02120300", "0000002020", "51"]),
            ("ab cd", 0.5, &["a", "b ", "c", "d"]),
            ("Hund Größe", 4.0, &["Hund ", "Größ", "e"]),
        ];
        for (text, width, expected) in cases {
            assert_eq!(lines(text, *width, &by_chars), *expected, "{text:?} in {width}");
        }
    }

    #[test]
    fn no_line_is_wider_than_the_column_unless_one_character_is() {
        let text = "Ein sehr langer Satz mit Donaudampfschifffahrtsgesellschaftskapitän und mehr.";
        for width in 1..30 {
            for line in lines(text, width as f32, &by_chars) {
                assert!(by_chars(line.trim_end()) <= width as f32, "{line:?} in {width}");
            }
        }
    }
}
