//! "Antworten speichern" / "Antworten laden": two buttons; the second opens the browser's file
//! picker (a hidden file input it clicks, so both look and behave as buttons).

use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Props of [`AnswersFile`].
#[derive(Properties, PartialEq, Clone)]
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
#[function_component]
pub fn AnswersFile(props: &AnswersFileProps) -> Html {
    let input = use_node_ref();
    let onsave = props.onsave.reform(|_: MouseEvent| ());
    let open_picker = {
        let input = input.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(input) = input.cast::<HtmlInputElement>() {
                input.click();
            }
        })
    };
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
            <input ref={input} type="file" accept=".json,application/json" class="fl-answers-file__input"
                tabindex="-1" aria-hidden="true" {onchange} />
        </div>
    }
}
