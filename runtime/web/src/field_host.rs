//! Connects one field of the definition to its widget: texts in the right language, the error
//! message, and the answer store. Each field is its own component, so re-checking a field as
//! the citizen corrects it re-renders that field only.

use crate::edits::{self, Edit};
use crate::markup;
use crate::state::{AnswerStore, FileStore, LogicStore, Shared};
use crate::texts::texts;
use formlotse_core::definition::Choice;
use formlotse_core::validation::validate_field;
use formlotse_core::value::FileMeta;
use formlotse_core::{Answer, Definition, Field, FieldKind, Lang, Violation, messages};
use formlotse_widgets::{
    ChoiceItem, ChosenFile, DatePart, DateParts, FieldShell, FilePicker, TextInput, calculated_value,
    checkbox, checkboxes, date_input, file_input, radios, select, text_area, text_field,
};
use std::rc::Rc;
use yew::prelude::*;

/// What all fields of an assistant share, made once and compared by identity: one prop
/// instead of five (each prop is code in the props' builder, comparison and clone).
pub(crate) struct Fields {
    pub(crate) definition: Rc<Definition>,
    pub(crate) answers: AnswerStore,
    pub(crate) files: FileStore,
    /// The form's logic, for re-checking (hidden fields count as empty, `requiredIf`).
    pub(crate) logic: LogicStore,
    /// Told the field's path after every change of its answer: the logic and the draft follow.
    pub(crate) changed: Callback<String>,
}

/// Props of [`FieldHost`].
#[derive(Properties, PartialEq, Clone)]
pub(crate) struct FieldHostProps {
    pub(crate) fields: Shared<Fields>,
    /// Where its answer is kept: the field's id, or `group[i].id` in an item of a repeatable
    /// group; also names its input. The field itself is read from the definition by it: a copy
    /// of the field in the props was made and compared deeply on every render.
    pub(crate) path: AttrValue,
    /// Whether it needs an answer now (`required`, or its `requiredIf` holds).
    pub(crate) required: bool,
    /// The indices of its choices not offered now (their `visibleIf` does not hold).
    pub(crate) hidden_choices: Vec<usize>,
    /// The error from the last "Weiter", if this field had one, and the assistant's `refused`
    /// count then: a second "Weiter" with the same error shows it again.
    pub(crate) error: (Option<Violation>, u32),
    pub(crate) lang: Lang,
    /// A calculated field's value, as text (`None` while it cannot be calculated).
    pub(crate) calculated: Option<AttrValue>,
}

