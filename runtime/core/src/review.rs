//! The review page ("Ihre Angaben prüfen") and the copy on the receipt: every answer by step,
//! as the citizen would write it (dates as "27.03.1985", money as "96,00 €", options by their
//! labels). Pure text, so a server can print the same summary.

use crate::catalog::Catalog;
use crate::definition::{Definition, Field, FieldKind, Item, Repeat};
use crate::lang::Lang;
use crate::logic::Resolved;
use crate::messages;
use crate::value::{Decimal, Value};

/// One step's answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReviewStep {
    /// Index of the step, for "Ändern".
    pub step: usize,
    /// The step's title.
    pub title: String,
    /// One row per field of the step, in order.
    pub rows: Vec<ReviewRow>,
}

/// One answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReviewRow {
    /// The field's id.
    pub field: String,
    /// The field's label.
    pub label: String,
    /// The answer as text; `None` when the field was left empty.
    pub value: Option<String>,
    /// Whether the citizen answers it (not so a calculated value).
    pub changeable: bool,
}

/// Every shown step's shown answers (calculated values included), as the payload carries them;
/// each item of a repeatable group gives rows labelled "Hund 2: Name"; dates, money and yes/no
/// in the words of `words`, the catalog of `lang`.
pub fn summary(definition: &Definition, resolved: &Resolved, lang: Lang, words: &Catalog) -> Vec<ReviewStep> {
    definition
        .steps
        .iter()
        .enumerate()
        .filter(|(_, step)| resolved.shows_step(step))
        .map(|(index, step)| {
            let mut rows = Vec::new();
            rows_of(&step.items, None, resolved, (lang, words), &mut rows);
            ReviewStep { step: index, title: step.title.get(lang).to_owned(), rows }
        })
        .collect()
}

/// The rows of `items`; inside a repeatable group's item, `item` is (the group, the index).
fn rows_of(
    items: &[Item],
    item: Option<(&Repeat, usize)>,
    resolved: &Resolved,
    (lang, words): (Lang, &Catalog),
    rows: &mut Vec<ReviewRow>,
) {
    for entry in items {
        match entry {
            Item::Field(field) => {
                let path = match item {
                    Some((repeat, index)) => crate::path::item(&repeat.id, index, &field.id),
                    None => field.id.clone(),
                };
                if resolved.is_hidden(&path) {
                    continue;
                }
                let label = match item {
                    Some((repeat, index)) => {
                        format!("{}: {}", repeat.item_label(index, lang), field.label.get(lang))
                    }
                    None => field.label.get(lang).to_owned(),
                };
                let value = match resolved.values().get(&path) {
                    Some(Ok(Some(value))) => Some(display(field, value, lang, words)),
                    _ => None,
                };
                let changeable = !matches!(field.kind, FieldKind::Calculated(_));
                rows.push(ReviewRow { field: path, label, value, changeable });
            }
            Item::Group(group) => rows_of(&group.items, item, resolved, (lang, words), rows),
            Item::Repeat(repeat) => {
                for index in 0..resolved.items(&repeat.id) {
                    rows_of(&repeat.items, Some((repeat, index)), resolved, (lang, words), rows);
                }
            }
            Item::Content(_) => {}
        }
    }
}

/// A value as a citizen reads it, with the dates, money and yes/no of `words` (`lang`'s catalog).
pub fn display(field: &Field, value: &Value, lang: Lang, words: &Catalog) -> String {
    match (value, &field.kind) {
        // A single choice is read as text; show its label, not its value.
        (Value::Text(chosen), FieldKind::Select(_) | FieldKind::Radio(_)) => {
            option_label(field, chosen, lang)
        }
        (Value::Text(text), _) => text.clone(),
        (Value::Number(amount), FieldKind::Money) => money(*amount, lang, words),
        (Value::Number(amount), FieldKind::Calculated(calculation)) if calculation.money => {
            money(*amount, lang, words)
        }
        (Value::Number(number), FieldKind::Number { unit: Some(unit), .. }) => {
            format!("{} {}", number_text(*number, lang), unit.get(lang))
        }
        (Value::Number(number), _) => number_text(*number, lang),
        (Value::Date(day), _) => messages::date(*day, words),
        (Value::Bool(b), _) => words.word(if *b { "yes" } else { "no" }).to_owned(),
        (Value::Choices(chosen), _) => {
            chosen.iter().map(|value| option_label(field, value, lang)).collect::<Vec<_>>().join(", ")
        }
        (Value::Files(files), _) => {
            files.iter().map(|file| file.name.as_str()).collect::<Vec<_>>().join(", ")
        }
    }
}

