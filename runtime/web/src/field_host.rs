//! Connects one field of the definition to its widget: texts in the right language, the error
//! message, and the answer store. Each field is its own component, so re-checking a field as
//! the citizen corrects it re-renders that field only.

use crate::markup;
use crate::state::{AnswerStore, FileStore, LogicStore, Shared};
use crate::texts::texts;
use formlotse_core::definition::Choice;
use formlotse_core::validation::validate_field;
use formlotse_core::value::FileMeta;
use formlotse_core::{Answer, Definition, Field, FieldKind, Lang, Violation, messages};
use formlotse_widgets::{
    CalculatedValue, Checkbox, Checkboxes, ChoiceItem, ChosenFile, DateInput, DatePart, FileInput, Radios,
    Select, TextArea, TextField,
};
use yew::prelude::*;

/// Props of [`FieldHost`].
#[derive(Properties, PartialEq, Clone)]
pub(crate) struct FieldHostProps {
    pub(crate) field: Field,
    pub(crate) definition: Shared<Definition>,
    /// The error from the last "Weiter", if this field had one.
    pub(crate) error: Option<Violation>,
    pub(crate) answers: AnswerStore,
    pub(crate) files: FileStore,
    /// The form's logic, for re-checking (hidden fields count as empty, `requiredIf`).
    pub(crate) logic: LogicStore,
    pub(crate) lang: Lang,
    /// A calculated field's value, as text (`None` while it cannot be calculated).
    pub(crate) calculated: Option<AttrValue>,
    /// Told the field's id after every change of its answer: the logic and the draft follow.
    pub(crate) changed: Callback<String>,
}

