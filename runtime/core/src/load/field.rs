//! Reading one field: its type's keys, its rules, its options and its messages.

use super::logic::{read_condition, read_expression};
use super::object::{Object, Sink, closest, read_text};
use super::{Context, read_choices, read_id};
use crate::definition::ByKey;
use crate::definition::{Calculation, Choice, DateBound, Field, FieldKind, FileRules, Pattern, Rules};
use crate::diagnostic::{Problem, pointer_join};
use crate::format;
use crate::json::Json as Value;
use crate::validation::VIOLATION_CODES;
use crate::value::{Date, Decimal};

pub(super) fn read_field(
    value: &Value,
    pointer: String,
    context: &mut Context,
    sink: &mut Sink,
) -> Option<Field> {
    let type_name = match value.get("type") {
        Some(Value::String(name)) => Some(name.as_str()),
        Some(_) => {
            sink.push(pointer_join(&pointer, "type"), Problem::WrongType { expected: "string" });
            None
        }
        None => None,
    };
    let spec = type_name.and_then(format::kind);
    if let (Some(name), None) = (type_name, spec) {
        sink.push(pointer_join(&pointer, "type"), Problem::UnknownFieldType { found: name.to_owned() });
    }
    // With an unknown type, only the common keys are checked: its own keys are unknowable.
    let specs: &[&'static [format::Key]] = match spec {
        Some(kind) => &[format::FIELD, kind.keys],
        None => &[format::FIELD],
    };
    let field = Object::read(value, pointer, specs, sink)?;
    let id = read_id(&field, Some(&mut context.item_ids), sink);
    if let (Some(id), Some(kind)) = (&id, spec) {
        context.field_types.insert(id.clone(), kind.name);
    }
    if context.in_repeat.is_some() && spec.is_some_and(|kind| kind.name == "file") {
        sink.push(field.pointer_of("type"), Problem::NotInRepeat { what: "file" });
    }
    let label = field.text("label", sink);
    let hint = field.text("hint", sink);
    let required = field.flag("required", sink);
    let required_if = read_condition(&field, "requiredIf", context, sink);
    let visible_if = read_condition(&field, "visibleIf", context, sink);
    let autocomplete = field.string("autocomplete", sink).map(str::to_owned);
    let messages = read_messages(&field, sink);
    let rules = read_rules(&field, context, sink);
    let kind = match spec?.name {
        "calculated" => read_calculation(&field, id.as_deref(), context, sink),
        name => read_kind(name, &field, context, sink),
    };
    if rules.pattern.is_some() && messages.get("pattern").is_none() {
        sink.push(field.pointer_of("pattern"), Problem::MissingMessage { code: "pattern" });
    }
    Some(Field {
        id: id?,
        kind: kind?,
        label: label?,
        hint,
        required,
        required_if,
        visible_if,
        autocomplete,
        rules,
        messages,
        fim: field.fim(sink),
    })
}

/// A calculated field: its expression (any type) and how a number is shown.
fn read_calculation(
    field: &Object,
    id: Option<&str>,
    context: &mut Context,
    sink: &mut Sink,
) -> Option<FieldKind> {
    let expr = read_expression(field, "expression", None, context, sink);
    if let Some(id) = id {
        context.expression_pointers.insert(id.to_owned(), field.pointer_of("expression"));
    }
    let money = match field.string("format", sink) {
        None | Some("number") => false,
        Some("money") => true,
        Some(found) => {
            sink.push(
                field.pointer_of("format"),
                Problem::NotOneOf { found: found.to_owned(), expected: format::CALCULATED_FORMATS },
            );
            false
        }
    };
    Some(FieldKind::Calculated(Calculation { expr: expr?, money }))
}

