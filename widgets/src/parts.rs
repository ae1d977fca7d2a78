//! The pieces every field widget shares: hint and error ids, `aria-describedby`, and the
//! hint/error markup between label and input (GOV.UK order).

use yew::prelude::*;

/// Hint, error and the ids that tie them to the input.
pub(crate) struct Described {
    pub(crate) hint_id: String,
    pub(crate) error_id: String,
    /// The value for `aria-describedby`, or `None` when there is nothing to describe.
    pub(crate) by: Option<String>,
}

impl Described {
    pub(crate) fn new(id: &str, hint: Option<&Html>, error: Option<&AttrValue>) -> Described {
        let hint_id = format!("{id}-hint");
        let error_id = format!("{id}-error");
        let by: Vec<&str> = [hint.map(|_| hint_id.as_str()), error.map(|_| error_id.as_str())]
            .into_iter()
            .flatten()
            .collect();
        let by = (!by.is_empty()).then(|| by.join(" "));
        Described { hint_id, error_id, by }
    }

    /// The hint and the error message, in the order GOV.UK places them.
    pub(crate) fn render(
        &self,
        hint: Option<&Html>,
        error: Option<&AttrValue>,
        error_prefix: &AttrValue,
    ) -> Html {
        html! {
            <>
                if let Some(hint) = hint {
                    <div class="fl-hint" id={self.hint_id.clone()}>{hint.clone()}</div>
                }
                if let Some(error) = error {
                    <p class="fl-error-message" id={self.error_id.clone()}>
                        <span class="fl-visually-hidden">{error_prefix.clone()}{" "}</span>{error.clone()}
                    </p>
                }
            </>
        }
    }
}

/// The label text with the optional marker, e.g. "Telefon (optional)".
pub(crate) fn label_text(label: &AttrValue, optional_marker: Option<&AttrValue>) -> Html {
    html! {
        <>
            {label.clone()}
            if let Some(marker) = optional_marker {
                {" "}<span class="fl-optional">{marker.clone()}</span>
            }
        </>
    }
}

/// The class of a field's outer box.
pub(crate) fn field_class(invalid: bool) -> Classes {
    classes!("fl-field", invalid.then_some("fl-field--error"))
}
