//! A drop-down for one of many options (GOV.UK "select"). The first entry says "Bitte
//! wählen" and has an empty value, so nothing is chosen by accident.

use crate::choice::ChoiceItem;
use crate::parts::{Described, field_class, label_text};
use wasm_bindgen::JsCast;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// Props of [`Select`].
#[derive(Properties, PartialEq, Clone)]
pub struct SelectProps {
    /// The select's id.
    pub id: AttrValue,
    /// The visible label.
    pub label: AttrValue,
    /// "(optional)".
    #[prop_or_default]
    pub optional_marker: Option<AttrValue>,
    /// Help.
    #[prop_or_default]
    pub hint: Option<Html>,
    /// The error message.
    #[prop_or_default]
    pub error: Option<AttrValue>,
    /// "Fehler:".
    pub error_prefix: AttrValue,
    /// The text of the empty first entry, e.g. "Bitte wählen".
    pub placeholder: AttrValue,
    /// The options.
    pub options: Vec<ChoiceItem>,
    /// The chosen value, or empty.
    pub value: AttrValue,
    /// Called with the chosen value.
    pub onchange: Callback<String>,
}

/// A `<select>`.
#[function_component]
pub fn Select(props: &SelectProps) -> Html {
    let described = Described::new(&props.id, props.hint.as_ref(), props.error.as_ref());
    let invalid = props.error.is_some();
    let onchange = props.onchange.reform(|event: Event| {
        event
            .target()
            .and_then(|t| t.dyn_into::<HtmlSelectElement>().ok())
            .map(|s| s.value())
            .unwrap_or_default()
    });
    html! {
        <div class={field_class(invalid)}>
            <label class="fl-label" for={props.id.clone()}>{label_text(&props.label, props.optional_marker.as_ref())}</label>
            {described.render(props.hint.as_ref(), props.error.as_ref(), &props.error_prefix)}
            <select
                class={classes!("fl-input", "fl-select", invalid.then_some("fl-input--error"))}
                id={props.id.clone()}
                name={props.id.clone()}
                aria-required={props.optional_marker.is_none().then_some("true")}
                aria-invalid={invalid.then_some("true")}
                aria-describedby={described.by.clone()}
                {onchange}
            >
                <option value="" selected={props.value.is_empty()}>{props.placeholder.clone()}</option>
                { for props.options.iter().map(|option| html! {
                    <option value={option.value.clone()} selected={option.value == props.value}>{option.label.clone()}</option>
                }) }
            </select>
        </div>
    }
}