fn read_kind(name: &str, field: &Object, context: &mut Context, sink: &mut Sink) -> Option<FieldKind> {
    Some(match name {
        "text" => FieldKind::Text,
        "textarea" => FieldKind::Textarea,
        "number" => FieldKind::Number {
            decimals: field.count("decimals", 0, 6, sink).unwrap_or(0) as u32,
            unit: field.text("unit", sink),
        },
        "money" => FieldKind::Money,
        "email" => FieldKind::Email,
        "phone" => FieldKind::Phone,
        "date" => FieldKind::Date,
        "select" => FieldKind::Select(read_options(field, context, sink)?),
        "radio" => FieldKind::Radio(read_options(field, context, sink)?),
        "checkbox" => FieldKind::Checkbox,
        "checkboxes" => FieldKind::Checkboxes(read_options(field, context, sink)?),
        "yesno" => FieldKind::YesNo,
        "iban" => FieldKind::Iban,
        "postalCode" => FieldKind::PostalCode,
        "file" => FieldKind::File(FileRules {
            accept: read_strings(field, "accept", sink),
            max_size: field.count("maxSize", 1, 1 << 40, sink),
            max_files: field.count("maxFiles", 1, 100, sink).unwrap_or(1) as u32,
        }),
        _ => return None,
    })
}

/// `options`: an inline list, or the name of a code list.
fn read_options(field: &Object, context: &mut Context, sink: &mut Sink) -> Option<Vec<Choice>> {
    let pointer = field.pointer_of("options");
    match field.value("options")? {
        Value::String(name) => match context.code_lists.get(name) {
            Some(choices) => Some(choices.clone()),
            None => {
                sink.push(pointer, Problem::UnknownReference { name: name.clone(), what: "code list" });
                None
            }
        },
        value => read_choices(value, pointer, context, sink),
    }
}

fn read_rules(field: &Object, context: &mut Context, sink: &mut Sink) -> Rules {
    let rules = Rules {
        min_length: field.count("minLength", 0, 1_000_000, sink),
        max_length: field.count("maxLength", 1, 1_000_000, sink),
        min: read_number(field, "min", sink),
        max: read_number(field, "max", sink),
        min_date: read_date_bound(field, "minDate", sink),
        max_date: read_date_bound(field, "maxDate", sink),
        pattern: read_pattern(field, sink),
        min_selected: field.count("minSelected", 0, 1000, sink),
        max_selected: field.count("maxSelected", 1, 1000, sink),
        after: read_reference(field, "after", true, context, sink),
        equals: read_reference(field, "equals", false, context, sink),
    };
    let mut order = |min: Option<bool>, min_key: &'static str, max_key: &'static str| {
        if min == Some(true) {
            sink.push(field.pointer_of(min_key), Problem::MinAboveMax { min: min_key, max: max_key });
        }
    };
    order(rules.min_length.zip(rules.max_length).map(|(a, b)| a > b), "minLength", "maxLength");
    order(rules.min.zip(rules.max).map(|(a, b)| a > b), "min", "max");
    order(rules.min_selected.zip(rules.max_selected).map(|(a, b)| a > b), "minSelected", "maxSelected");
    if let (Some(DateBound::Fixed(min)), Some(DateBound::Fixed(max))) = (rules.min_date, rules.max_date) {
        order(Some(min > max), "minDate", "maxDate");
    }
    rules
}

fn read_number(field: &Object, key: &str, sink: &mut Sink) -> Option<Decimal> {
    match field.value(key)? {
        Value::Number(n) => {
            let number = Decimal::from_json_text(n).ok();
            if number.is_none() {
                sink.push(
                    field.pointer_of(key),
                    Problem::OutOfRange { min: 0, max: 999_999_999_999_999_999 },
                );
            }
            number
        }
        _ => {
            sink.push(field.pointer_of(key), Problem::WrongType { expected: "number" });
            None
        }
    }
}

fn read_date_bound(field: &Object, key: &str, sink: &mut Sink) -> Option<DateBound> {
    let text = field.string(key, sink)?;
    let bound = parse_date_bound(text);
    if bound.is_none() {
        sink.push(field.pointer_of(key), Problem::InvalidDateBound { found: text.to_owned() });
    }
    bound
}

