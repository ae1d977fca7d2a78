//! A group of questions with a legend (a definition's `group`).

use yew::prelude::*;

/// Props of [`Fieldset`].
#[derive(Properties, PartialEq, Clone)]
pub struct FieldsetProps {
    /// The legend.
    pub legend: AttrValue,
    /// Help under the legend.
    #[prop_or_default]
    pub hint: Option<Html>,
    /// An id for the hint.
    pub id: AttrValue,
    /// The questions.
    pub children: Html,
}

/// `<fieldset>` with `<legend>`.
#[function_component]
pub fn Fieldset(props: &FieldsetProps) -> Html {
    let hint_id = format!("{}-hint", props.id);
    html! {
        <fieldset class="fl-fieldset fl-group" aria-describedby={props.hint.as_ref().map(|_| hint_id.clone())}>
            <legend class="fl-group__legend">{props.legend.clone()}</legend>
            if let Some(hint) = &props.hint {
                <div class="fl-hint" id={hint_id}>{hint.clone()}</div>
            }
            {props.children.clone()}
        </fieldset>
    }
}
