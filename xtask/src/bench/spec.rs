//! The benchmark forms, described once. `formlotse.rs`, `surveyjs.rs` and `formio.rs` turn the
//! same spec into each system's JSON, so the three render the same questions with the same
//! rules and the same conditions.
//!
//! The forms are generated, not random: field `i` of a step has the kind `KINDS[i % 8]`, so a
//! run today and a run next year measure the same thing.

/// The id of the field the harness types into: the first field of the first step, required,
/// exactly five digits.
pub(crate) const PROBE_ID: &str = "plz";
pub(crate) const PROBE_LABEL: &str = "Postleitzahl";
/// The probe's pattern, matched against the whole answer by all three systems.
pub(crate) const PROBE_PATTERN: &str = "[0-9]{5}";
/// The probe's two messages, the same text in all three systems: the harness waits for
/// [`PATTERN_MESSAGE`] to appear after a keystroke.
pub(crate) const REQUIRED_MESSAGE: &str = "Geben Sie die Postleitzahl ein.";
pub(crate) const PATTERN_MESSAGE: &str = "Geben Sie genau 5 Ziffern ein.";

/// Whether the forms have their conditions. Until `visibleIf` (issue 4) is in runtime/core, a
/// Formlotse definition with conditions does not load; turning this off leaves the conditions
/// out of all three systems' forms, so they stay equivalent. Only for developing: the
/// benchmark measures forms with conditions, so it stays `true`.
pub(crate) const WITH_CONDITIONS: bool = true;

/// One benchmark form.
#[derive(Debug, Clone)]
pub(crate) struct Form {
    /// `small`, `medium`, `large`: the folder under target/bench/forms and the report's row.
    pub(crate) name: &'static str,
    pub(crate) title: String,
    pub(crate) steps: Vec<Step>,
}

#[derive(Debug, Clone)]
pub(crate) struct Step {
    pub(crate) id: String,
    pub(crate) title: String,
    pub(crate) fields: Vec<Field>,
}

#[derive(Debug, Clone)]
pub(crate) struct Field {
    pub(crate) id: String,
    pub(crate) label: String,
    pub(crate) kind: Kind,
    pub(crate) required: bool,
    /// Shown only while this holds.
    pub(crate) visible_if: Option<Condition>,
}

/// The kinds of question every system has, mapped by each emitter to its nearest widget.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// The probe: a required text of exactly five digits.
    Probe,
    Text,
    Email,
    /// A whole number from 0 to 100.
    Number,
    /// Day, month and year.
    Date,
    /// Ja / Nein radios; the fields of the conditions depend on these.
    Radio,
    /// One of [`select_options`] in a drop-down.
    Select,
    /// One box to tick.
    Checkbox,
    Textarea,
}

/// The cycle of kinds within a step (index 0 of every step is a text field, so the harness
/// can wait for the next step's first input).
const KINDS: [Kind; 8] = [
    Kind::Text,
    Kind::Email,
    Kind::Number,
    Kind::Date,
    Kind::Radio,
    Kind::Select,
    Kind::Checkbox,
    Kind::Textarea,
];

/// The options of every radio, as value and label; the conditions compare with the values.
pub(crate) fn radio_options() -> Vec<(String, String)> {
    vec![("ja".to_owned(), "Ja".to_owned()), ("nein".to_owned(), "Nein".to_owned())]
}

/// The options of every select: value `o1` … `o12`, label `Option 1` ….
pub(crate) fn select_options() -> Vec<(String, String)> {
    (1..=12).map(|n| (format!("o{n}"), format!("Option {n}"))).collect()
}

