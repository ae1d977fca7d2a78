//! The text catalogs: codes and parameters in, words out. Rules and the loader never produce
//! text; the browser and the server both call these, so a citizen and a form author read the
//! same words wherever a check ran.
//!
//! German is formal ("Sie") and says what to do, without blame (GOV.UK and KERN UX guidance).

use crate::definition::{Definition, Field, FieldKind};
use crate::lang::Lang;
use crate::validation::{PayloadProblem, Violation};
use crate::value::Date;

#[cfg(feature = "authoring")]
mod authors;
#[cfg(feature = "authoring")]
mod catalogs;
#[cfg(feature = "authoring")]
pub use authors::{diagnostic, diagnostic_line};
#[cfg(feature = "authoring")]
pub use catalogs::catalog_problem;

/// The message for a field error: the author's own message for this rule if the definition
/// has one, else the catalog's, naming the field by its label.
pub fn for_field(definition: &Definition, field: &Field, violation: &Violation, lang: Lang) -> String {
    if let Some(text) = field.messages.get(violation.code()) {
        return text.get(lang).to_owned();
    }
    let label_of = |id: &str| match definition
        .field(id)
        .or_else(|| definition.repeats().flat_map(|r| r.fields()).find(|f| f.id == id))
    {
        Some(other) => other.label.get(lang).to_owned(),
        None => id.to_owned(),
    };
    catalog(&field.kind, field.label.get(lang), violation, lang, &label_of)
}

/// The message of a violation of a repeatable group itself (its number of items), naming it
/// by its legend.
pub fn for_group(repeat: &crate::definition::Repeat, violation: &Violation, lang: Lang) -> String {
    catalog(&FieldKind::Text, repeat.legend.get(lang), violation, lang, &|id: &str| id.to_owned())
}

/// The message of a violation of the submission as a whole (a server's "… more errors"),
/// which names no field.
pub fn for_form(violation: &Violation, lang: Lang) -> String {
    catalog(&FieldKind::Text, "", violation, lang, &|id: &str| id.to_owned())
}

