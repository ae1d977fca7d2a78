//! A group of questions with a legend (a definition's `group`).

use yew::prelude::*;

/// Props of [`fieldset`].
#[derive(PartialEq, Clone, Default)]
pub struct FieldsetProps {
    /// Its key among the step's items.
    pub key: AttrValue,
    /// The legend.
    pub legend: AttrValue,
    /// Help under the legend.
    pub hint: Option<Html>,
    /// An id for the hint.
    pub id: AttrValue,
    /// The questions.
    pub children: Html,
}

/// `<fieldset>` with `<legend>`.
pub fn fieldset(props: &FieldsetProps) -> Html {
    let hint_id = format!("{}-hint", props.id);
    html! {
        <fieldset key={props.key.to_string()} class="fl-fieldset fl-group" aria-describedby={props.hint.as_ref().map(|_| hint_id.clone())}>
            <legend class="fl-group__legend">{props.legend.clone()}</legend>
            if let Some(hint) = &props.hint {
                <div class="fl-hint" id={hint_id}>{hint.clone()}</div>
            }
            {props.children.clone()}
        </fieldset>
    }
}
