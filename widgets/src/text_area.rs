//! A multi-line text input (GOV.UK "textarea").

use crate::parts::{Described, field_class, label_text};
use wasm_bindgen::JsCast;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

/// Props of [`TextArea`].
#[derive(Properties, PartialEq, Clone)]
pub struct TextAreaProps {
    /// The textarea's id.
    pub id: AttrValue,
    /// The visible label.
    pub label: AttrValue,
    /// "(optional)" for a field that may stay empty.
    #[prop_or_default]
    pub optional_marker: Option<AttrValue>,
    /// Help between label and input.
    #[prop_or_default]
    pub hint: Option<Html>,
    /// The error message.
    #[prop_or_default]
    pub error: Option<AttrValue>,
    /// "Fehler:".
    pub error_prefix: AttrValue,
    /// The value to show.
    pub value: AttrValue,
    /// Called with the whole text on every change.
    pub oninput: Callback<String>,
}

/// A textarea; like [`crate::TextField`], the DOM keeps what is typed.
#[function_component]
pub fn TextArea(props: &TextAreaProps) -> Html {
    let described = Described::new(&props.id, props.hint.as_ref(), props.error.as_ref());
    let oninput = props.oninput.reform(|event: InputEvent| {
        event
            .target()
            .and_then(|t| t.dyn_into::<HtmlTextAreaElement>().ok())
            .map(|area| area.value())
            .unwrap_or_default()
    });
    let invalid = props.error.is_some();
    html! {
        <div class={field_class(invalid)}>
            <label class="fl-label" for={props.id.clone()}>{label_text(&props.label, props.optional_marker.as_ref())}</label>
            {described.render(props.hint.as_ref(), props.error.as_ref(), &props.error_prefix)}
            <textarea
                class={classes!("fl-input", "fl-textarea", invalid.then_some("fl-input--error"))}
                id={props.id.clone()}
                name={props.id.clone()}
                rows="5"
                value={props.value.clone()}
                aria-required={props.optional_marker.is_none().then_some("true")}
                aria-invalid={invalid.then_some("true")}
                aria-describedby={described.by.clone()}
                {oninput}
            />
        </div>
    }
}