fn catalog(
    kind: &FieldKind,
    label: &str,
    violation: &Violation,
    lang: Lang,
    label_of: &dyn Fn(&str) -> String,
) -> String {
    use Violation as V;
    let de = !lang.is_english();
    match violation {
        V::Required => match (kind, de) {
            (FieldKind::Select(_) | FieldKind::Radio(_) | FieldKind::YesNo, true) => {
                format!("Wählen Sie aus, was bei „{label}“ zutrifft.")
            }
            (FieldKind::Select(_) | FieldKind::Radio(_) | FieldKind::YesNo, false) => {
                format!("Select an answer for “{label}”.")
            }
            (FieldKind::Checkbox, true) => format!("Bestätigen Sie: „{label}“."),
            (FieldKind::Checkbox, false) => format!("Confirm: “{label}”."),
            (FieldKind::Checkboxes(_), true) => {
                format!("Wählen Sie bei „{label}“ mindestens eine Angabe aus.")
            }
            (FieldKind::Checkboxes(_), false) => format!("Select at least one option for “{label}”."),
            (FieldKind::File(_), true) => format!("Laden Sie eine Datei für „{label}“ hoch."),
            (FieldKind::File(_), false) => format!("Upload a file for “{label}”."),
            (FieldKind::Date, true) => format!("Geben Sie ein Datum bei „{label}“ ein."),
            (FieldKind::Date, false) => format!("Enter a date for “{label}”."),
            (_, true) => format!("Füllen Sie das Feld „{label}“ aus."),
            (_, false) => format!("Fill in “{label}”."),
        },
        V::MinLength { min } if de => format!("„{label}“ muss mindestens {min} Zeichen lang sein."),
        V::MinLength { min } => format!("“{label}” must be {min} characters or more."),
        V::MaxLength { max, actual } if de => {
            format!(
                "„{label}“ darf höchstens {max} Zeichen lang sein. Sie haben {actual} Zeichen eingegeben."
            )
        }
        V::MaxLength { max, actual } => {
            format!("“{label}” must be {max} characters or fewer. You entered {actual}.")
        }
        V::ControlCharacters if de => {
            format!("„{label}“ enthält unzulässige Steuerzeichen. Entfernen Sie sie bitte.")
        }
        V::ControlCharacters => format!("“{label}” contains control characters. Please remove them."),
        V::NotANumber if de => format!("Geben Sie bei „{label}“ eine Zahl ein, zum Beispiel 1.234,5."),
        V::NotANumber => format!("Enter a number for “{label}”, for example 1,234.5."),
        V::NumberTooLong if de => format!("Die Zahl bei „{label}“ ist zu lang."),
        V::NumberTooLong => format!("The number for “{label}” is too long."),
        V::TooManyDecimals { max: 0 } if de => format!("Geben Sie bei „{label}“ eine ganze Zahl ein."),
        V::TooManyDecimals { max: 0 } => format!("Enter a whole number for “{label}”."),
        V::TooManyDecimals { max } if de => format!("„{label}“ darf höchstens {max} Nachkommastellen haben."),
        V::TooManyDecimals { max } => format!("“{label}” can have at most {max} decimal places."),
        V::Min { min } if de => format!("„{label}“ muss mindestens {} sein.", number_de(min)),
        V::Min { min } => format!("“{label}” must be {min} or more."),
        V::Max { max } if de => format!("„{label}“ darf höchstens {} sein.", number_de(max)),
        V::Max { max } => format!("“{label}” must be {max} or less."),
        V::DateIncomplete if de => format!("Geben Sie bei „{label}“ Tag, Monat und Jahr ein."),
        V::DateIncomplete => format!("Enter day, month and year for “{label}”."),
        V::DateYear if de => format!("Geben Sie bei „{label}“ das Jahr mit 4 Ziffern ein."),
        V::DateYear => format!("Enter the year of “{label}” with 4 digits."),
        V::InvalidDate if de => format!("„{label}“ ist kein gültiges Datum. Prüfen Sie Tag, Monat und Jahr."),
        V::InvalidDate => format!("“{label}” must be a real date. Check day, month and year."),
        V::DateMin { min } if de => format!("„{label}“ darf nicht vor dem {} liegen.", date_de(*min)),
        V::DateMin { min } => format!("“{label}” must be on or after {}.", date_en(*min)),
        V::DateMax { max } if de => format!("„{label}“ darf nicht nach dem {} liegen.", date_de(*max)),
        V::DateMax { max } => format!("“{label}” must be on or before {}.", date_en(*max)),
        V::Pattern if de => format!("Prüfen Sie die Angabe bei „{label}“."),
        V::Pattern => format!("Check your answer for “{label}”."),
        V::Email if de => {
            "Geben Sie eine E-Mail-Adresse im richtigen Format ein, zum Beispiel name@beispiel.de.".to_owned()
        }
        V::Email => "Enter an email address in the correct format, like name@example.com.".to_owned(),
        V::Iban if de => "Die IBAN ist nicht gültig. Prüfen Sie die Angabe.".to_owned(),
        V::Iban => "The IBAN is not valid. Check it.".to_owned(),
        V::PostalCode if de => "Geben Sie eine Postleitzahl mit 5 Ziffern ein.".to_owned(),
        V::PostalCode => "Enter a German postcode with 5 digits.".to_owned(),
        V::Phone if de => format!(
            "Geben Sie bei „{label}“ eine Telefonnummer ein, zum Beispiel 030 1234567 oder +49 30 1234567."
        ),
        V::Phone => format!("Enter a phone number for “{label}”, like 030 1234567 or +49 30 1234567."),
        V::UnknownOption if de => format!("Wählen Sie bei „{label}“ eine der angebotenen Angaben aus."),
        V::UnknownOption => format!("Select one of the options for “{label}”."),
        V::MinSelected { min } if de => format!("Wählen Sie bei „{label}“ mindestens {min} Angaben aus."),
        V::MinSelected { min } => format!("Select at least {min} options for “{label}”."),
        V::MaxSelected { max } if de => format!("Wählen Sie bei „{label}“ höchstens {max} Angaben aus."),
        V::MaxSelected { max } => format!("Select at most {max} options for “{label}”."),
        V::FileType { name } if de => {
            format!("Die Datei „{name}“ hat ein Format, das hier nicht angenommen wird.")
        }
        V::FileType { name } => format!("The file “{name}” is of a type that is not accepted here."),
        V::FileSize { name, max } if de => {
            format!("Die Datei „{name}“ darf höchstens {} groß sein.", file_size(*max, lang))
        }
        V::FileSize { name, max } => {
            format!("The file “{name}” must be {} or smaller.", file_size(*max, lang))
        }
        V::FileCount { max } if de => format!("Laden Sie bei „{label}“ höchstens {max} Dateien hoch."),
        V::FileCount { max } => format!("Upload at most {max} files for “{label}”."),
        V::After { other } if de => format!("„{label}“ muss nach „{}“ liegen.", label_of(other)),
        V::After { other } => format!("“{label}” must be after “{}”.", label_of(other)),
        V::Equals { other } if de => format!("„{label}“ stimmt nicht mit „{}“ überein.", label_of(other)),
        V::Equals { other } => format!("“{label}” does not match “{}”.", label_of(other)),
        V::Calculation if de => format!(
            "Aus Ihren Angaben lässt sich „{label}“ nicht berechnen. Prüfen Sie die Zahlen, die Sie eingegeben haben."
        ),
        V::Calculation => {
            format!("“{label}” cannot be calculated from your answers. Check the numbers you entered.")
        }
        V::WrongType { expected } if de => {
            format!("„{label}“ hat den falschen Typ; erwartet wird: {expected}.")
        }
        V::WrongType { expected } => format!("“{label}” has the wrong type; expected: {expected}."),
        V::ItemCount { min, max } if de => {
            format!("Geben Sie bei „{label}“ mindestens {min} und höchstens {max} Einträge an.")
        }
        V::ItemCount { min, max } => format!("Give at least {min} and at most {max} entries for “{label}”."),
        V::NotAsked if de => format!("„{label}“ wird bei Ihren übrigen Angaben nicht gefragt."),
        V::NotAsked => format!("“{label}” is not asked, given your other answers."),
        V::Calculated if de => {
            format!("„{label}“ stimmt nicht mit der Berechnung aus Ihren Angaben überein.")
        }
        V::Calculated => format!("“{label}” does not match the calculation from your answers."),
        V::MoreErrors { count } if de => {
            format!("{count} weitere Angaben erfüllen die Regeln des Formulars nicht.")
        }
        V::MoreErrors { count } => format!("{count} more answers do not meet the form's rules."),
        V::Reported { message } => message.clone(),
    }
}

