//! The receipt after sending: the reference number, what happens next, a printable copy of
//! the answers.

use crate::review;
use crate::texts::texts;
use formlotse_core::{Definition, Lang, Resolved};
use formlotse_widgets::{ReceiptProps, SummaryListProps, receipt, summary_list};
use yew::prelude::*;

/// The receipt; `reference` is the receiver's, when it gave one.
pub(crate) fn view(
    definition: &Definition,
    resolved: &Resolved,
    reference: Option<&str>,
    lang: Lang,
    node_ref: NodeRef,
) -> Html {
    let t = texts(lang);
    let copy = SummaryListProps {
        sections: review::sections(definition, resolved, lang),
        empty: t.not_given.into(),
        heading_level: 4,
        ..SummaryListProps::default()
    };
    let panel = ReceiptProps {
        title: t.sent_title.into(),
        reference_label: t.reference_label.into(),
        reference: reference.map(|r| AttrValue::from(r.to_owned())),
        next: t.sent_next.into(),
        node_ref,
        print: Some(t.print.into()),
        children: html! {
            <>
                <h3 class="fl-receipt__copy">{t.your_answers}</h3>
                {summary_list(&copy)}
            </>
        },
    };
    html! { <div class="fl-assistant" lang={lang.tag().to_owned()} dir={crate::assistant::direction(lang)}>{receipt(&panel)}</div> }
}
