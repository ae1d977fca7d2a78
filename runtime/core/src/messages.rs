//! Codes and parameters in, words out. Rules and the loader never produce text; the browser
//! and the server both call these, so a citizen and a form author read the same words
//! wherever a check ran.
//!
//! The messages about answers are templates of the language catalogs (`crate::catalog`; German
//! built in, `catalog/german_messages.rs`, every other language in `runtime/i18n/TAG.json`), so
//! a citizen who chose Ukrainian reads Ukrainian, and a town adds a language without a
//! release. The payload problems (for integrators) and the authors' diagnostics stay German
//! and English here.

use crate::catalog::Catalog;
use crate::definition::{Definition, Field, FieldKind};
use crate::lang::Lang;
use crate::validation::{PayloadProblem, Violation};

mod date;
pub use date::{DATE_PARAMETERS, date};

#[cfg(feature = "authoring")]
mod authors;
#[cfg(feature = "authoring")]
mod catalogs;
#[cfg(feature = "authoring")]
pub use authors::{diagnostic, diagnostic_line};
#[cfg(feature = "authoring")]
pub use catalogs::catalog_problem;

/// The message for a field error: the author's own message for this rule if the definition
/// has one in `lang` (or a plain one for all languages), else the catalog's, naming the field by its label. `words` is the catalog of
/// `lang` (or, where it is missing, of the language it falls back to).
pub fn for_field(
    definition: &Definition,
    field: &Field,
    violation: &Violation,
    lang: Lang,
    words: &Catalog,
) -> String {
    // The author's own words, when written for this language; otherwise the catalog's, so
    // that a citizen who chose Ukrainian does not get the German author's message.
    if let Some(text) = field.messages.get(violation.code()).and_then(|text| text.written_in(lang)) {
        return text.to_owned();
    }
    let label_of = |id: &str| match definition
        .field(id)
        .or_else(|| definition.repeats().flat_map(|r| r.fields()).find(|f| f.id == id))
    {
        Some(other) => other.label.get(lang).to_owned(),
        None => id.to_owned(),
    };
    catalog(&field.kind, field.label.get(lang), violation, lang, words, &label_of)
}

/// The message of a violation of a repeatable group itself (its number of items), naming it
/// by its legend.
pub fn for_group(
    repeat: &crate::definition::Repeat,
    violation: &Violation,
    lang: Lang,
    words: &Catalog,
) -> String {
    catalog(&FieldKind::Text, repeat.legend.get(lang), violation, lang, words, &|id: &str| id.to_owned())
}

/// The message of a violation of the submission as a whole (a server's "… more errors"),
/// which names no field.
pub fn for_form(violation: &Violation, lang: Lang, words: &Catalog) -> String {
    catalog(&FieldKind::Text, "", violation, lang, words, &|id: &str| id.to_owned())
}