/// A condition on a radio of the same step, written so that all three systems agree while the
/// radio is unanswered too (an empty answer equals nothing).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Condition {
    /// Shown when the radio is answered "ja": hidden at first.
    Is { radio: String, value: &'static str },
    /// Shown unless the radio is answered "nein": shown at first.
    IsNot { radio: String, value: &'static str },
}

impl Condition {
    /// Whether the field shows while every radio is unanswered.
    pub(crate) fn holds_when_unanswered(&self) -> bool {
        matches!(self, Condition::IsNot { .. })
    }
}

/// The three forms of issue 8, with their conditions unless `with_conditions` is false.
pub(crate) fn forms(with_conditions: bool) -> Vec<Form> {
    let conditions = |n: usize| if with_conditions { n } else { 0 };
    vec![
        // 3 steps, 10 fields.
        generate("small", "Kleiner Antrag", &[4, 3, 3], 0),
        // 10 steps × 20 fields, 50 conditions.
        generate("medium", "Mittlerer Antrag", &[20; 10], conditions(50)),
        // One step of 500 fields; 1,000 fields in all with 300 conditions.
        generate("large", "Großer Antrag", &[500, 500], conditions(300)),
    ]
}

/// A form with `fields_per_step[s]` fields in step `s` and `conditions` conditions spread
/// evenly over the steps.
fn generate(name: &'static str, title: &str, fields_per_step: &[usize], conditions: usize) -> Form {
    let mut number = 0;
    let steps = fields_per_step
        .iter()
        .enumerate()
        .map(|(s, &count)| {
            // Spread the conditions so that the first steps take the remainder.
            let here =
                conditions / fields_per_step.len() + usize::from(s < conditions % fields_per_step.len());
            let mut fields: Vec<Field> = (0..count)
                .map(|i| {
                    number += 1;
                    let kind = if s == 0 && i == 0 { Kind::Probe } else { KINDS[i % KINDS.len()] };
                    field(number, kind)
                })
                .collect();
            add_conditions(&mut fields, here);
            Step { id: format!("s{:02}", s + 1), title: format!("Schritt {}", s + 1), fields }
        })
        .collect();
    Form { name, title: title.to_owned(), steps }
}

fn field(number: usize, kind: Kind) -> Field {
    if kind == Kind::Probe {
        return Field {
            id: PROBE_ID.to_owned(),
            label: PROBE_LABEL.to_owned(),
            kind,
            required: true,
            visible_if: None,
        };
    }
    Field {
        id: format!("f{number:04}"),
        label: format!("Angabe {number}"),
        kind,
        required: false,
        visible_if: None,
    }
}

/// Puts `count` conditions on fields of one step: on fields after the step's first radio that
/// are neither the first field nor radios (no chains: a radio is always shown), evenly spaced,
/// each depending on the nearest radio before it, alternately "is ja" and "is not nein".
fn add_conditions(fields: &mut [Field], count: usize) {
    let candidates: Vec<usize> = (1..fields.len())
        .filter(|&i| fields[i].kind != Kind::Radio && fields[..i].iter().any(|f| f.kind == Kind::Radio))
        .collect();
    assert!(count <= candidates.len(), "a step has room for {} conditions, not {count}", candidates.len());
    for n in 0..count {
        let at = candidates[n * candidates.len() / count];
        let radio = fields[..at].iter().rev().find(|f| f.kind == Kind::Radio).map(|f| f.id.clone());
        let Some(radio) = radio else { continue };
        fields[at].visible_if = Some(if n % 2 == 0 {
            Condition::Is { radio, value: "ja" }
        } else {
            Condition::IsNot { radio, value: "nein" }
        });
    }
}

impl Field {
    fn id_and_label(&self) -> [&str; 2] {
        [&self.id, &self.label]
    }
}

impl Form {
    /// Every field of every step.
    pub(crate) fn fields(&self) -> impl Iterator<Item = &Field> {
        self.steps.iter().flat_map(|step| step.fields.iter())
    }

    /// The number of conditions.
    pub(crate) fn conditions(&self) -> usize {
        self.fields().filter(|f| f.visible_if.is_some()).count()
    }

    /// What the harness checks on each system's first step: the fields shown at first and
    /// those hidden (as id and label), and the first field of the second step.
    pub(crate) fn expectations(&self) -> serde_json::Value {
        let first = &self.steps[0];
        let shown = |f: &&Field| f.visible_if.as_ref().is_none_or(Condition::holds_when_unanswered);
        // Id and label: a system may keep an empty box for a hidden field (Form.io does), so
        // a field counts as shown when its label is.
        let visible: Vec<[&str; 2]> = first.fields.iter().filter(shown).map(Field::id_and_label).collect();
        let hidden: Vec<[&str; 2]> =
            first.fields.iter().filter(|f| !shown(f)).map(Field::id_and_label).collect();
        serde_json::json!({
            "probe": PROBE_ID,
            "requiredMessage": REQUIRED_MESSAGE,
            "patternMessage": PATTERN_MESSAGE,
            "firstStepVisible": visible,
            "firstStepHidden": hidden,
            "secondStepFirst": self.steps.get(1).map(|s| s.fields[0].id.as_str()),
            "steps": self.steps.len(),
            "fields": self.fields().count(),
            "conditions": self.conditions(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_forms_have_the_sizes_of_issue_8() {
        let forms = forms(true);
        let shape = |f: &Form| (f.steps.len(), f.fields().count(), f.conditions());
        assert_eq!(shape(&forms[0]), (3, 10, 0));
        assert_eq!(shape(&forms[1]), (10, 200, 50));
        assert!(forms[1].steps.iter().all(|s| s.fields.len() == 20));
        assert_eq!(shape(&forms[2]), (2, 1000, 300));
        assert_eq!(forms[2].steps[0].fields.len(), 500);
    }

    #[test]
    fn conditions_name_a_radio_before_them_in_the_same_step() {
        for form in forms(true) {
            for step in &form.steps {
                for (i, field) in step.fields.iter().enumerate() {
                    let radio = match &field.visible_if {
                        Some(Condition::Is { radio, .. } | Condition::IsNot { radio, .. }) => radio,
                        None => continue,
                    };
                    assert!(step.fields[..i].iter().any(|f| &f.id == radio && f.kind == Kind::Radio));
                }
            }
        }
    }

    #[test]
    fn ids_are_unique_and_the_probe_comes_first() {
        for form in forms(true) {
            let mut ids: Vec<&str> = form.fields().map(|f| f.id.as_str()).collect();
            assert_eq!(ids[0], PROBE_ID);
            ids.sort_unstable();
            ids.dedup();
            assert_eq!(ids.len(), form.fields().count());
        }
    }
}
