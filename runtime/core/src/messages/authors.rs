//! The authors' catalog: a definition's diagnostics in words, with their place. Only authors
//! read these (the playground, `Formlotse.check`, the `check` command, the server's log), so
//! they are compiled only with the "authoring" feature; a citizen's wasm names a broken
//! definition's problems by code and JSON Pointer.

use crate::diagnostic::{Diagnostic, Problem};
use crate::expr::{Expected, ExprError, ParseErrorKind, Type, TypeErrorKind};
use crate::lang::Lang;

/// One diagnostic as a line: "Zeile 3, Spalte 5 (/steps/0/fields/1/type): …".
pub fn diagnostic_line(diagnostic: &Diagnostic, lang: Lang) -> String {
    let message = self::diagnostic(diagnostic, lang);
    let place = match (diagnostic.position, lang.is_english()) {
        (Some(p), false) => format!("Zeile {}, Spalte {}", p.line, p.column),
        (Some(p), true) => format!("line {}, column {}", p.line, p.column),
        (None, _) => String::new(),
    };
    let pointer =
        if diagnostic.pointer.is_empty() { String::new() } else { format!(" ({})", diagnostic.pointer) };
    format!("{place}{pointer}: {message}")
}

/// The message for a definition diagnostic, without its location.
pub fn diagnostic(diagnostic: &Diagnostic, lang: Lang) -> String {
    let de = !lang.is_english();
    match &diagnostic.problem {
        Problem::JsonSyntax { detail } if de => format!("Kein gültiges JSON: {detail}"),
        Problem::JsonSyntax { detail } => format!("Not valid JSON: {detail}"),
        Problem::DuplicateKey { key } if de => {
            format!("Der Schlüssel „{key}“ kommt in diesem Objekt doppelt vor.")
        }
        Problem::DuplicateKey { key } => format!("The key “{key}” occurs twice in this object."),
        Problem::UnsupportedFormat { found } if de => {
            format!("Formatversion {found} wird nicht unterstützt; erwartet wird \"formlotse\": 1")
        }
        Problem::UnsupportedFormat { found } => {
            format!("format version {found} is not supported; expected \"formlotse\": 1")
        }
        Problem::MissingKey { key } if de => format!("Der Schlüssel „{key}“ fehlt"),
        Problem::MissingKey { key } => format!("the key \"{key}\" is missing"),
        Problem::UnknownKey { key, suggestion } => {
            let mut text = if de {
                format!("Unbekannter Schlüssel „{key}“")
            } else {
                format!("unknown key \"{key}\"")
            };
            if let Some(suggestion) = suggestion {
                text += &if de {
                    format!("; meinten Sie „{suggestion}“?")
                } else {
                    format!("; did you mean \"{suggestion}\"?")
                };
            }
            text
        }
        Problem::WrongType { expected } if de => format!("Erwartet wird {}", type_name_de(expected)),
        Problem::WrongType { expected } => format!("expected {}", type_name_en(expected)),
        Problem::UnknownFieldType { found } => {
            let known = crate::definition::FIELD_TYPES.join(", ");
            if de {
                format!("Unbekannter Feldtyp „{found}“; bekannt sind: {known}")
            } else {
                format!("unknown field type \"{found}\"; known types: {known}")
            }
        }
        Problem::DuplicateId { id, first } if de => format!("Die ID „{id}“ ist schon bei {first} vergeben"),
        Problem::DuplicateId { id, first } => format!("the id \"{id}\" is already used at {first}"),
        Problem::InvalidId { id } if de => format!(
            "Die ID „{id}“ ist ungültig: erlaubt sind Buchstaben, Ziffern, „_“ und „-“, am Anfang ein Buchstabe"
        ),
        Problem::InvalidId { id } => {
            format!(
                "the id \"{id}\" is invalid: use letters, digits, \"_\" and \"-\", starting with a letter"
            )
        }
        Problem::Empty if de => "Darf nicht leer sein".to_owned(),
        Problem::Empty => "must not be empty".to_owned(),
        Problem::UnknownReference { name, what } if de => {
            let what = match *what {
                "code list" => "keine Codeliste",
                "date field" => "kein Datumsfeld",
                _ => "kein Feld",
            };
            format!("„{name}“ ist {what} dieses Formulars")
        }
        Problem::UnknownReference { name, what } => format!("\"{name}\" is no {what} of this form"),
        Problem::InvalidPattern { detail } if de => format!("Der reguläre Ausdruck ist ungültig: {detail}"),
        Problem::InvalidPattern { detail } => format!("the regular expression is invalid: {detail}"),
        Problem::MissingMessage { code } if de => format!(
            "Zu „{code}“ fehlt eine Meldung in \"messages\": sagen Sie den Bürgerinnen und Bürgern, was sie eingeben sollen"
        ),
        Problem::MissingMessage { code } => {
            format!("\"{code}\" needs a message in \"messages\" that tells citizens what to enter")
        }
        Problem::MinAboveMax { min, max } if de => format!("„{min}“ ist größer als „{max}“"),
        Problem::MinAboveMax { min, max } => format!("\"{min}\" is greater than \"{max}\""),
        Problem::InvalidDateBound { found } if de => format!(
            "„{found}“ ist keine Datumsgrenze; erlaubt sind JJJJ-MM-TT, today, today-18y, today+14d, today+3m"
        ),
        Problem::InvalidDateBound { found } => {
            format!("\"{found}\" is no date limit; use YYYY-MM-DD, today, today-18y, today+14d or today+3m")
        }
        Problem::GermanFirst if de => "Deutsch („de“) muss die erste Sprache sein".to_owned(),
        Problem::GermanFirst => "German (\"de\") must be the first language".to_owned(),
        Problem::DuplicateValue { value } if de => format!("Der Wert „{value}“ kommt doppelt vor"),
        Problem::DuplicateValue { value } => format!("the value \"{value}\" appears twice"),
        Problem::OutOfRange { min, max } if de => format!("Erlaubt ist eine ganze Zahl von {min} bis {max}"),
        Problem::OutOfRange { min, max } => format!("expected a whole number from {min} to {max}"),
        Problem::Expression { error, .. } if de => {
            format!("Der Ausdruck ist ungültig: {}", expression_de(error))
        }
        Problem::Expression { error, .. } => format!("invalid expression: {}", error.message()),
        Problem::Cycle { fields } if de => {
            format!("Bedingungen oder Berechnungen hängen im Kreis voneinander ab: {}", circle(fields))
        }
        Problem::Cycle { fields } => {
            format!("conditions or calculations depend on each other in a circle: {}", circle(fields))
        }
        Problem::NotInRepeat { what } if de => {
            format!("Eine wiederholbare Gruppe kann kein Element vom Typ „{what}“ enthalten")
        }
        Problem::NotInRepeat { what } => format!("a repeatable group cannot hold a \"{what}\""),
        Problem::NotOneOf { found, expected } if de => {
            format!("„{found}“ ist nicht erlaubt; möglich: {}", expected.join(", "))
        }
        Problem::NotOneOf { found, expected } => {
            format!("\"{found}\" is not allowed; use one of: {}", expected.join(", "))
        }
    }
}

