//! A single-line input with label, hint and error message (GOV.UK "text input"). Serves text,
//! e-mail, phone, number, money, IBAN and postal code: they differ in `type`, `inputmode`,
//! `autocomplete`, width and an optional prefix or suffix ("€", "m²").

use crate::parts::{Described, field_class, label_text};
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Props of [`TextField`].
#[derive(Properties, PartialEq, Clone)]
pub struct TextFieldProps {
    /// The input's id; the label, hint and error derive theirs from it.
    pub id: AttrValue,
    /// The visible label.
    pub label: AttrValue,
    /// Shown after the label of a field that may stay empty, e.g. "(optional)".
    #[prop_or_default]
    pub optional_marker: Option<AttrValue>,
    /// Help between label and input.
    #[prop_or_default]
    pub hint: Option<Html>,
    /// The error message, when the answer is not accepted.
    #[prop_or_default]
    pub error: Option<AttrValue>,
    /// The visually hidden word before an error, e.g. "Fehler:".
    pub error_prefix: AttrValue,
    /// The value to show.
    pub value: AttrValue,
    /// The input's `type`: `text` (default), `email`, `tel`.
    #[prop_or(AttrValue::Static("text"))]
    pub input_type: AttrValue,
    /// The virtual keyboard: `numeric`, `decimal`, `email`, `tel`.
    #[prop_or_default]
    pub inputmode: Option<AttrValue>,
    /// An HTML `autocomplete` token.
    #[prop_or_default]
    pub autocomplete: Option<AttrValue>,
    /// A width class suffix: `5` (postal code), `10`, `20`, `30`; full width when `None`.
    #[prop_or_default]
    pub width: Option<AttrValue>,
    /// Shown before the input, e.g. "€".
    #[prop_or_default]
    pub prefix: Option<AttrValue>,
    /// Shown after the input, e.g. "m²".
    #[prop_or_default]
    pub suffix: Option<AttrValue>,
    /// Called with the input's whole value on every change.
    pub oninput: Callback<String>,
}

/// A text input. It renders `value` but does not own it: the DOM keeps what is typed and
/// `oninput` reports it, so a keystroke re-renders nothing.
#[function_component]
pub fn TextField(props: &TextFieldProps) -> Html {
    let described = Described::new(&props.id, props.hint.as_ref(), props.error.as_ref());
    // The unit is part of what is asked ("in €"), so screen readers hear it with the input.
    let (prefix_id, suffix_id) = (format!("{}-prefix", props.id), format!("{}-suffix", props.id));
    let described_by = [
        props.prefix.as_ref().map(|_| prefix_id.clone()),
        props.suffix.as_ref().map(|_| suffix_id.clone()),
        described.by.clone(),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ");
    let oninput = props.oninput.reform(|event: InputEvent| {
        event
            .target()
            .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
            .map(|input| input.value())
            .unwrap_or_default()
    });
    let invalid = props.error.is_some();
    let width = props.width.as_ref().map(|w| format!("fl-input--width-{w}"));
    let input = html! {
        <input
            class={classes!("fl-input", invalid.then_some("fl-input--error"), width)}
            id={props.id.clone()}
            name={props.id.clone()}
            type={props.input_type.clone()}
            inputmode={props.inputmode.clone()}
            value={props.value.clone()}
            autocomplete={props.autocomplete.clone()}
            spellcheck="false"
            aria-required={props.optional_marker.is_none().then_some("true")}
            aria-invalid={invalid.then_some("true")}
            aria-describedby={(!described_by.is_empty()).then_some(described_by)}
            {oninput}
        />
    };
    html! {
        <div class={field_class(invalid)}>
            <label class="fl-label" for={props.id.clone()}>{label_text(&props.label, props.optional_marker.as_ref())}</label>
            {described.render(props.hint.as_ref(), props.error.as_ref(), &props.error_prefix)}
            if props.prefix.is_some() || props.suffix.is_some() {
                <div class="fl-input-wrapper">
                    if let Some(prefix) = &props.prefix {
                        <span class="fl-input-prefix" id={prefix_id}>{prefix.clone()}</span>
                    }
                    {input}
                    if let Some(suffix) = &props.suffix {
                        <span class="fl-input-suffix" id={suffix_id}>{suffix.clone()}</span>
                    }
                </div>
            } else {
                {input}
            }
        </div>
    }
}
