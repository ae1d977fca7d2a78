//! Help texts as elements: the blocks of `formlotse_core::markup` become `<p>`, `<ul>`,
//! `<strong>`, `<em>` and `<a>` built by Yew, with every piece of definition text a text node.
//! Nothing here parses or injects HTML.

use crate::texts::texts;
use formlotse_core::Lang;
use formlotse_core::markup::{Block, Inline, parse};
use yew::prelude::*;

/// A help text as paragraphs and lists (content blocks, the form's description).
pub(crate) fn blocks(text: &str, lang: Lang) -> Html {
    parse(text)
        .iter()
        .map(|block| match block {
            Block::Paragraph(runs) => html! { <p>{inlines(runs, lang)}</p> },
            Block::List(items) => html! {
                <ul class="fl-list">{ for items.iter().map(|runs| html! { <li>{inlines(runs, lang)}</li> }) }</ul>
            },
        })
        .collect()
}

/// A hint: a single paragraph stays inline (the hint box is its paragraph); more become blocks.
pub(crate) fn hint(text: &str, lang: Lang) -> Html {
    match parse(text).as_slice() {
        [Block::Paragraph(runs)] => inlines(runs, lang),
        _ => blocks(text, lang),
    }
}

fn inlines(runs: &[Inline], lang: Lang) -> Html {
    runs.iter()
        .map(|run| match run {
            Inline::Text(text) => html! { {text.clone()} },
            Inline::Strong(text) => html! { <strong>{text.clone()}</strong> },
            Inline::Emphasis(text) => html! { <em>{text.clone()}</em> },
            // A new tab, because leaving the page would leave the application half done; said
            // in the link's name as WCAG's G201 asks.
            Inline::Link { text, href } => html! {
                <a href={href.clone()} target="_blank" rel="noopener noreferrer">
                    {text.clone()}<span class="fl-visually-hidden">{" "}{texts(lang).new_tab()}</span>
                </a>
            },
        })
        .collect()
}
