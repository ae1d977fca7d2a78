//! From an answer as typed, or from a payload's JSON, to a [`Value`] — or to the violation
//! that stops it from being one (a number that is none, a date that does not exist).

use super::{Answer, Date, Decimal, FileMeta, NumberProblem, Value, ascii_digits};
use crate::definition::{Field, FieldKind};
use crate::expr::Type;
use crate::json::Json;
use crate::lang::Lang;
use crate::validation::Violation;

/// Reads what the citizen typed. `Ok(None)`: nothing was entered.
pub fn from_answer(field: &Field, answer: Option<&Answer>, lang: Lang) -> Result<Option<Value>, Violation> {
    let Some(answer) = answer else { return Ok(None) };
    match (&field.kind, answer) {
        // The engine calculates it; nothing typed counts.
        (FieldKind::Calculated(_), _) => Ok(None),
        (FieldKind::Date, Answer::Date { day, month, year }) => {
            read_date_parts(&ascii_digits(day, lang), &ascii_digits(month, lang), &ascii_digits(year, lang))
        }
        (FieldKind::Date, Answer::Text(text)) if text.trim().is_empty() => Ok(None),
        (FieldKind::Date, Answer::Text(text)) => {
            let text = ascii_digits(text.trim(), lang);
            Date::parse_iso(&text).map(|d| Some(Value::Date(d))).ok_or(Violation::InvalidDate)
        }
        (FieldKind::Checkbox, Answer::Flag(ticked)) => Ok(ticked.then_some(Value::Bool(true))),
        (FieldKind::Checkboxes(_), Answer::Choices(values)) => {
            Ok((!values.is_empty()).then(|| Value::Choices(values.clone())))
        }
        (FieldKind::File(_), Answer::Files(files)) => {
            Ok((!files.is_empty()).then(|| Value::Files(files.clone())))
        }
        (_, Answer::Text(text)) => read_text(field, text, lang),
        // An answer of another shape (a stale draft of an older form version) counts as empty.
        _ => Ok(None),
    }
}

/// Reads one answer of a payload, as a server receives it. `Ok(None)`: absent or `null`.
/// Lists longer than the field allows are refused before they are copied, so the work stays
/// bounded by the definition, not by the payload.
pub fn from_json(field: &Field, json: Option<&Json>) -> Result<Option<Value>, Violation> {
    let json = match json {
        None | Some(Json::Null) => return Ok(None),
        Some(json) => json,
    };
    let wrong = || Violation::WrongType { expected: json_type_of(&field.kind) };
    match (&field.kind, json) {
        (FieldKind::Calculated(calculation), json) => {
            calculated_from_json(calculation.expr.ty(), json, &wrong)
        }
        (FieldKind::Number { .. } | FieldKind::Money, Json::Number(n)) => number(n).map(Some),
        (FieldKind::Date, Json::String(text)) => {
            Date::parse_iso(text).map(|d| Some(Value::Date(d))).ok_or(Violation::InvalidDate)
        }
        (FieldKind::Checkbox | FieldKind::YesNo, Json::Bool(b)) => Ok(Some(Value::Bool(*b))),
        (FieldKind::Checkboxes(_), Json::Array(items)) => {
            // More ticks than options (or than allowed) cannot be right, whatever they say.
            let options = field.kind.choices().map_or(0, <[_]>::len) as u64;
            let max = field.rules.max_selected.map_or(options, |max| max.min(options));
            if items.len() as u64 > max {
                return Err(Violation::MaxSelected { max });
            }
            let values: Option<Vec<String>> = items.iter().map(|i| i.as_str().map(str::to_owned)).collect();
            values.map(|v| (!v.is_empty()).then_some(Value::Choices(v))).ok_or_else(wrong)
        }
        (FieldKind::File(rules), Json::Array(items)) => {
            if items.len() > rules.max_files as usize {
                return Err(Violation::FileCount { max: rules.max_files });
            }
            let files: Option<Vec<FileMeta>> = items.iter().map(file_of).collect();
            files.map(|f| (!f.is_empty()).then_some(Value::Files(f))).ok_or_else(wrong)
        }
        (
            FieldKind::Number { .. }
            | FieldKind::Money
            | FieldKind::Date
            | FieldKind::Checkbox
            | FieldKind::YesNo
            | FieldKind::Checkboxes(_)
            | FieldKind::File(_),
            _,
        ) => Err(wrong()),
        (_, Json::String(text)) if text.trim().is_empty() => Ok(None),
        (_, Json::String(text)) => Ok(Some(Value::Text(text.clone()))),
        _ => Err(wrong()),
    }
}