fn option_label(field: &Field, value: &str, lang: Lang) -> String {
    field
        .kind
        .choices()
        .and_then(|choices| choices.iter().find(|choice| choice.value == value))
        .map_or_else(|| value.to_owned(), |choice| choice.label.get(lang).to_owned())
}

fn number_text(number: Decimal, lang: Lang) -> String {
    messages::number(&number.to_string(), lang)
}

/// Two decimals always, as prices are written, in the catalog's `money` template: "96,00 €",
/// "€96.00".
fn money(amount: Decimal, lang: Lang, words: &Catalog) -> String {
    let plain = amount.to_string();
    let (whole, fraction) = plain.split_once('.').unwrap_or((&plain, ""));
    let cents = format!("{fraction:0<2}");
    let plain = format!("{whole}.{}", &cents[..2.min(cents.len())]);
    words.text("money", &[("amount", &messages::number(&plain, lang))])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Answer, Answers, load};

    fn decimal(text: &str) -> Decimal {
        Decimal::parse_input(text, Lang::De).expect("a number") // ok: test
    }

    #[test]
    fn answers_read_as_a_citizen_writes_them() {
        let definition = load(include_str!("../tests/data/all-fields.json")).expect("loads"); // ok: test
        let mut answers = Answers::default();
        let field = |id: &str| definition.field(id).unwrap_or_else(|| panic!("no field {id}")); // ok: test
        let cases: &[(&str, Value, &str, &str)] = &[
            ("betrag", Value::Number(Decimal::from_int(96)), "96,00 €", "€96.00"),
            (
                "geburtsdatum",
                Value::Date(crate::Date::new(1985, 3, 27).expect("date")), // ok: test
                "27.03.1985",
                "27 March 1985",
            ),
            ("zustimmung", Value::Bool(true), "Ja", "Yes"),
            ("flaeche", Value::Number(decimal("1234,5")), "1.234,5 m²", "1,234.5 m²"),
            ("betrag", Value::Number(decimal("1234,5")), "1.234,50 €", "€1,234.50"),
            ("groesse", Value::Text("gross".into()), "groß", "groß"),
            ("groesse", Value::Text("unbekannt".into()), "unbekannt", "unbekannt"),
            ("name", Value::Text("Erika <b>".into()), "Erika <b>", "Erika <b>"),
        ];
        let shipped = messages::tests::shipped();
        let shown = |id: &str, value: &Value, lang: Lang| display(field(id), value, lang, shipped.get(lang));
        for (id, value, de, en) in cases {
            assert_eq!(shown(id, value, Lang::De), *de, "{id}");
            assert_eq!(shown(id, value, Lang::En), *en, "{id}");
        }
        let ar = Lang::from_tag("ar");
        for (id, text, de, shown_ar) in [
            ("flaeche", "1234567,25", "1.234.567,25 m²", "1,234,567.25 m²"),
            ("betrag", "1234,5", "1.234,50 €", "1,234.50 €"),
            ("anzahl", "-999", "-999", "-999"),
        ] {
            let value = Value::Number(decimal(text));
            assert_eq!(shown(id, &value, Lang::De), de, "{id}");
            assert_eq!(shown(id, &value, Lang::from_tag("uk")), de, "{id} in Ukrainian");
            assert_eq!(shown(id, &value, ar), shown_ar, "{id} in Arabic");
        }
        answers.set("name", Answer::Text("  Erika ".into()));
        let german = Catalog::german();
        let context = crate::Context { lang: Lang::De, today: crate::validation::testing::today() };
        let steps = summary(
            &definition,
            &crate::validation::resolve(&definition, &answers, context),
            Lang::De,
            &german,
        );
        assert_eq!(steps.len(), definition.steps.len());
        let row = steps.iter().flat_map(|s| &s.rows).find(|r| r.field == "name").expect("row"); // ok: test
        assert_eq!(row.value.as_deref(), Some("Erika"));
        assert!(steps.iter().flat_map(|s| &s.rows).filter(|r| r.field != "name").all(|r| r.value.is_none()));
    }
}
