//! The built-in German words of the engine's messages about answers (`crate::messages`): one
//! key per rule, `{label}` the field's label; a counted text (`.one`, `.other`) where a number
//! counts something. Formal "Sie"; say what to do, without blame (GOV.UK and KERN UX guidance).

use super::german::table;

/// Key and template, sorted by key: one text of `key\ttemplate\n` lines.
pub(crate) const MESSAGES: &str = table![
    ("error.after", "„{label}“ muss nach „{other}“ liegen."),
    ("error.calculated", "„{label}“ stimmt nicht mit der Berechnung aus Ihren Angaben überein."),
    (
        "error.calculation",
        "Aus Ihren Angaben lässt sich „{label}“ nicht berechnen. Prüfen Sie die Zahlen, die Sie eingegeben haben."
    ),
    ("error.controlCharacters", "„{label}“ enthält unzulässige Steuerzeichen. Entfernen Sie sie bitte."),
    ("error.date", "„{label}“ ist kein gültiges Datum. Prüfen Sie Tag, Monat und Jahr."),
    ("error.dateIncomplete", "Geben Sie bei „{label}“ Tag, Monat und Jahr ein."),
    ("error.dateYear", "Geben Sie bei „{label}“ das Jahr mit 4 Ziffern ein."),
    ("error.decimals.one", "„{label}“ darf höchstens {max} Nachkommastelle haben."),
    ("error.decimals.other", "„{label}“ darf höchstens {max} Nachkommastellen haben."),
    ("error.decimals.whole", "Geben Sie bei „{label}“ eine ganze Zahl ein."),
    ("error.email", "Geben Sie eine E-Mail-Adresse im richtigen Format ein, zum Beispiel name@beispiel.de."),
    ("error.equals", "„{label}“ stimmt nicht mit „{other}“ überein."),
    ("error.fileCount.one", "Laden Sie bei „{label}“ höchstens {max} Datei hoch."),
    ("error.fileCount.other", "Laden Sie bei „{label}“ höchstens {max} Dateien hoch."),
    ("error.fileSize", "Die Datei „{name}“ darf höchstens {size} groß sein."),
    ("error.fileType", "Die Datei „{name}“ hat ein Format, das hier nicht angenommen wird."),
    ("error.iban", "Die IBAN ist nicht gültig. Prüfen Sie die Angabe."),
    ("error.itemCount.one", "Geben Sie bei „{label}“ mindestens {min} und höchstens {max} Eintrag an."),
    ("error.itemCount.other", "Geben Sie bei „{label}“ mindestens {min} und höchstens {max} Einträge an."),
    ("error.max", "„{label}“ darf höchstens {max} sein."),
    ("error.maxDate", "„{label}“ darf nicht nach dem {date} liegen."),
    (
        "error.maxLength.one",
        "„{label}“ darf höchstens {max} Zeichen lang sein. Sie haben {actual} Zeichen eingegeben."
    ),
    (
        "error.maxLength.other",
        "„{label}“ darf höchstens {max} Zeichen lang sein. Sie haben {actual} Zeichen eingegeben."
    ),
    ("error.maxSelected.one", "Wählen Sie bei „{label}“ höchstens {max} Angabe aus."),
    ("error.maxSelected.other", "Wählen Sie bei „{label}“ höchstens {max} Angaben aus."),
    ("error.min", "„{label}“ muss mindestens {min} sein."),
    ("error.minDate", "„{label}“ darf nicht vor dem {date} liegen."),
    ("error.minLength.one", "„{label}“ muss mindestens {min} Zeichen lang sein."),
    ("error.minLength.other", "„{label}“ muss mindestens {min} Zeichen lang sein."),
    ("error.minSelected.one", "Wählen Sie bei „{label}“ mindestens {min} Angabe aus."),
    ("error.minSelected.other", "Wählen Sie bei „{label}“ mindestens {min} Angaben aus."),
    ("error.moreErrors.one", "{count} weitere Angabe erfüllt die Regeln des Formulars nicht."),
    ("error.moreErrors.other", "{count} weitere Angaben erfüllen die Regeln des Formulars nicht."),
    ("error.notAsked", "„{label}“ wird bei Ihren übrigen Angaben nicht gefragt."),
    ("error.number", "Geben Sie bei „{label}“ eine Zahl ein, zum Beispiel {example}."),
    ("error.numberTooLong", "Die Zahl bei „{label}“ ist zu lang."),
    ("error.option", "Wählen Sie bei „{label}“ eine der angebotenen Angaben aus."),
    ("error.pattern", "Prüfen Sie die Angabe bei „{label}“."),
    (
        "error.phone",
        "Geben Sie bei „{label}“ eine Telefonnummer ein, zum Beispiel 030 1234567 oder +49 30 1234567."
    ),
    ("error.postalCode", "Geben Sie eine Postleitzahl mit 5 Ziffern ein."),
    ("error.required", "Füllen Sie das Feld „{label}“ aus."),
    ("error.required.checkbox", "Bestätigen Sie: „{label}“."),
    ("error.required.checkboxes", "Wählen Sie bei „{label}“ mindestens eine Angabe aus."),
    ("error.required.choice", "Wählen Sie aus, was bei „{label}“ zutrifft."),
    ("error.required.date", "Geben Sie ein Datum bei „{label}“ ein."),
    ("error.required.file", "Laden Sie eine Datei für „{label}“ hoch."),
    ("error.type", "„{label}“ hat den falschen Typ; erwartet wird: {expected}."),
    ("size_kb", "{size} KB"),
    ("size_mb", "{size} MB"),
];