/// A payload's number, read exactly from its text.
fn number(text: &str) -> Result<Value, Violation> {
    match Decimal::from_json_text(text) {
        Ok(number) => Ok(Value::Number(number)),
        Err(NumberProblem::Invalid) => Err(Violation::NotANumber),
        Err(NumberProblem::TooLong) => Err(Violation::NumberTooLong),
    }
}

/// A calculated value as a payload carries it, by the expression's type.
fn calculated_from_json(
    ty: Type,
    json: &Json,
    wrong: &dyn Fn() -> Violation,
) -> Result<Option<Value>, Violation> {
    Ok(Some(match (ty, json) {
        (Type::Number, Json::Number(n)) => match Decimal::from_calculated_json_text(n) {
            Ok(number) => Value::Number(number),
            Err(NumberProblem::Invalid) => return Err(Violation::NotANumber),
            Err(NumberProblem::TooLong) => return Err(Violation::NumberTooLong),
        },
        (Type::Text, Json::String(text)) => Value::Text(text.clone()),
        (Type::Bool, Json::Bool(b)) => Value::Bool(*b),
        (Type::Date, Json::String(text)) => Value::Date(Date::parse_iso(text).ok_or_else(wrong)?),
        (Type::TextList, Json::Array(items)) => Value::Choices(
            items.iter().map(|i| i.as_str().map(str::to_owned)).collect::<Option<_>>().ok_or_else(wrong)?,
        ),
        _ => return Err(wrong()),
    }))
}

/// The JSON type the payload uses for a kind, for messages.
pub(crate) fn json_type_of(kind: &FieldKind) -> &'static str {
    match kind {
        FieldKind::Calculated(calculation) => match calculation.expr.ty() {
            Type::Number => "number",
            Type::Bool => "boolean",
            Type::Date => "date string (YYYY-MM-DD)",
            Type::TextList => "array of strings",
            Type::Text | Type::Files | Type::Items | Type::Numbers => "string",
        },
        FieldKind::Number { .. } | FieldKind::Money => "number",
        FieldKind::Checkbox | FieldKind::YesNo => "boolean",
        FieldKind::Checkboxes(_) => "array of strings",
        FieldKind::File(_) => "array of files",
        FieldKind::Date => "date string (YYYY-MM-DD)",
        _ => "string",
    }
}

fn file_of(json: &Json) -> Option<FileMeta> {
    Some(FileMeta {
        name: json.get("name")?.as_str()?.to_owned(),
        mime: json.get("type")?.as_str()?.to_owned(),
        size: json.get("size")?.as_u64()?,
    })
}

fn read_text(field: &Field, text: &str, lang: Lang) -> Result<Option<Value>, Violation> {
    let kind = &field.kind;
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Ok(None);
    }
    // Codes made of digits are kept in ASCII digits, whatever the keyboard typed.
    let code = matches!(kind, FieldKind::Phone | FieldKind::PostalCode | FieldKind::Iban)
        || (matches!(kind, FieldKind::Text) && field.rules.pattern.is_some());
    let trimmed = if code { ascii_digits(trimmed, lang) } else { trimmed.into() };
    let trimmed = trimmed.as_ref();
    let value = match kind {
        FieldKind::Number { .. } | FieldKind::Money => match Decimal::parse_input(trimmed, lang) {
            Ok(number) => Value::Number(number),
            Err(NumberProblem::Invalid) => return Err(Violation::NotANumber),
            Err(NumberProblem::TooLong) => return Err(Violation::NumberTooLong),
        },
        FieldKind::YesNo => match trimmed {
            "yes" => Value::Bool(true),
            "no" => Value::Bool(false),
            _ => return Err(Violation::UnknownOption),
        },
        // An IBAN is written in groups of four; the payload carries it without spaces.
        FieldKind::Iban => Value::Text(
            trimmed.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_uppercase(),
        ),
        _ => Value::Text(trimmed.to_owned()),
    };
    Ok(Some(value))
}

fn read_date_parts(day: &str, month: &str, year: &str) -> Result<Option<Value>, Violation> {
    let (day, month, year) = (day.trim(), month.trim(), year.trim());
    if day.is_empty() && month.is_empty() && year.is_empty() {
        return Ok(None);
    }
    if day.is_empty() || month.is_empty() || year.is_empty() {
        return Err(Violation::DateIncomplete);
    }
    let number = |part: &str| -> Option<i64> {
        (part.len() <= 4 && part.bytes().all(|b| b.is_ascii_digit())).then(|| part.parse().ok())?
    };
    if year.len() != 4 {
        return Err(Violation::DateYear);
    }
    match (number(day), number(month), number(year)) {
        (Some(d), Some(m), Some(y)) => {
            Date::new(y, m, d).map(|d| Some(Value::Date(d))).ok_or(Violation::InvalidDate)
        }
        _ => Err(Violation::InvalidDate),
    }
}
