//! The receipt after sending: the reference number, what happens next, the application as a
//! PDF from the receiver (when it offers one), a printable copy of the answers.

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
    pdf: Option<&str>,
    lang: Lang,
    node_ref: NodeRef,
) -> Html {
    let t = texts(lang);
    let copy = SummaryListProps {
        sections: review::sections(definition, resolved, lang),
        empty: t.not_given().into(),
        heading_level: 4,
        ..SummaryListProps::default()
    };
    let panel = ReceiptProps {
        title: t.sent_title().into(),
        reference_label: t.reference_label().into(),
        reference: reference.map(|r| AttrValue::from(r.to_owned())),
        next: t.sent_next().into(),
        node_ref,
        print: Some(t.print().into()),
        pdf: pdf.map(|href| (AttrValue::from(href.to_owned()), t.pdf_download().into())),
        children: html! {
            <>
                <h3 class="fl-receipt__copy">{t.your_answers()}</h3>
                {summary_list(&copy)}
            </>
        },
    };
    html! { <div class="fl-assistant" lang={lang.tag().to_owned()} dir={crate::assistant::direction(lang)}>{receipt(&panel)}</div> }
}

/// The receiver's `pdf` link resolved against the `endpoint` it came from: a path on the
/// endpoint's origin, or an absolute http(s) URL; anything else (`javascript:`, …) is no link.
pub(crate) fn link(pdf: &str, endpoint: &str) -> Option<String> {
    if pdf.starts_with("https://") || pdf.starts_with("http://") {
        return Some(pdf.to_owned());
    }
    if !pdf.starts_with('/') || pdf.starts_with("//") {
        return None;
    }
    // A relative endpoint is on the page's origin, and so is a path.
    let origin = match endpoint.split_once("://") {
        Some((scheme, rest)) => &endpoint[..scheme.len() + 3 + rest.find('/').unwrap_or(rest.len())],
        None => "",
    };
    Some([origin, pdf].concat())
}

#[cfg(test)]
mod tests {
    use super::link;

    #[test]
    fn the_pdf_link_resolves_against_the_endpoint() {
        let path = "/api/v1/receipts/FL-1?token=ab";
        let cases = [
            (
                "https://formulare.example.de/api/v1/forms/hund/submissions",
                Some("https://formulare.example.de/api/v1/receipts/FL-1?token=ab"),
            ),
            ("http://127.0.0.1:8080", Some("http://127.0.0.1:8080/api/v1/receipts/FL-1?token=ab")),
            ("/api/submissions", Some(path)),
            ("api/submissions", Some(path)),
        ];
        for (endpoint, expected) in cases {
            assert_eq!(link(path, endpoint).as_deref(), expected, "{endpoint}");
        }
        assert_eq!(link("https://x.example/r.pdf", "/api").as_deref(), Some("https://x.example/r.pdf"));
        for hostile in ["javascript:alert(1)", "//evil.example/x", "data:application/pdf,x", "receipts/1"] {
            assert_eq!(link(hostile, "https://formulare.example.de/api"), None, "{hostile}");
        }
    }
}