/// `YYYY-MM-DD`, `today`, or `today` with one offset: `-18y`, `+14d`, `+3m`.
pub(crate) fn parse_date_bound(text: &str) -> Option<DateBound> {
    let Some(offset) = text.strip_prefix("today") else {
        return Date::parse_iso(text).map(DateBound::Fixed);
    };
    if offset.is_empty() {
        return Some(DateBound::Today { months: 0, days: 0 });
    }
    let (sign, rest) = match offset.as_bytes().first()? {
        b'+' => (1, offset.get(1..)?),
        b'-' => (-1, offset.get(1..)?),
        _ => return None,
    };
    let unit = rest.chars().last()?;
    let digits = rest.get(..rest.len().checked_sub(unit.len_utf8())?)?;
    if digits.is_empty() || digits.len() > 5 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n: i64 = digits.parse().ok()?;
    match unit {
        'd' => Some(DateBound::Today { months: 0, days: n.checked_mul(sign)? }),
        'm' => Some(DateBound::Today { months: n.checked_mul(sign)?, days: 0 }),
        'y' => Some(DateBound::Today { months: n.checked_mul(sign)?.checked_mul(12)?, days: 0 }),
        _ => None,
    }
}

fn read_pattern(field: &Object, sink: &mut Sink) -> Option<Pattern> {
    let source = field.string("pattern", sink)?;
    // Anchored, so that the whole answer must match, as in HTML's pattern attribute.
    match compile_pattern(source) {
        Ok(pattern) => Some(pattern),
        Err(detail) => {
            sink.push(field.pointer_of("pattern"), Problem::InvalidPattern { detail });
            None
        }
    }
}

/// A pattern of the dialect, for both engines; or why not, in the diagnostic's words.
fn compile_pattern(source: &str) -> Result<Pattern, String> {
    let dialect = crate::pattern::Dialect::parse(source).map_err(|error| error.to_string())?;
    Ok(Pattern {
        source: source.to_owned(),
        ecmascript: dialect.to_ecmascript(),
        #[cfg(feature = "regex-lite")]
        regex: regex_lite::Regex::new(&dialect.to_regex_lite()).map_err(|error| error.to_string())?,
    })
}

fn read_reference(
    field: &Object,
    key: &str,
    date: bool,
    context: &mut Context,
    sink: &mut Sink,
) -> Option<String> {
    let name = field.string(key, sink)?;
    context.references.push((field.pointer_of(key), name.to_owned(), date));
    Some(name.to_owned())
}

fn read_strings(field: &Object, key: &str, sink: &mut Sink) -> Vec<String> {
    let Some(list) = field.list(key, sink) else { return Vec::new() };
    list.iter()
        .enumerate()
        .filter_map(|(i, item)| match item.as_str() {
            Some(s) if !s.is_empty() => Some(s.to_owned()),
            _ => {
                sink.push(
                    format!("{}/{i}", field.pointer_of(key)),
                    Problem::WrongType { expected: "string" },
                );
                None
            }
        })
        .collect()
}

/// `messages`: the author's words by violation code.
fn read_messages(field: &Object, sink: &mut Sink) -> ByKey<crate::Text> {
    let Some(value) = field.value("messages") else { return ByKey::new() };
    let pointer = field.pointer_of("messages");
    let Some(map) = value.as_object() else {
        sink.push(pointer, Problem::WrongType { expected: "object" });
        return ByKey::new();
    };
    map.iter()
        .filter_map(|(code, text)| {
            let at = pointer_join(&pointer, code);
            if !VIOLATION_CODES.contains(&code.as_str()) {
                let suggestion = closest(code, VIOLATION_CODES.iter().copied());
                sink.push(at, Problem::UnknownKey { key: code.clone(), suggestion });
                return None;
            }
            Some((code.clone(), read_text(text, at, sink)?))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::parse_date_bound;
    use crate::definition::DateBound;

    #[test]
    fn date_bounds() {
        let today = |months, days| Some(DateBound::Today { months, days });
        assert_eq!(parse_date_bound("today"), today(0, 0));
        assert_eq!(parse_date_bound("today-18y"), today(-216, 0));
        assert_eq!(parse_date_bound("today+14d"), today(0, 14));
        assert_eq!(parse_date_bound("today+3m"), today(3, 0));
        assert!(matches!(parse_date_bound("2026-01-31"), Some(DateBound::Fixed(_))));
        for bad in [
            "",
            "tomorrow",
            "today+",
            "today-y",
            "today+3w",
            "today+1234567d",
            "today 18y",
            "2026-02-30",
            "today+3ä",
        ] {
            assert_eq!(parse_date_bound(bad), None, "{bad}");
        }
    }
}
