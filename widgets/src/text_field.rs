//! A single-line input with label, hint and error message (GOV.UK "text input"). Serves text,
//! e-mail, phone, number, money, IBAN and postal code: they differ in `type`, `inputmode`,
//! `autocomplete`, width and an optional prefix or suffix ("€", "m²").

use crate::parts::{FieldShell, class_list};
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// What a text input has beyond its [`FieldShell`].
#[derive(PartialEq, Clone, Default)]
pub struct TextInput {
    /// The value to show.
    pub value: AttrValue,
    /// The input's `type`: `text`, `email`, `tel`.
    pub input_type: &'static str,
    /// The virtual keyboard: `numeric`, `decimal`, `email`, `tel`.
    pub inputmode: Option<&'static str>,
    /// An HTML `autocomplete` token.
    pub autocomplete: Option<AttrValue>,
    /// A width class suffix: `5` (postal code), `10`, `20`, `30`; full width when `None`.
    pub width: Option<&'static str>,
    /// Shown before the input, e.g. "€".
    pub prefix: Option<AttrValue>,
    /// Shown after the input, e.g. "m²".
    pub suffix: Option<AttrValue>,
    /// Called with the input's whole value on every change.
    pub oninput: Callback<String>,
}

/// A text input. It renders `value` but does not own it: the DOM keeps what is typed and
/// `oninput` reports it, so a keystroke re-renders nothing.
pub fn text_field(shell: &FieldShell, props: TextInput) -> Html {
    // The unit is part of what is asked ("in €"), so screen readers hear it with the input.
    let (prefix_id, suffix_id) = (format!("{}-prefix", shell.id), format!("{}-suffix", shell.id));
    let units = match (&props.prefix, &props.suffix) {
        (Some(_), Some(_)) => format!("{prefix_id} {suffix_id}"),
        (Some(_), None) => prefix_id.clone(),
        (None, Some(_)) => suffix_id.clone(),
        (None, None) => String::new(),
    };
    let described_by = shell.described_by_after(units);
    let oninput = props.oninput.reform(|event: InputEvent| {
        event
            .target()
            .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
            .map(|input| input.value())
            .unwrap_or_default()
    });
    let width = props.width.map(|w| format!("fl-input--width-{w}"));
    let input = html! {
        <input
            ~className={class_list(&[Some("fl-input"), shell.invalid().then_some("fl-input--error"), width.as_deref()])}
            id={shell.id.clone()}
            name={shell.id.clone()}
            type={props.input_type}
            inputmode={props.inputmode}
            value={props.value}
            autocomplete={props.autocomplete}
            spellcheck="false"
            aria-required={shell.aria_required()}
            aria-invalid={shell.aria_invalid()}
            aria-describedby={described_by}
            {oninput}
        />
    };
    shell.field(html! {
        <>
            {shell.label_and_messages()}
            if props.prefix.is_some() || props.suffix.is_some() {
                <div class="fl-input-wrapper">
                    if let Some(prefix) = props.prefix {
                        <span class="fl-input-prefix" id={prefix_id}>{prefix}</span>
                    }
                    {input}
                    if let Some(suffix) = props.suffix {
                        <span class="fl-input-suffix" id={suffix_id}>{suffix}</span>
                    }
                </div>
            } else {
                {input}
            }
        </>
    })
}
