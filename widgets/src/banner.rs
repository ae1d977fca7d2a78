//! A quiet box at the top of the assistant that tells something about the citizen's answers
//! (a draft was restored, answers are kept on this device), with one optional action.

use yew::prelude::*;

/// Props of [`banner`].
#[derive(PartialEq, Clone, Default)]
pub struct BannerProps {
    /// The main sentence.
    pub title: AttrValue,
    /// Further sentences.
    pub lines: Vec<AttrValue>,
    /// The text of the action button; no button when `None`.
    pub action: Option<AttrValue>,
    /// Called by the action button.
    pub onaction: Callback<()>,
}

/// An information box, announced politely (it is news, not an error).
pub fn banner(props: &BannerProps) -> Html {
    let onclick = props.onaction.reform(|_: MouseEvent| ());
    html! {
        <div class="fl-banner" role="status">
            <p class="fl-banner__title">{props.title.clone()}</p>
            { for props.lines.iter().map(|line| html! { <p>{line.clone()}</p> }) }
            if let Some(action) = &props.action {
                <button type="button" class="fl-link-button fl-banner__action" {onclick}>{action.clone()}</button>
            }
        </div>
    }
}
