//! Checkboxes: one on its own (a consent) or several options in a fieldset (GOV.UK
//! "checkboxes").

use crate::choice::ChoiceItem;
use crate::parts::{Described, field_class, label_text};
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

fn checked(event: &Event) -> bool {
    event.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()).is_some_and(|input| input.checked())
}

/// Props of [`Checkbox`].
#[derive(Properties, PartialEq, Clone)]
pub struct CheckboxProps {
    /// The checkbox's id.
    pub id: AttrValue,
    /// The text next to the box.
    pub label: AttrValue,
    /// Help.
    #[prop_or_default]
    pub hint: Option<Html>,
    /// The error message.
    #[prop_or_default]
    pub error: Option<AttrValue>,
    /// "Fehler:".
    pub error_prefix: AttrValue,
    /// Whether it is ticked.
    pub checked: bool,
    /// Whether it must be ticked.
    #[prop_or_default]
    pub required: bool,
    /// Called with the new state.
    pub onchange: Callback<bool>,
}

/// A single checkbox.
#[function_component]
pub fn Checkbox(props: &CheckboxProps) -> Html {
    let described = Described::new(&props.id, props.hint.as_ref(), props.error.as_ref());
    let invalid = props.error.is_some();
    let onchange = props.onchange.reform(|event: Event| checked(&event));
    html! {
        <div class={field_class(invalid)}>
            {described.render(props.hint.as_ref(), props.error.as_ref(), &props.error_prefix)}
            <div class="fl-choice">
                <input
                    class="fl-choice__input"
                    type="checkbox"
                    id={props.id.clone()}
                    name={props.id.clone()}
                    checked={props.checked}
                    aria-required={props.required.then_some("true")}
                    aria-invalid={invalid.then_some("true")}
                    aria-describedby={described.by.clone()}
                    {onchange}
                />
                <label class="fl-choice__label" for={props.id.clone()}>{props.label.clone()}</label>
            </div>
        </div>
    }
}

/// Props of [`Checkboxes`].
#[derive(Properties, PartialEq, Clone)]
pub struct CheckboxesProps {
    /// Id prefix; the first box has this id.
    pub id: AttrValue,
    /// The question.
    pub label: AttrValue,
    /// "(optional)".
    #[prop_or_default]
    pub optional_marker: Option<AttrValue>,
    /// Help, e.g. "Wählen Sie alles aus, was zutrifft".
    #[prop_or_default]
    pub hint: Option<Html>,
    /// The error message.
    #[prop_or_default]
    pub error: Option<AttrValue>,
    /// "Fehler:".
    pub error_prefix: AttrValue,
    /// The options.
    pub options: Vec<ChoiceItem>,
    /// The ticked values.
    pub values: Vec<AttrValue>,
    /// Called with an option's value and its new state.
    pub onchange: Callback<(String, bool)>,
}

/// Several checkboxes under one question.
#[function_component]
pub fn Checkboxes(props: &CheckboxesProps) -> Html {
    let described = Described::new(&props.id, props.hint.as_ref(), props.error.as_ref());
    let invalid = props.error.is_some();
    html! {
        <div class={field_class(invalid)}>
            <fieldset class="fl-fieldset" aria-describedby={described.by.clone()}>
                <legend class="fl-label">{label_text(&props.label, props.optional_marker.as_ref())}</legend>
                {described.render(props.hint.as_ref(), props.error.as_ref(), &props.error_prefix)}
                <div class="fl-choices">
                    { for props.options.iter().enumerate().map(|(i, option)| {
                        let id = if i == 0 { props.id.to_string() } else { format!("{}-{i}", props.id) };
                        let hint_id = format!("{id}-hint");
                        let value = option.value.to_string();
                        let onchange = props.onchange.reform(move |event: Event| (value.clone(), checked(&event)));
                        html! {
                            <div class="fl-choice">
                                <input
                                    class="fl-choice__input"
                                    type="checkbox"
                                    id={id.clone()}
                                    name={props.id.clone()}
                                    value={option.value.clone()}
                                    checked={props.values.contains(&option.value)}
                                    aria-describedby={option.hint.as_ref().map(|_| hint_id.clone())}
                                    {onchange}
                                />
                                <label class="fl-choice__label" for={id}>{option.label.clone()}</label>
                                if let Some(hint) = &option.hint {
                                    <div class="fl-hint fl-choice__hint" id={hint_id}>{hint.clone()}</div>
                                }
                            </div>
                        }
                    }) }
                </div>
            </fieldset>
        </div>
    }
}
