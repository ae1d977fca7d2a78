//! A drop-down for one of many options (GOV.UK "select"). The first entry says "Bitte
//! wählen" and has an empty value, so nothing is chosen by accident.

use crate::choice::ChoiceItem;
use crate::parts::{FieldShell, class_list};
use wasm_bindgen::JsCast;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// A `<select>` of `options` with `value` chosen (empty: the `placeholder` entry, e.g. "Bitte
/// wählen"); `onchange` is called with the chosen value.
pub fn select(
    shell: &FieldShell,
    placeholder: AttrValue,
    options: &[ChoiceItem],
    value: &AttrValue,
    onchange: &Callback<String>,
) -> Html {
    let onchange = onchange.reform(|event: Event| {
        event
            .target()
            .and_then(|t| t.dyn_into::<HtmlSelectElement>().ok())
            .map(|s| s.value())
            .unwrap_or_default()
    });
    shell.field(html! {
        <>
            {shell.label_and_messages()}
            <select
                ~className={class_list(&[Some("fl-input fl-select"), shell.invalid().then_some("fl-input--error")])}
                id={shell.id.clone()}
                name={shell.id.clone()}
                aria-required={shell.aria_required()}
                aria-invalid={shell.aria_invalid()}
                aria-describedby={shell.described_by()}
                {onchange}
            >
                <option value="" selected={value.is_empty()}>{placeholder}</option>
                { for options.iter().map(|option| html! {
                    <option value={option.value.clone()} selected={option.value == *value}>{option.label.clone()}</option>
                }) }
            </select>
        </>
    })
}
