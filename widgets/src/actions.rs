//! The step's buttons.

use yew::prelude::*;

/// Props of [`actions`].
#[derive(PartialEq, Clone, Default)]
pub struct ActionsProps {
    /// Text of the primary (submit) button: "Weiter" or "Absenden".
    pub primary: AttrValue,
    /// Text of the back button; no back button when `None`.
    pub back: Option<AttrValue>,
    /// Called by the back button.
    pub onback: Callback<()>,
    /// Marks the primary button as busy (while sending); it stays focusable.
    pub busy: bool,
}

/// The primary button submits the surrounding `<form>`, so Enter in any input does the same as
/// a click. "Zurück" is a plain button.
pub fn actions(props: &ActionsProps) -> Html {
    let onback = props.onback.reform(|_: MouseEvent| ());
    html! {
        <div class="fl-actions">
            <button type="submit" class="fl-button" aria-disabled={props.busy.then_some("true")}>
                {props.primary.clone()}
            </button>
            if let Some(back) = &props.back {
                <button type="button" class="fl-button fl-button--secondary" onclick={onback}>{back.clone()}</button>
            }
        </div>
    }
}
