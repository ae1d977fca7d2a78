//! Checkboxes: one on its own (a consent) or several options in a fieldset (GOV.UK
//! "checkboxes").

use crate::choice::ChoiceItem;
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
                { for options.iter().enumerate().map(|(i, option)| {
                    let id = if i == 0 { shell.id.to_string() } else { format!("{}-{i}", shell.id) };
                    let hint_id = format!("{id}-hint");
                    let value = option.value.to_string();
                    let onchange = onchange.reform(move |event: Event| (value.clone(), checked(&event)));
                    html! {
                        <div class="fl-choice">
                            <input
                                class="fl-choice__input"
                                type="checkbox"
                                id={id.clone()}
                                name={shell.id.clone()}
                                value={option.value.clone()}
                                checked={values.contains(&option.value)}
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
        },
    )
}
