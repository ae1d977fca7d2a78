//! The confirmation after sending.

use yew::prelude::*;

/// Props of [`receipt`].
#[derive(PartialEq, Clone, Default)]
pub struct ReceiptProps {
    /// The heading, e.g. "Ihr Antrag wurde gesendet".
    pub title: AttrValue,
    /// The label of the reference, e.g. "Ihr Aktenzeichen".
    pub reference_label: AttrValue,
    /// The reference the receiver returned, if any.
    pub reference: Option<AttrValue>,
    /// What happens next.
    pub next: AttrValue,
    /// Lets the caller focus the heading when the receipt appears.
    pub node_ref: NodeRef,
    /// The text of a button that prints the page; no button when `None`.
    pub print: Option<AttrValue>,
    /// A link to the application as a PDF and its text; no link when `None`.
    pub pdf: Option<(AttrValue, AttrValue)>,
    /// What follows, e.g. a copy of the answers.
    pub children: Html,
}

/// A confirmation panel with the reference number.
pub fn receipt(props: &ReceiptProps) -> Html {
    html! {
        <div class="fl-receipt">
            <h2 class="fl-receipt__title" tabindex="-1" ref={props.node_ref.clone()}>{props.title.clone()}</h2>
            if let Some(reference) = &props.reference {
                <p class="fl-receipt__reference">
                    {props.reference_label.clone()}{": "}<strong>{reference.clone()}</strong>
                </p>
            }
            <p>{props.next.clone()}</p>
            if let Some((href, text)) = &props.pdf {
                <a class="fl-button fl-button--secondary fl-pdf-link" href={href.clone()} download="">{text.clone()}</a>
            }
            if let Some(print) = &props.print {
                <button type="button" class="fl-button fl-button--secondary fl-print-button" onclick={Callback::from(|_: MouseEvent| print_page())}>
                    {print.clone()}
                </button>
            }
            {props.children.clone()}
        </div>
    }
}

/// Opens the browser's print dialog; the stylesheet's print rules show only the receipt.
fn print_page() {
    if let Some(window) = web_sys::window() {
        let _ = window.print();
    }
}
