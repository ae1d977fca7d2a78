//! Paths of answers: a field's id, or `repeat[i].field` for a field of item `i` (0-based) of a
//! repeatable group, as in the payload's JSON (`$.answers.kinder[2].geburtsdatum`).

/// A parsed path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Path<'a> {
    /// A field answered once.
    Field(&'a str),
    /// A field of one item of a repeatable group.
    Item {
        /// The group's id.
        repeat: &'a str,
        /// The item, from 0.
        index: usize,
        /// The field's id.
        field: &'a str,
    },
}

/// The path of `field` in item `index` of `repeat`.
pub fn item(repeat: &str, index: usize, field: &str) -> String {
    format!("{repeat}[{index}].{field}")
}

/// Reads a path; anything that is not `a[0].b` is a plain id.
pub fn parse(path: &str) -> Path<'_> {
    let parsed = (|| {
        let (repeat, rest) = path.split_once('[')?;
        let (index, field) = rest.split_once("].")?;
        let digits = !index.is_empty() && index.len() < 6 && index.bytes().all(|b| b.is_ascii_digit());
        digits.then(|| Path::Item { repeat, index: index.parse().unwrap_or(0), field })
    })();
    parsed.unwrap_or(Path::Field(path))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths() {
        assert_eq!(parse("name"), Path::Field("name"));
        assert_eq!(
            parse("kinder[2].geburtsdatum"),
            Path::Item { repeat: "kinder", index: 2, field: "geburtsdatum" }
        );
        assert_eq!(item("kinder", 2, "geburtsdatum"), "kinder[2].geburtsdatum");
        for odd in ["a[].b", "a[x].b", "a[1]b", "a[1234567].b", "["] {
            assert_eq!(parse(odd), Path::Field(odd));
        }
    }
}