/// One field of the current step.
#[function_component]
pub(crate) fn FieldHost(props: &FieldHostProps) -> Html {
    // The shown error: set by "Weiter", then re-checked on every change (only while one is
    // shown, as the GOV.UK pattern says) so it disappears as soon as the answer is fixed.
    let shown = use_state_eq(|| props.error.clone());
    {
        let shown = shown.clone();
        use_effect_with(props.error.clone(), move |error| shown.set(error.clone()));
    }
    // Every widget reports through this: store the new answer, re-check if an error shows.
    let update = {
        let (shown, props) = (shown.clone(), props.clone());
        Callback::from(move |change: Box<dyn FnOnce(Option<Answer>) -> Answer>| {
            let mut answers = props.answers.0.borrow_mut();
            let answer = change(answers.get(&props.field.id).cloned());
            answers.set(&props.field.id, answer);
            drop(answers);
            props.changed.emit(props.field.id.clone());
            if shown.is_some() {
                shown.set(validate_field(&props.field, &props.logic.0.borrow().resolved));
            }
        })
    };
    let set =
        |f: fn(String) -> Answer| update.reform(move |value: String| Box::new(move |_| f(value)) as Box<_>);

    let field = &props.field;
    let lang = props.lang;
    let t = texts(lang);
    let id = AttrValue::from(input_id(&field.id));
    let label = AttrValue::from(field.label.get(lang).to_owned());
    let hint = field.hint.as_ref().map(|hint| markup::hint(hint.get(lang), lang));
    let error =
        shown.as_ref().map(|v| AttrValue::from(messages::for_field(&props.definition.0, field, v, lang)));
    let optional_marker = (!field.required).then_some(AttrValue::from(t.optional));
    let error_prefix = AttrValue::from(t.error_prefix);
    let answer = props.answers.0.borrow().get(&field.id).cloned();
    let text = match &answer {
        Some(Answer::Text(text)) => AttrValue::from(text.clone()),
        _ => AttrValue::default(),
    };
    let autocomplete = field.autocomplete.clone().map(AttrValue::from);

    let text_field = |input_type: &'static str,
                      inputmode: Option<&'static str>,
                      width: Option<&'static str>,
                      prefix: Option<AttrValue>,
                      suffix: Option<AttrValue>| {
        html! {
            <TextField
                id={id.clone()} label={label.clone()} optional_marker={optional_marker.clone()} hint={hint.clone()}
                error={error.clone()} error_prefix={error_prefix.clone()} value={text.clone()}
                input_type={input_type} inputmode={inputmode.map(AttrValue::from)} width={width.map(AttrValue::from)}
                autocomplete={autocomplete.clone()} {prefix} {suffix} oninput={set(Answer::Text)}
            />
        }
    };
    match &field.kind {
        FieldKind::Text => text_field("text", None, None, None, None),
        FieldKind::Email => text_field("email", Some("email"), None, None, None),
        FieldKind::Phone => text_field("tel", Some("tel"), Some("20"), None, None),
        FieldKind::Iban => text_field("text", None, Some("30"), None, None),
        FieldKind::PostalCode => text_field("text", Some("numeric"), Some("5"), None, None),
        FieldKind::Money => text_field("text", Some("decimal"), Some("10"), Some("€".into()), None),
        FieldKind::Number { decimals, unit } => text_field(
            "text",
            Some(if *decimals == 0 { "numeric" } else { "decimal" }),
            Some("10"),
            None,
            unit.as_ref().map(|u| AttrValue::from(u.get(lang).to_owned())),
        ),
        FieldKind::Textarea => html! {
            <TextArea id={id} {label} {optional_marker} {hint} {error} {error_prefix} value={text} oninput={set(Answer::Text)} />
        },
        FieldKind::Date => {
            let values = match &answer {
                Some(Answer::Date { day, month, year }) => {
                    [day, month, year].map(|p| AttrValue::from(p.clone()))
                }
                _ => Default::default(),
            };
            let oninput = update.reform(|(part, value): (DatePart, String)| {
                Box::new(move |old: Option<Answer>| {
                    let (mut day, mut month, mut year) = match old {
                        Some(Answer::Date { day, month, year }) => (day, month, year),
                        _ => Default::default(),
                    };
                    match part {
                        DatePart::Day => day = value,
                        DatePart::Month => month = value,
                        DatePart::Year => year = value,
                    }
                    Answer::Date { day, month, year }
                }) as Box<_>
            });
            let part_labels = t.date_parts.map(AttrValue::from);
            html! { <DateInput {id} {label} {optional_marker} {hint} {error} {error_prefix} {part_labels} {values} {autocomplete} {oninput} /> }
        }
        FieldKind::Select(choices) => html! {
            <Select {id} {label} {optional_marker} {hint} {error} {error_prefix} placeholder={t.choose}
                options={items(choices, lang)} value={text} onchange={set(Answer::Text)} />
        },
        FieldKind::Radio(choices) => html! {
            <Radios {id} {label} {optional_marker} {hint} {error} {error_prefix} options={items(choices, lang)} value={text} onchange={set(Answer::Text)} />
        },
        FieldKind::YesNo => {
            let options = vec![
                ChoiceItem { value: "yes".into(), label: t.yes.into(), hint: None },
                ChoiceItem { value: "no".into(), label: t.no.into(), hint: None },
            ];
            html! { <Radios {id} {label} {optional_marker} {hint} {error} {error_prefix} {options} value={text} inline=true onchange={set(Answer::Text)} /> }
        }
        FieldKind::Checkbox => {
            let checked = matches!(answer, Some(Answer::Flag(true)));
            let onchange = update.reform(|ticked: bool| Box::new(move |_| Answer::Flag(ticked)) as Box<_>);
            html! { <Checkbox {id} {label} {hint} {error} {error_prefix} {checked} required={field.required} {onchange} /> }
        }
        FieldKind::Checkboxes(choices) => {
            let values = match &answer {
                Some(Answer::Choices(values)) => values.iter().cloned().map(AttrValue::from).collect(),
                _ => Vec::new(),
            };
            // Kept in the options' order, so the payload does not depend on the order of clicks.
            let order: Vec<String> = choices.iter().map(|c| c.value.clone()).collect();
            let onchange = update.reform(move |(value, ticked): (String, bool)| {
                let order = order.clone();
                Box::new(move |old: Option<Answer>| {
                    let mut chosen = match old {
                        Some(Answer::Choices(chosen)) => chosen,
                        _ => Vec::new(),
                    };
                    chosen.retain(|v| *v != value);
                    if ticked {
                        chosen.push(value);
                    }
                    chosen.sort_by_key(|v| order.iter().position(|o| o == v));
                    Answer::Choices(chosen)
                }) as Box<_>
            });
            html! { <Checkboxes {id} {label} {optional_marker} {hint} {error} {error_prefix} options={items(choices, lang)} {values} {onchange} /> }
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
                    size: messages::file_size(f.size, lang).into(),
                })
                .collect::<Vec<_>>();
            let (store, field_id) = (props.files.clone(), field.id.clone());
            let onchoose = update.reform(move |chosen: Vec<web_sys::File>| {
                let (store, field_id) = (store.clone(), field_id.clone());
                Box::new(move |old: Option<Answer>| {
                    let mut metas = match old {
                        Some(Answer::Files(files)) => files,
                        _ => Vec::new(),
                    };
                    let mut store = store.0.borrow_mut();
                    let kept = store.entry(field_id).or_default();
                    for file in chosen {
                        metas.push(FileMeta {
                            name: file.name(),
                            mime: file.type_(),
                            size: file.size() as u64,
                        });
                        kept.push(file);
                    }
                    Answer::Files(metas)
                }) as Box<_>
            });
            let (store, field_id) = (props.files.clone(), field.id.clone());
            let onremove = update.reform(move |index: usize| {
                let (store, field_id) = (store.clone(), field_id.clone());
                Box::new(move |old: Option<Answer>| {
                    let mut metas = match old {
                        Some(Answer::Files(files)) => files,
                        _ => Vec::new(),
                    };
                    if index < metas.len() {
                        metas.remove(index);
                    }
                    if let Some(kept) = store.0.borrow_mut().get_mut(&field_id)
                        && index < kept.len()
                    {
                        kept.remove(index);
                    }
                    Answer::Files(metas)
                }) as Box<_>
            });
            let accept = (!rules.accept.is_empty()).then(|| AttrValue::from(rules.accept.join(",")));
            html! {
                <FileInput {id} {label} {optional_marker} {hint} {error} {error_prefix} {accept} multiple={rules.max_files > 1}
                    {files} files_label={t.chosen_files} remove_label={t.remove} {onchoose} {onremove} />
            }
        }
        FieldKind::Calculated(_) => html! {
            <CalculatedValue {id} {label} {hint} value={props.calculated.clone()} pending={t.not_calculated} />
        },
    }
}

fn items(choices: &[Choice], lang: Lang) -> Vec<ChoiceItem> {
    choices
        .iter()
        .map(|c| ChoiceItem {
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