/// An expression's problem in German (the English words come from `expr` itself).
fn expression_de(error: &ExprError) -> String {
    let quoted = |text: &str| format!("„{text}“");
    match error {
        ExprError::Parse(error) => match &error.kind {
            ParseErrorKind::Expected { expected, found } => {
                let expected = match expected {
                    Expected::Value => "ein Wert".to_owned(),
                    Expected::OperatorOrEnd => "ein Operator oder das Ende des Ausdrucks".to_owned(),
                    Expected::Close(c) => quoted(&c.to_string()),
                    Expected::CommaOr(c) => format!("„,“ oder {}", quoted(&c.to_string())),
                };
                let found = found.as_deref().map_or_else(|| "das Ende".to_owned(), quoted);
                format!("erwartet wird {expected}, gefunden {found}")
            }
            ParseErrorKind::NotANumber(text) => format!("{} ist keine Zahl", quoted(text)),
            ParseErrorKind::UnclosedText => "der Text wird nicht mit Anführungszeichen beendet".to_owned(),
            ParseErrorKind::TooDeep => "der Ausdruck ist zu tief verschachtelt".to_owned(),
        },
        ExprError::Type(error) => match &error.kind {
            TypeErrorKind::UnknownField(name) => format!("kein Feld hat die ID {}", quoted(name)),
            TypeErrorKind::UnknownFunction(name) => format!(
                "eine Funktion {} gibt es nicht; bekannt sind: {}",
                quoted(name),
                crate::expr::FUNCTIONS.join(", ")
            ),
            TypeErrorKind::Arity { function, expected, found } => {
                format!("{function}() nimmt {expected} Argument(e), nicht {found}")
            }
            TypeErrorKind::Expected { expected, found } => {
                format!("erwartet wird {}, gefunden {}", type_de(*expected), type_de(*found))
            }
            TypeErrorKind::Operator { op, left, right } => {
                format!(
                    "{} lässt sich nicht auf {} und {} anwenden",
                    quoted(op),
                    type_de(*left),
                    type_de(*right)
                )
            }
            TypeErrorKind::Places => "round() braucht als Stellen eine ganze Zahl von 0 bis 12".to_owned(),
        },
    }
}

