//! "Antworten speichern" / "Antworten laden": two buttons; the second opens the browser's file
//! picker (a hidden file input right after it, which it clicks, so both look and behave as
//! buttons).

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement};
use yew::prelude::*;

/// What [`answers_file`] shows and calls.
#[derive(PartialEq, Clone)]
pub struct AnswersFileProps {
    /// Text of the save button.
    pub save: AttrValue,
    /// Text of the load button.
    pub load: AttrValue,
    /// Called by the save button.
    pub onsave: Callback<()>,
    /// Called with the chosen file.
    pub onload: Callback<web_sys::File>,
}

/// The two buttons.
pub fn answers_file(props: &AnswersFileProps) -> Html {
    let onsave = props.onsave.reform(|_: MouseEvent| ());
    // The hidden input is the load button's next sibling: found from the click, so the
    // widget needs no node ref (and no component to hold one).
    let open_picker = Callback::from(|event: MouseEvent| {
        let input = event
            .target()
            .and_then(|button| button.dyn_into::<Element>().ok())
            .and_then(|button| button.next_element_sibling())
            .and_then(|input| input.dyn_into::<HtmlInputElement>().ok());
        if let Some(input) = input {
            input.click();
        }
    });
    let onchange = {
        let onload = props.onload.clone();
        Callback::from(move |event: Event| {
            let Some(input) = event.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()) else {
                return;
            };
            if let Some(file) = input.files().and_then(|files| files.get(0)) {
                onload.emit(file);
            }
            // The same file may be chosen again later.
            input.set_value("");
        })
    };
    html! {
        <div class="fl-answers-file">
            <button type="button" class="fl-link-button" onclick={onsave}>{props.save.clone()}</button>
            <button type="button" class="fl-link-button" onclick={open_picker}>{props.load.clone()}</button>
            <input type="file" accept=".json,application/json" class="fl-answers-file__input"
                tabindex="-1" aria-hidden="true" {onchange} />
        </div>
    }
}
