//! Connects one field of the definition to its widget: label in the right language, the error
//! message, and the answer store. Each field is its own component, so re-checking a field as
//! the citizen corrects it re-renders that field only.

use crate::state::AnswerStore;
use crate::texts::texts;
use formlotse_core::validation::validate_field;
use formlotse_core::{Field, FieldKind, Lang, Violation, messages};
use formlotse_widgets::TextField;
use yew::prelude::*;

/// Props of [`FieldHost`].
#[derive(Properties, PartialEq, Clone)]
pub(crate) struct FieldHostProps {
    pub(crate) field: Field,
    /// The error from the last "Weiter", if this field had one.
    pub(crate) error: Option<Violation>,
    pub(crate) answers: AnswerStore,
    pub(crate) lang: Lang,
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
    let oninput = {
        let (shown, field, answers) = (shown.clone(), props.field.clone(), props.answers.clone());
        Callback::from(move |value: String| {
            if shown.is_some() {
                shown.set(validate_field(&field, &value));
            }
            answers.0.borrow_mut().set(&field.id, value);
        })
    };
    let field = &props.field;
    let label = field.label.get(props.lang).to_owned();
    let t = texts(props.lang);
    let error =
        shown.as_ref().map(|violation| AttrValue::from(messages::violation(violation, &label, props.lang)));
    let value = AttrValue::from(props.answers.0.borrow().get(&field.id).to_owned());
    match field.kind {
        FieldKind::Text => html! {
            <TextField
                id={input_id(&field.id)}
                label={label}
                optional_marker={(!field.required).then_some(AttrValue::from(t.optional))}
                hint={field.hint.as_ref().map(|hint| AttrValue::from(hint.get(props.lang).to_owned()))}
                {error}
                error_prefix={t.error_prefix}
                {value}
                autocomplete={field.autocomplete.clone().map(AttrValue::from)}
                {oninput}
            />
        },
    }
}

/// The DOM id of a field's input. Prefixed so that definition ids never clash with the
/// assistant's own ids.
pub(crate) fn input_id(field_id: &str) -> AttrValue {
    AttrValue::from(format!("fl-field-{field_id}"))
}