fn type_de(ty: Type) -> &'static str {
    match ty {
        Type::Number => "eine Zahl",
        Type::Text => "Text",
        Type::Bool => "wahr/falsch",
        Type::Date => "ein Datum",
        Type::TextList => "eine Liste von Texten",
        Type::Files => "Dateien",
        Type::Items => "die Einträge einer wiederholbaren Gruppe",
        Type::Numbers => "Zahlen einer wiederholbaren Gruppe",
    }
}

/// `a → b → a`: a circle, closed.
fn circle(fields: &[String]) -> String {
    let mut names: Vec<&str> = fields.iter().map(String::as_str).collect();
    if let Some(first) = names.first().copied() {
        names.push(first);
    }
    names.join(" → ")
}

fn type_name_de(expected: &str) -> &'static str {
    match expected {
        "object" => "ein Objekt { … }",
        "array" => "eine Liste [ … ]",
        "string" => "eine Zeichenkette \"…\"",
        "text" => "ein Text: eine Zeichenkette oder ein Objekt mit Sprachen wie {\"de\": \"…\"}",
        "boolean" => "true oder false",
        "integer" => "eine ganze Zahl",
        "number" => "eine Zahl",
        "language tag" => "ein Sprachkürzel nach BCP 47 mit höchstens 7 Zeichen wie \"uk\" oder \"de-x-ls\"",
        _ => "ein anderer Wert",
    }
}

fn type_name_en(expected: &str) -> &'static str {
    match expected {
        "object" => "an object { … }",
        "array" => "a list [ … ]",
        "string" => "a string \"…\"",
        "text" => "a text: a string or an object of languages like {\"de\": \"…\"}",
        "boolean" => "true or false",
        "integer" => "a whole number",
        "number" => "a number",
        "language tag" => "a BCP 47 language tag of at most 7 characters like \"uk\" or \"de-x-ls\"",
        _ => "another value",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load;

    #[test]
    fn every_diagnostic_of_a_broken_definition_has_words_in_both_languages() {
        let source = r#"{"formlotse": 2, "id": "a b", "titel": "A", "steps": [{"id": "s", "title": 3, "fields": [
            {"id": "f", "type": "signature", "label": "", "maxLength": -1, "required": 1},
            {"id": "f", "type": "text", "label": "F"}]}]}"#;
        let diagnostics = load(source).expect_err("broken");
        assert!(diagnostics.len() >= 8, "{diagnostics:#?}");
        for d in &diagnostics {
            for lang in [Lang::De, Lang::En] {
                let text = diagnostic(d, lang);
                assert!(
                    !text.is_empty() && !text.contains("anderer Wert") && !text.contains("another value"),
                    "{text}"
                );
            }
        }
        let typo = diagnostics.iter().find(|d| d.problem.code() == "unknown_key").expect("typo reported"); // ok: test
        assert_eq!(diagnostic(typo, Lang::De), "Unbekannter Schlüssel „titel“; meinten Sie „title“?");
    }
}