/// One field of the current step.
#[function_component]
pub(crate) fn FieldHost(props: &FieldHostProps) -> Html {
    // The shown error: set by "Weiter" (a new `error` prop), then re-checked on every change
    // (only while one is shown, as the GOV.UK pattern says) so it disappears as soon as the
    // answer is fixed. Kept with the prop it last followed, so a new prop shows in the same
    // render: one cell and a re-render on change, instead of a state and an effect.
    let seen = use_mut_ref(|| (props.error.clone(), props.error.0.clone()));
    let rerender = use_force_update();
    let shown = {
        let mut seen = seen.borrow_mut();
        if seen.0 != props.error {
            *seen = (props.error.clone(), props.error.0.clone());
        }
        seen.1.clone()
    };
    // Every widget reports through this: store the new answer, re-check if an error shows.
    let update = {
        let (fields, path) = (props.fields.clone(), props.path.clone());
        Callback::from(move |edit: Edit| {
            let fields = &fields.0;
            let Some((field, _)) = fields.definition.field_at(&path) else { return };
            let mut answers = fields.answers.0.borrow_mut();
            let old = answers.get(&path).cloned();
            answers.set(&path, edited(edit, old, field, &fields.files));
            drop(answers);
            fields.changed.emit(path.to_string());
            if seen.borrow().1.is_some() {
                let resolved = &fields.logic.0.borrow().resolved;
                let now = validate_field(&fields.definition, field, &path, resolved);
                if now != std::mem::replace(&mut seen.borrow_mut().1, now.clone()) {
                    rerender.force_update();
                }
            }
        })
    };
    let set_text = update.reform(Edit::Text);

    let fields = &props.fields.0;
    let Some((field, _)) = fields.definition.field_at(&props.path) else {
        return Html::default();
    };
    let lang = props.lang;
    let t = texts(lang);
    let shell = shell(&fields.definition, field, props.required, &props.path, shown.as_ref(), lang);
    let items = |choices: &[Choice]| items(choices, &props.hidden_choices, lang);
    let answer = fields.answers.0.borrow().get(&props.path).cloned();
    let text = match &answer {
        Some(Answer::Text(text)) => AttrValue::from(text.clone()),
        _ => AttrValue::default(),
    };
    let autocomplete = field.autocomplete.clone().map(AttrValue::from);
    let text_input = |input_type, inputmode, width, prefix, suffix| {
        let input = TextInput {
            value: text.clone(),
            input_type,
            inputmode,
            autocomplete: autocomplete.clone(),
            width,
            prefix,
            suffix,
            oninput: set_text.clone(),
        };
        text_field(&shell, input)
    };
    match &field.kind {
        FieldKind::Text => text_input("text", None, None, None, None),
        FieldKind::Email => text_input("email", Some("email"), None, None, None),
        FieldKind::Phone => text_input("tel", Some("tel"), Some("20"), None, None),
        FieldKind::Iban => text_input("text", None, Some("30"), None, None),
        FieldKind::PostalCode => text_input("text", Some("numeric"), Some("5"), None, None),
        FieldKind::Money => text_input("text", Some("decimal"), Some("10"), Some("€".into()), None),
        FieldKind::Number { decimals, unit } => text_input(
            "text",
            Some(if *decimals == 0 { "numeric" } else { "decimal" }),
            Some("10"),
            None,
            unit.as_ref().map(|u| AttrValue::from(u.get(lang).to_owned())),
        ),
        FieldKind::Textarea => text_area(&shell, text, &set_text),
        FieldKind::Date => {
            let values = match &answer {
                Some(Answer::Date { day, month, year }) => {
                    [day, month, year].map(|p| AttrValue::from(p.clone()))
                }
                _ => Default::default(),
            };
            let oninput = update.reform(|(part, value): (DatePart, String)| Edit::Date(part, value));
            let labels = t.date_parts().map(AttrValue::from);
            date_input(&shell, &DateParts { labels, values, autocomplete, oninput })
        }
        FieldKind::Select(choices) => select(&shell, t.choose().into(), &items(choices), &text, &set_text),
        FieldKind::Radio(choices) => radios(&shell, &items(choices), &text, false, &set_text),
        FieldKind::YesNo => {
            let options = [
                ChoiceItem { value: "yes".into(), label: t.yes().into(), hint: None },
                ChoiceItem { value: "no".into(), label: t.no().into(), hint: None },
            ];
            radios(&shell, &options, &text, true, &set_text)
        }
        FieldKind::Checkbox => {
            let ticked = matches!(answer, Some(Answer::Flag(true)));
            let onchange = update.reform(Edit::Flag);
            checkbox(&shell, ticked, props.required, &onchange)
        }
        FieldKind::Checkboxes(choices) => {
            let values: Vec<AttrValue> = match &answer {
                Some(Answer::Choices(values)) => values.iter().cloned().map(AttrValue::from).collect(),
                _ => Vec::new(),
            };
            let onchange = update.reform(|(value, ticked): (String, bool)| Edit::Choice(value, ticked));
            checkboxes(&shell, &items(choices), &values, &onchange)
        }
        FieldKind::File(rules) => {
            let metas = match &answer {
                Some(Answer::Files(files)) => files.clone(),
                _ => Vec::new(),
            };
            let files = metas
                .iter()
                .map(|f| ChosenFile {
                    name: f.name.clone().into(),
                    size: messages::file_size(f.size, lang, texts(lang).catalog()).into(),
                })
                .collect::<Vec<_>>();
            let (onchoose, onremove) = (update.reform(Edit::AddFiles), update.reform(Edit::RemoveFile));
            let picker = FilePicker {
                accept: (!rules.accept.is_empty()).then(|| AttrValue::from(rules.accept.join(","))),
                multiple: rules.max_files > 1,
                files,
                files_label: t.chosen_files().into(),
                remove_label: t.remove().into(),
                onchoose,
                onremove,
            };
            file_input(&shell, &picker)
        }
        FieldKind::Calculated(_) => {
            calculated_value(&shell, props.calculated.clone(), t.not_calculated().into())
        }
    }
}

