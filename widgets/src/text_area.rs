//! A multi-line text input (GOV.UK "textarea").

use crate::parts::{FieldShell, class_list};
use wasm_bindgen::JsCast;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

/// A textarea showing `value`; like [`crate::text_field`], the DOM keeps what is typed and
/// `oninput` is called with the whole text on every change.
pub fn text_area(shell: &FieldShell, value: AttrValue, oninput: &Callback<String>) -> Html {
    let oninput = oninput.reform(|event: InputEvent| {
        event
            .target()
            .and_then(|t| t.dyn_into::<HtmlTextAreaElement>().ok())
            .map(|area| area.value())
            .unwrap_or_default()
    });
    shell.field(html! {
        <>
            {shell.label_and_messages()}
            <textarea
                ~className={class_list(&[Some("fl-input fl-textarea"), shell.invalid().then_some("fl-input--error")])}
                id={shell.id.clone()}
                name={shell.id.clone()}
                rows="5"
                {value}
                aria-required={shell.aria_required()}
                aria-invalid={shell.aria_invalid()}
                aria-describedby={shell.described_by()}
                {oninput}
            />
        </>
    })
}
