//! A quiet box at the top of the assistant that tells something about the citizen's answers
//! (a draft was restored, answers are kept on this device), with one optional action.

use yew::prelude::*;

/// Props of [`Banner`].
#[derive(Properties, PartialEq, Clone)]
pub struct BannerProps {
    /// The main sentence.
    pub title: AttrValue,
    /// Further sentences.
    #[prop_or_default]
    pub lines: Vec<AttrValue>,
    /// The text of the action button; no button when `None`.
    #[prop_or_default]
    pub action: Option<AttrValue>,
    /// Called by the action button.
    #[prop_or_default]
    pub onaction: Callback<()>,
}

/// An information box, announced politely (it is news, not an error).
#[function_component]
pub fn Banner(props: &BannerProps) -> Html {
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
