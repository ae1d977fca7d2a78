//! The text catalogs: codes and parameters in, words out. Rules and the loader never produce
//! text; the browser and the server both call these, so a citizen and a form author read the
//! same words wherever a check ran.
//!
//! German is formal ("Sie") and says what to do, without blame (GOV.UK and KERN UX guidance).

use crate::diagnostic::{Diagnostic, Problem};
use crate::lang::Lang;
use crate::validation::Violation;

/// The message for a field error, naming the field by its label.
pub fn violation(violation: &Violation, label: &str, lang: Lang) -> String {
    match (violation, lang) {
        (Violation::Required, Lang::De) => format!("Füllen Sie das Feld „{label}“ aus."),
        (Violation::Required, Lang::En) => format!("Fill in “{label}”."),
        (Violation::MaxLength { max, actual }, Lang::De) => format!(
            "„{label}“ darf höchstens {max} Zeichen lang sein. Sie haben {actual} Zeichen eingegeben."
        ),
        (Violation::MaxLength { max, actual }, Lang::En) => {
            format!("“{label}” must be {max} characters or fewer. You entered {actual}.")
        }
    }
}

/// The message for a definition diagnostic, without its location.
pub fn diagnostic(diagnostic: &Diagnostic, lang: Lang) -> String {
    let de = lang == Lang::De;
    match &diagnostic.problem {
        Problem::JsonSyntax { detail } if de => format!("Kein gültiges JSON: {detail}"),
        Problem::JsonSyntax { detail } => format!("Not valid JSON: {detail}"),
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
            let known = crate::FieldKind::names().collect::<Vec<_>>().join(", ");
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
        Problem::OutOfRange { min, max } if de => format!("Erlaubt ist eine ganze Zahl von {min} bis {max}"),
        Problem::OutOfRange { min, max } => format!("expected a whole number from {min} to {max}"),
    }
}

fn type_name_de(expected: &str) -> &'static str {
    match expected {
        "object" => "ein Objekt { … }",
        "array" => "eine Liste [ … ]",
        "string" => "eine Zeichenkette \"…\"",
        "text" => "ein Text: eine Zeichenkette oder ein Objekt mit Sprachen wie {\"de\": \"…\"}",
        "boolean" => "true oder false",
        "integer" => "eine ganze Zahl",
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
        let typo = diagnostics.iter().find(|d| d.problem.code() == "unknown_key").expect("typo reported");
        assert_eq!(diagnostic(typo, Lang::De), "Unbekannter Schlüssel „titel“; meinten Sie „title“?");
    }

    #[test]
    fn field_messages() {
        assert_eq!(
            violation(&Violation::Required, "Vorname", Lang::De),
            "Füllen Sie das Feld „Vorname“ aus."
        );
        assert_eq!(
            violation(&Violation::MaxLength { max: 5, actual: 7 }, "PLZ", Lang::En),
            "“PLZ” must be 5 characters or fewer. You entered 7."
        );
    }
}
