//! The error summary at the top of a step (GOV.UK "error summary").

use crate::focus::focus_by_id;
use web_sys::Node;
use yew::prelude::*;

/// One error in the summary: the id of the input to focus and the message.
#[derive(Clone, PartialEq)]
pub struct ErrorLink {
    /// Id of the input the link moves focus to.
    pub target: AttrValue,
    /// The same words as at the field.
    pub message: AttrValue,
}

/// Props of [`error_summary`].
#[derive(PartialEq, Clone, Default)]
pub struct ErrorSummaryProps {
    /// The heading, e.g. "Es gibt ein Problem".
    pub title: AttrValue,
    /// The errors, in the order of the fields.
    pub errors: Vec<ErrorLink>,
    /// Lets the caller move focus here after a failed "Weiter".
    pub node_ref: NodeRef,
}

/// A focusable box listing every error of the step as a link to its field.
pub fn error_summary(props: &ErrorSummaryProps) -> Html {
    html! {
        <div class="fl-error-summary" tabindex="-1" ref={props.node_ref.clone()} aria-labelledby="fl-error-summary-title">
            <h2 class="fl-error-summary__title" id="fl-error-summary-title">{props.title.clone()}</h2>
            <ul class="fl-error-summary__list">
                { for props.errors.iter().map(|error| {
                    let target = error.target.clone();
                    let onclick = Callback::from(move |event: MouseEvent| {
                        // Follow the link by moving focus, not the URL: the host page's router
                        // must not see a fragment change.
                        event.prevent_default();
                        if let Some(node) = event.target_dyn_into::<Node>() {
                            focus_by_id(&node, &target);
                        }
                    });
                    html! { <li><a href={format!("#{}", error.target)} {onclick}>{error.message.clone()}</a></li> }
                }) }
            </ul>
        </div>
    }
}
