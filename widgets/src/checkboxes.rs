//! Checkboxes: one on its own (a consent) or several options in a fieldset (GOV.UK
//! "checkboxes").

use crate::choice::{ChoiceItem, choice_inputs};
use crate::parts::FieldShell;
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

fn checked(event: &Event) -> bool {
    event.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()).is_some_and(|input| input.checked())
}

/// A single checkbox, its label next to the box; `required`: it must be ticked. `onchange` is
/// called with the new state.
pub fn checkbox(shell: &FieldShell, ticked: bool, required: bool, onchange: &Callback<bool>) -> Html {
    let onchange = onchange.reform(|event: Event| checked(&event));
    shell.field(html! {
        <>
            {shell.messages()}
            <div class="fl-choice">
                <input
                    class="fl-choice__input"
                    type="checkbox"
                    id={shell.id.clone()}
                    name={shell.id.clone()}
                    checked={ticked}
                    aria-required={required.then_some("true")}
                    aria-invalid={shell.aria_invalid()}
                    aria-describedby={shell.described_by()}
                    {onchange}
                />
                <label class="fl-choice__label" for={shell.id.clone()}>{shell.label.clone()}</label>
            </div>
        </>
    })
}

/// Several checkboxes under one question, `values` ticked; the first box has the shell's id.
/// `onchange` is called with an option's value and its new state.
pub fn checkboxes(
    shell: &FieldShell,
    options: &[ChoiceItem],
    values: &[AttrValue],
    onchange: &Callback<(String, bool)>,
) -> Html {
    shell.fieldset(
        None,
        html! {
            <div class="fl-choices">
                {choice_inputs(shell, "checkbox", options, &|option| values.contains(&option.value), &|option| {
                    let value = option.value.to_string();
                    onchange.reform(move |event: Event| (value.clone(), checked(&event)))
                })}
            </div>
        },
    )
}
