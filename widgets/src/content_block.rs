//! Static text in a step: a sub-heading, a paragraph, a note or a warning. The host passes the
//! body already rendered (text nodes and a few safe elements: paragraphs, lists, emphasis,
//! links); a heading is plain text.

use yew::prelude::*;

/// How a block is shown.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ContentStyle {
    /// A sub-heading (`h3`).
    Heading,
    /// A paragraph.
    Paragraph,
    /// A highlighted note.
    Info,
    /// A warning, with a visually hidden prefix such as "Wichtig:".
    Warning,
}

/// Props of [`content_block`].
#[derive(PartialEq, Clone)]
pub struct ContentBlockProps {
    /// How it is shown.
    pub style: ContentStyle,
    /// The body: paragraphs and lists (for a heading: its text).
    pub text: Html,
    /// The prefix read before a warning, e.g. "Wichtig:".
    pub warning_prefix: Option<AttrValue>,
}

/// One static block.
pub fn content_block(props: &ContentBlockProps) -> Html {
    let text = props.text.clone();
    match props.style {
        ContentStyle::Heading => html! { <h3 class="fl-content-heading">{text}</h3> },
        ContentStyle::Paragraph => html! { <div class="fl-content">{text}</div> },
        ContentStyle::Info => html! { <div class="fl-inset">{text}</div> },
        ContentStyle::Warning => html! {
            <div class="fl-warning">
                <span class="fl-warning__icon" aria-hidden="true">{"!"}</span>
                <div class="fl-warning__text">
                    if let Some(prefix) = &props.warning_prefix {
                        <span class="fl-visually-hidden">{prefix.clone()}{" "}</span>
                    }
                    {text}
                </div>
            </div>
        },
    }
}
