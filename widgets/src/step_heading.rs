//! Progress text and the step's heading.

use yew::prelude::*;

/// Props of [`step_heading`].
#[derive(PartialEq, Clone, Default)]
pub struct StepHeadingProps {
    /// Progress as text, e.g. "Schritt 2 von 5"; none on the review page.
    pub progress: Option<AttrValue>,
    /// The step's title.
    pub title: AttrValue,
    /// Lets the caller focus the heading when the step appears, so screen readers announce it.
    pub node_ref: NodeRef,
}

/// "Schritt n von m" and the step title as a focusable heading.
pub fn step_heading(props: &StepHeadingProps) -> Html {
    html! {
        <>
            if let Some(progress) = &props.progress {
                <p class="fl-progress">{progress.clone()}</p>
            }
            <h2 class="fl-step-title" id="fl-step-title" tabindex="-1" ref={props.node_ref.clone()}>{props.title.clone()}</h2>
        </>
    }
}