/// The parameters of a message besides `{label}` and its count (`("", …)` where unused).
type Extra = [(&'static str, String); 2];
const NO: (&str, String) = ("", String::new());

/// The catalog's template for `violation`, filled in: `{label}` always, the rule's own
/// parameters by name, a counted text where a number counts something. Small matches (key,
/// count, parameters) and one call that fills them: every byte is downloaded.
fn catalog(
    kind: &FieldKind,
    label: &str,
    violation: &Violation,
    lang: Lang,
    words: &Catalog,
    label_of: &dyn Fn(&str) -> String,
) -> String {
    use Violation as V;
    // The key is the rule's code (as in a definition's `messages`), refined where the words
    // differ by the kind of field.
    let refined = match (violation, kind) {
        (V::Reported { message }, _) => return message.clone(),
        (V::Required, FieldKind::Select(_) | FieldKind::Radio(_) | FieldKind::YesNo) => ".choice",
        (V::Required, FieldKind::Checkbox) => ".checkbox",
        (V::Required, FieldKind::Checkboxes(_)) => ".checkboxes",
        (V::Required, FieldKind::File(_)) => ".file",
        (V::Required, FieldKind::Date) => ".date",
        (V::TooManyDecimals { max: 0 }, _) => ".whole",
        _ => "",
    };
    let key = format!("error.{}{refined}", violation.code());
    let many = |n: usize| u64::try_from(n).unwrap_or(u64::MAX);
    let count: Option<(&str, u64)> = match violation {
        V::MinLength { min } | V::MinSelected { min } => Some(("min", *min)),
        V::MaxLength { max, .. } | V::MaxSelected { max } => Some(("max", *max)),
        V::TooManyDecimals { max } | V::FileCount { max } if *max > 0 => Some(("max", u64::from(*max))),
        V::FileCount { max } => Some(("max", u64::from(*max))),
        V::ItemCount { max, .. } => Some(("max", many(*max))),
        V::MoreErrors { count } => Some(("count", many(*count))),
        _ => None,
    };
    let extra: Extra = match violation {
        V::MaxLength { actual, .. } => [("actual", actual.to_string()), NO],
        V::NotANumber => {
            let (decimal, group) = lang.separators();
            [("example", format!("1{group}234{decimal}5")), NO]
        }
        V::Min { min } => [("min", number(min, lang)), NO],
        V::Max { max } => [("max", number(max, lang)), NO],
        V::DateMin { min: day } | V::DateMax { max: day } => [("date", date(*day, words)), NO],
        V::FileType { name } => [("name", name.clone()), NO],
        V::FileSize { name, max } => [("name", name.clone()), ("size", file_size(*max, lang, words))],
        V::After { other } | V::Equals { other } => [("other", label_of(other)), NO],
        V::WrongType { expected } => [("expected", (*expected).to_owned()), NO],
        V::ItemCount { min, .. } => [("min", min.to_string()), NO],
        _ => [NO, NO],
    };
    fill(words, &key, label, count, &extra)
}

/// The template `key` (counted by `count`'s number, named by its name) with its parameters.
#[inline(never)]
fn fill(words: &Catalog, key: &str, label: &str, count: Option<(&str, u64)>, extra: &Extra) -> String {
    let number = count.map(|(_, n)| n.to_string()).unwrap_or_default();
    let mut params = vec![("label", label)];
    if let Some((name, _)) = count {
        params.push((name, &number));
    }
    params.extend(extra.iter().map(|(name, value)| (*name, value.as_str())));
    match count {
        Some((_, n)) => words.counted(key, n, &params),
        None => words.text(key, &params),
    }
}

/// Why a server could not read a payload as a submission of the form, in the words of `words`
/// (`problem.*` keys, German built in; for the receiver's problem details: a citizen's browser
/// does not send such payloads, and its wasm does not carry these words).
pub fn payload_problem(problem: &PayloadProblem, words: &Catalog) -> String {
    use PayloadProblem as P;
    let key = match problem {
        P::UnknownField { count, .. } if *count > 1 => "problem.unknownFields".to_owned(),
        _ => format!("problem.{}", problem.code()),
    };
    let (offset, count);
    let params: Vec<(&str, &str)> = match problem {
        P::NotJson { expected, offset: at } => {
            offset = at.to_string();
            vec![("expected", expected), ("offset", &offset)]
        }
        P::TooDeep { offset: at } => {
            offset = at.to_string();
            vec![("offset", &offset)]
        }
        P::DuplicateKey { pointer } => vec![("pointer", pointer)],
        P::Shape => Vec::new(),
        P::OtherForm { found } => vec![("found", found)],
        P::UnknownField { field, count: n } => {
            count = n.to_string();
            vec![("field", field), ("count", &count)]
        }
    };
    words.document_text(&key, &params)
}

/// A number ("-1234.5") as the citizen reads it: "-1.234,5" in German, Polish, Ukrainian …,
/// "-1,234.5" in English and Arabic (Arabic forms in Germany show ASCII digits, which a citizen
/// reads as they read prices and house numbers here).
pub(crate) fn number(plain: &str, lang: Lang) -> String {
    let (decimal, group) = lang.separators();
    let (sign, rest) = plain.strip_prefix('-').map_or(("", plain), |rest| ("-", rest));
    let (whole, fraction) = rest.split_once('.').unwrap_or((rest, ""));
    let mut text = sign.to_owned();
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && whole.len().saturating_sub(i).is_multiple_of(3) {
            text.push(group);
        }
        text.push(digit);
    }
    if !fraction.is_empty() {
        text.push(decimal);
        text.push_str(fraction);
    }
    text
}

/// A byte count in MB or KB, as people read file sizes ("10 MB", "1,5 KB"), with the unit
/// from `words` (`size_mb`, `size_kb`).
pub fn file_size(n: u64, lang: Lang, words: &Catalog) -> String {
    // Integer arithmetic: float formatting would add about 20 KB of wasm for one decimal.
    const KB: u64 = 1024;
    let (unit_bytes, unit) = if n >= KB * KB { (KB * KB, "size_mb") } else { (KB, "size_kb") };
    // A payload may claim any size up to u64::MAX: saturate rather than overflow.
    let tenths = n.saturating_mul(10).saturating_add(unit_bytes / 2).checked_div(unit_bytes).unwrap_or(0);
    let separator = lang.separators().0;
    let size = match tenths % 10 {
        0 => format!("{}", tenths / 10),
        d => format!("{}{separator}{d}", tenths / 10),
    };
    words.text(unit, &[("size", &size)])
}

#[cfg(test)]
pub(crate) mod tests;