/// The answer after `edit`; chosen files are kept in the file store (by field id) too, and
/// removed from it.
fn edited(edit: Edit, old: Option<Answer>, field: &Field, store: &FileStore) -> Answer {
    match edit {
        Edit::Text(text) => Answer::Text(text),
        Edit::Date(part, value) => edits::date_with(old, part, value),
        Edit::Flag(ticked) => Answer::Flag(ticked),
        Edit::Choice(value, ticked) => {
            let order: Vec<String> =
                field.kind.choices().unwrap_or_default().iter().map(|c| c.value.clone()).collect();
            edits::choices_with(old, value, ticked, &order)
        }
        Edit::AddFiles(chosen) => {
            let mut metas = match old {
                Some(Answer::Files(files)) => files,
                _ => Vec::new(),
            };
            let mut store = store.0.borrow_mut();
            let mut kept = store.remove(&field.id).unwrap_or_default();
            for file in chosen {
                metas.push(FileMeta { name: file.name(), mime: file.type_(), size: file.size() as u64 });
                kept.push(file);
            }
            store.insert(field.id.clone(), kept);
            Answer::Files(metas)
        }
        Edit::RemoveFile(index) => {
            if let Some(kept) = store.0.borrow_mut().get_mut(&field.id)
                && index < kept.len()
            {
                kept.remove(index);
            }
            edits::files_without(old, index)
        }
    }
}

/// What surrounds the field's input, in `lang`: its input's id (from its answer's path), the
/// label, "(optional)" unless `required` now, the hint, and the message for `error`.
pub(crate) fn shell(
    definition: &Definition,
    field: &Field,
    required: bool,
    path: &str,
    error: Option<&Violation>,
    lang: Lang,
) -> FieldShell {
    let t = texts(lang);
    FieldShell {
        id: input_id(path).into(),
        label: field.label.get(lang).to_owned().into(),
        optional_marker: (!required).then_some(AttrValue::from(t.optional())),
        hint: field.hint.as_ref().map(|hint| markup::hint(hint.get(lang), lang)),
        error: error
            .map(|violation| messages::for_field(definition, field, violation, lang, t.catalog()).into()),
        error_prefix: t.error_prefix().into(),
    }
}

/// The choices offered, as the widgets take them.
fn items(choices: &[Choice], hidden: &[usize], lang: Lang) -> Vec<ChoiceItem> {
    choices
        .iter()
        .enumerate()
        .filter(|(index, _)| !hidden.contains(index))
        .map(|(_, c)| ChoiceItem {
            value: c.value.clone().into(),
            label: c.label.get(lang).to_owned().into(),
            hint: c.hint.as_ref().map(|h| h.get(lang).to_owned().into()),
        })
        .collect()
}

/// The DOM id of a field's (first) input. Prefixed so that definition ids never clash with the
/// assistant's own ids.
pub(crate) fn input_id(field_id: &str) -> String {
    format!("fl-field-{field_id}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shell_says_what_the_field_is_in_the_citizens_language() {
        let definition = formlotse_core::load(
            r#"{"formlotse": 1, "id": "f", "title": "F", "languages": ["de", "en"], "steps": [{"id": "s", "title": "S", "fields": [
                {"id": "name", "type": "text", "label": {"de": "Name", "en": "Name"}, "hint": "Wie im Ausweis", "required": true},
                {"id": "tel", "type": "phone", "label": {"de": "Telefon", "en": "Phone"}, "required": false}]}]}"#,
        )
        .expect("loads"); // ok: test
        let field = |id| definition.field(id).expect("field"); // ok: test
        let name = shell(&definition, field("name"), true, "name", Some(&Violation::Required), Lang::De);
        assert_eq!(name.id, "fl-field-name");
        assert_eq!(name.optional_marker, None);
        assert!(name.hint.is_some());
        assert_eq!(name.error.as_deref(), Some("Füllen Sie das Feld „Name“ aus."));
        assert_eq!(name.error_prefix, "Fehler:");
        let phone = shell(&definition, field("tel"), false, "tel", None, crate::catalogs::english());
        assert_eq!((phone.label.as_str(), phone.optional_marker.as_deref()), ("Phone", Some("(optional)")));
        assert_eq!((phone.error, phone.error_prefix.as_str()), (None, "Error:"));
        let in_item = shell(&definition, field("name"), true, "hunde[1].name", None, Lang::De);
        assert_eq!(in_item.id, "fl-field-hunde[1].name");
    }
}
