//! The confirmation after sending.

use yew::prelude::*;

/// Props of [`Receipt`].
#[derive(Properties, PartialEq, Clone)]
pub struct ReceiptProps {
    /// The heading, e.g. "Ihr Antrag wurde gesendet".
    pub title: AttrValue,
    /// The label of the reference, e.g. "Ihr Aktenzeichen".
    pub reference_label: AttrValue,
    /// The reference the receiver returned, if any.
    #[prop_or_default]
    pub reference: Option<AttrValue>,
    /// What happens next.
    pub next: AttrValue,
    /// Lets the caller focus the heading when the receipt appears.
    #[prop_or_default]
    pub node_ref: NodeRef,
}

/// A confirmation panel with the reference number.
#[function_component]
pub fn Receipt(props: &ReceiptProps) -> Html {
    html! {
        <div class="fl-receipt">
            <h2 class="fl-receipt__title" tabindex="-1" ref={props.node_ref.clone()}>{props.title.clone()}</h2>
            if let Some(reference) = &props.reference {
                <p class="fl-receipt__reference">
                    {props.reference_label.clone()}{": "}<strong>{reference.clone()}</strong>
                </p>
            }
            <p>{props.next.clone()}</p>
        </div>
    }
}