/// Why a server could not read a payload as a submission of the form, in words (for the
/// receiver's problem details; a citizen's browser does not send such payloads).
pub fn payload_problem(problem: &PayloadProblem, lang: Lang) -> String {
    use PayloadProblem as P;
    let de = !lang.is_english();
    match problem {
        P::NotJson { expected, offset } if de => {
            format!("Die Übermittlung ist kein JSON: erwartet wird {expected} bei Byte {offset}.")
        }
        P::NotJson { expected, offset } => {
            format!("The submission is not JSON: expected {expected} at byte {offset}.")
        }
        P::TooDeep { offset } if de => {
            format!("Die Übermittlung ist bei Byte {offset} zu tief verschachtelt.")
        }
        P::TooDeep { offset } => format!("The submission is nested too deeply at byte {offset}."),
        P::DuplicateKey { pointer } if de => format!("Der Schlüssel {pointer} kommt doppelt vor."),
        P::DuplicateKey { pointer } => format!("The key {pointer} occurs twice."),
        P::Shape if de => "Die Übermittlung ist kein Objekt mit einem Objekt „answers“.".to_owned(),
        P::Shape => "The submission is not an object with an “answers” object.".to_owned(),
        P::OtherForm { found } if de => format!("Die Übermittlung nennt ein anderes Formular: „{found}“."),
        P::OtherForm { found } => format!("The submission names another form: “{found}”."),
        P::UnknownField { field, count: 1 } if de => format!("Das Formular hat kein Feld „{field}“."),
        P::UnknownField { field, count: 1 } => format!("The form has no field “{field}”."),
        P::UnknownField { field, count } if de => {
            format!(
                "Das Formular hat kein Feld „{field}“ und {} weitere unbekannte.",
                count.saturating_sub(1)
            )
        }
        P::UnknownField { field, count } => {
            format!("The form has no field “{field}”, nor {} more of the keys sent.", count.saturating_sub(1))
        }
    }
}

