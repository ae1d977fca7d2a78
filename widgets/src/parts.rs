//! The field shell every field widget shares: label, hint and error with their ids and
//! `aria-describedby`, in GOV.UK order. A widget takes one [`FieldShell`] instead of repeating
//! the same six props.

use yew::prelude::*;

/// What surrounds a field's input.
#[derive(Clone, PartialEq, Default, Debug)]
pub struct FieldShell {
    /// The input's id (the first input's, for a group of inputs); the label, hint and error
    /// derive theirs from it.
    pub id: AttrValue,
    /// The visible label, or the legend of a group of inputs.
    pub label: AttrValue,
    /// Shown after the label of a field that may stay empty, e.g. "(optional)".
    pub optional_marker: Option<AttrValue>,
    /// Help between label and input.
    pub hint: Option<Html>,
    /// The error message, when the answer is not accepted.
    pub error: Option<AttrValue>,
    /// The visually hidden word before an error, e.g. "Fehler:".
    pub error_prefix: AttrValue,
}

impl FieldShell {
    /// Whether an error shows.
    pub fn invalid(&self) -> bool {
        self.error.is_some()
    }

    /// The ids of hint and error for `aria-describedby`, or `None` when there is neither.
    pub(crate) fn described_by(&self) -> Option<String> {
        self.described_by_after(String::new())
    }

    /// `ids` (space-separated, may be empty) followed by the ids of hint and error, for
    /// `aria-describedby`; `None` when that is nothing.
    pub(crate) fn described_by_after(&self, mut ids: String) -> Option<String> {
        for (shown, suffix) in [(self.hint.is_some(), "-hint"), (self.error.is_some(), "-error")] {
            if shown {
                if !ids.is_empty() {
                    ids.push(' ');
                }
                ids.push_str(&self.id);
                ids.push_str(suffix);
            }
        }
        (!ids.is_empty()).then_some(ids)
    }

    /// The hint and the error message, in the order GOV.UK places them.
    pub(crate) fn messages(&self) -> Html {
        html! {
            <>
                if let Some(hint) = &self.hint {
                    <div class="fl-hint" id={format!("{}-hint", self.id)}>{hint.clone()}</div>
                }
                if let Some(error) = &self.error {
                    <p class="fl-error-message" id={format!("{}-error", self.id)}>
                        <span class="fl-visually-hidden">{self.error_prefix.clone()}{" "}</span>{error.clone()}
                    </p>
                }
            </>
        }
    }

    /// The label text with the optional marker, e.g. "Telefon (optional)".
    pub(crate) fn label_text(&self) -> Html {
        html! {
            <>
                {self.label.clone()}
                if let Some(marker) = &self.optional_marker {
                    {" "}<span class="fl-optional">{marker.clone()}</span>
                }
            </>
        }
    }

    /// A `<label for>` and the messages: the top of a single-input field.
    pub(crate) fn label_and_messages(&self) -> Html {
        html! {
            <>
                <label class="fl-label" for={self.id.clone()}>{self.label_text()}</label>
                {self.messages()}
            </>
        }
    }

    /// `aria-required` for an input whose answer is needed.
    pub(crate) fn aria_required(&self) -> Option<&'static str> {
        self.optional_marker.is_none().then_some("true")
    }

    /// `aria-invalid` while an error shows.
    pub(crate) fn aria_invalid(&self) -> Option<&'static str> {
        self.invalid().then_some("true")
    }

    /// The outer box, marked while an error shows, around `content`.
    pub(crate) fn field(&self, content: Html) -> Html {
        html! { <div ~className={class_list(&[Some("fl-field"), self.invalid().then_some("fl-field--error")])}>{content}</div> }
    }

    /// A fieldset whose legend is the question, for a group of inputs (radios, checkboxes,
    /// date parts); `role` is set for the date's group.
    pub(crate) fn fieldset(&self, role: Option<&'static str>, inputs: Html) -> Html {
        self.field(html! {
            <fieldset class="fl-fieldset" {role} aria-describedby={self.described_by()}>
                <legend class="fl-label">{self.label_text()}</legend>
                {self.messages()}
                {inputs}
            </fieldset>
        })
    }
}

/// A class list: the names given, in order, space-separated. Widgets set it as the `className`
/// property (`~className`), not as `class={..}`: yew turns every dynamic `class` into its
/// `Classes`, an `IndexSet` that brought a second hash table implementation into the wasm.
/// An element that yew may reuse must always get its class the same way: when a vnode drops
/// the `className` property, yew sets it to `undefined` (the class "undefined").
pub(crate) fn class_list(names: &[Option<&str>]) -> String {
    let mut list = String::new();
    for name in names.iter().flatten() {
        if !list.is_empty() {
            list.push(' ');
        }
        list.push_str(name);
    }
    list
}

#[cfg(test)]
mod tests {
    use super::{FieldShell, class_list};

    #[test]
    fn class_list_joins_the_names_given() {
        assert_eq!(
            class_list(&[Some("fl-input"), None, Some("fl-input--error")]),
            "fl-input fl-input--error"
        );
        assert_eq!(class_list(&[None, Some("fl-field")]), "fl-field");
    }

    #[test]
    fn described_by_names_hint_and_error_when_there() {
        let mut shell = FieldShell { id: "fl-field-a".into(), ..FieldShell::default() };
        assert_eq!(shell.described_by(), None);
        shell.hint = Some(yew::Html::default());
        assert_eq!(shell.described_by().as_deref(), Some("fl-field-a-hint"));
        shell.error = Some("Pflicht".into());
        assert_eq!(shell.described_by().as_deref(), Some("fl-field-a-hint fl-field-a-error"));
        assert_eq!((shell.aria_invalid(), shell.aria_required()), (Some("true"), Some("true")));
        shell.optional_marker = Some("(optional)".into());
        assert_eq!(shell.aria_required(), None);
    }

    #[test]
    fn described_by_puts_the_units_first_then_hint_and_error() {
        // What a screen reader reads after the label, in this order: "€", "pro Jahr", the hint,
        // the error (text_field passes its prefix and suffix ids first).
        let mut shell = FieldShell { id: "f".into(), ..FieldShell::default() };
        let cases: [(&str, bool, bool, Option<&str>); 6] = [
            ("", false, false, None),
            ("f-prefix", false, false, Some("f-prefix")),
            ("f-prefix f-suffix", true, false, Some("f-prefix f-suffix f-hint")),
            ("f-suffix", false, true, Some("f-suffix f-error")),
            ("f-prefix f-suffix", true, true, Some("f-prefix f-suffix f-hint f-error")),
            ("", true, true, Some("f-hint f-error")),
        ];
        for (units, hint, error, expected) in cases {
            shell.hint = hint.then(yew::Html::default);
            shell.error = error.then(|| "Pflicht".into());
            assert_eq!(
                shell.described_by_after(units.to_owned()).as_deref(),
                expected,
                "{units} {hint} {error}"
            );
        }
    }
}
