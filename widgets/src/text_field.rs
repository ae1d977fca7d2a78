//! A single-line text input with label, hint and error message (GOV.UK "text input").

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
    pub hint: Option<AttrValue>,
    /// The error message, when the answer is not accepted.
    #[prop_or_default]
    pub error: Option<AttrValue>,
    /// The visually hidden word before an error, e.g. "Fehler:".
    pub error_prefix: AttrValue,
    /// The value to show.
    pub value: AttrValue,
    /// An HTML `autocomplete` token.
    #[prop_or_default]
    pub autocomplete: Option<AttrValue>,
    /// Called with the input's whole value on every change.
    pub oninput: Callback<String>,
}

/// A text input. It renders `value` but does not own it: the DOM keeps what is typed and
/// `oninput` reports it, so a keystroke re-renders nothing.
#[function_component]
pub fn TextField(props: &TextFieldProps) -> Html {
    let hint_id = format!("{}-hint", props.id);
    let error_id = format!("{}-error", props.id);
    let described_by =
        [props.hint.as_ref().map(|_| hint_id.as_str()), props.error.as_ref().map(|_| error_id.as_str())]
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
    html! {
        <div class={classes!("fl-field", invalid.then_some("fl-field--error"))}>
            <label class="fl-label" for={props.id.clone()}>
                {props.label.clone()}
                if let Some(marker) = &props.optional_marker {
                    {" "}<span class="fl-optional">{marker.clone()}</span>
                }
            </label>
            if let Some(hint) = &props.hint {
                <div class="fl-hint" id={hint_id.clone()}>{hint.clone()}</div>
            }
            if let Some(error) = &props.error {
                <p class="fl-error-message" id={error_id.clone()}>
                    <span class="fl-visually-hidden">{props.error_prefix.clone()}{" "}</span>{error.clone()}
                </p>
            }
            <input
                class={classes!("fl-input", invalid.then_some("fl-input--error"))}
                id={props.id.clone()}
                name={props.id.clone()}
                type="text"
                value={props.value.clone()}
                autocomplete={props.autocomplete.clone()}
                spellcheck="false"
                aria-required={props.optional_marker.is_none().then_some("true")}
                aria-invalid={invalid.then_some("true")}
                aria-describedby={(!described_by.is_empty()).then_some(described_by)}
                {oninput}
            />
        </div>
    }
}
