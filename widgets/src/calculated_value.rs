//! A value the form calculates (a fee): shown read-only, announced politely when it changes.

use crate::parts::{Described, field_class};
use yew::prelude::*;

/// Props of [`CalculatedValue`].
#[derive(Properties, PartialEq, Clone)]
pub struct CalculatedValueProps {
    /// The output's id.
    pub id: AttrValue,
    /// The visible label.
    pub label: AttrValue,
    /// Help under the label (what the calculation is).
    #[prop_or_default]
    pub hint: Option<Html>,
    /// The value as text; `None` while answers it needs are missing.
    pub value: Option<AttrValue>,
    /// Shown instead of a value that cannot be calculated yet.
    pub pending: AttrValue,
}

/// An `<output>` (role status, so a screen reader hears the new fee without losing its place),
/// labelled by its label; it takes no input, so it needs no focus stop.
#[function_component]
pub fn CalculatedValue(props: &CalculatedValueProps) -> Html {
    let described = Described::new(&props.id, props.hint.as_ref(), None);
    let label_id = format!("{}-label", props.id);
    html! {
        <div class={classes!(field_class(false), "fl-calculated")}>
            <p class="fl-label" id={label_id.clone()}>{props.label.clone()}</p>
            {described.render(props.hint.as_ref(), None, &AttrValue::default())}
            <output class="fl-calculated__value" id={props.id.clone()} aria-labelledby={label_id} aria-describedby={described.by.clone()}>
                {props.value.clone().unwrap_or_else(|| props.pending.clone())}
            </output>
        </div>
    }
}
