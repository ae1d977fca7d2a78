//! A box that tells something went wrong outside the citizen's answers.

use yew::prelude::*;

/// Props of [`notice`].
#[derive(PartialEq, Clone, Default)]
pub struct NoticeProps {
    /// What failed, in one sentence.
    pub title: AttrValue,
    /// What it means for the citizen or what to do.
    pub text: Option<AttrValue>,
    /// Specifics (for the webmaster): each line names a place and a problem.
    pub details: Vec<AttrValue>,
}

/// An error box announced to screen readers as soon as it appears.
pub fn notice(props: &NoticeProps) -> Html {
    html! {
        <div class="fl-notice fl-notice--error" role="alert">
            <h2 class="fl-notice__title">{props.title.clone()}</h2>
            if let Some(text) = &props.text {
                <p>{text.clone()}</p>
            }
            if !props.details.is_empty() {
                <ul class="fl-notice__details">
                    { for props.details.iter().map(|detail| html! { <li><code>{detail.clone()}</code></li> }) }
                </ul>
            }
        </div>
    }
}