/// "1234.5" as German writes it: "1.234,5".
pub(crate) fn number_de(plain: &str) -> String {
    let (sign, rest) = plain.strip_prefix('-').map_or(("", plain), |rest| ("-", rest));
    let (whole, fraction) = rest.split_once('.').unwrap_or((rest, ""));
    let mut grouped = String::new();
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && whole.len().saturating_sub(i).is_multiple_of(3) {
            grouped.push('.');
        }
        grouped.push(digit);
    }
    if fraction.is_empty() { format!("{sign}{grouped}") } else { format!("{sign}{grouped},{fraction}") }
}

/// A date as the citizen reads it: "27.03.1985", "27 March 1985".
pub fn date(date: Date, lang: Lang) -> String {
    if lang.is_english() { date_en(date) } else { date_de(date) }
}

fn date_de(date: Date) -> String {
    let (y, m, d) = date.parts();
    format!("{d:02}.{m:02}.{y}")
}

fn date_en(date: Date) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let (y, m, d) = date.parts();
    format!("{d} {} {y}", MONTHS.get(usize::from(m).saturating_sub(1)).unwrap_or(&""))
}

/// A byte count in MB or KB, as people read file sizes ("10 MB", "1,5 KB").
pub fn file_size(n: u64, lang: Lang) -> String {
    // Integer arithmetic: float formatting would add about 20 KB of wasm for one decimal.
    const KB: u64 = 1024;
    let (unit_bytes, unit) = if n >= KB * KB { (KB * KB, "MB") } else { (KB, "KB") };
    // A payload may claim any size up to u64::MAX: saturate rather than overflow.
    let tenths = n.saturating_mul(10).saturating_add(unit_bytes / 2).checked_div(unit_bytes).unwrap_or(0);
    let separator = lang.separators().0;
    match tenths % 10 {
        0 => format!("{} {unit}", tenths / 10),
        d => format!("{}{separator}{d} {unit}", tenths / 10),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load;

    #[test]
    fn field_messages() {
        let definition = load(
            r#"{"formlotse": 1, "id": "a", "title": "A", "steps": [{"id": "s", "title": "S", "fields": [
                {"id": "vorname", "type": "text", "label": "Vorname", "messages": {"required": {"de": "Geben Sie Ihren Vornamen ein.", "en": "Enter your first name."}}},
                {"id": "plz", "type": "postalCode", "label": {"de": "Postleitzahl", "en": "Postcode"}},
                {"id": "beginn", "type": "date", "label": "Beginn"},
                {"id": "ende", "type": "date", "label": "Ende", "after": "beginn"}]}]}"#,
        )
        .expect("loads"); // ok: test
        let field = |id| definition.field(id).expect("field"); // ok: test
        assert_eq!(
            for_field(&definition, field("vorname"), &Violation::Required, Lang::En),
            "Enter your first name."
        );
        assert_eq!(
            for_field(&definition, field("plz"), &Violation::Required, Lang::De),
            "Füllen Sie das Feld „Postleitzahl“ aus."
        );
        assert_eq!(
            for_field(&definition, field("ende"), &Violation::After { other: "beginn".into() }, Lang::De),
            "„Ende“ muss nach „Beginn“ liegen."
        );
        let max = Date::new(2008, 11, 28).expect("date"); // ok: test
        assert_eq!(
            for_field(&definition, field("beginn"), &Violation::DateMax { max }, Lang::De),
            "„Beginn“ darf nicht nach dem 28.11.2008 liegen."
        );
        assert_eq!(
            for_field(&definition, field("beginn"), &Violation::DateMax { max }, Lang::En),
            "“Beginn” must be on or before 28 November 2008."
        );
    }

    #[test]
    fn number_and_size_formats() {
        assert_eq!(number_de("1234567.5"), "1.234.567,5");
        assert_eq!(number_de("-999"), "-999");
        assert_eq!(file_size(10 * 1024 * 1024, Lang::De), "10 MB");
        assert_eq!(file_size(1536, Lang::De), "1,5 KB");
    }
}
