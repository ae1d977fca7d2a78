//! A date as three inputs, day, month and year (GOV.UK "date input"), in a fieldset whose
//! legend is the question.

use crate::parts::{Described, field_class, label_text};
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Which of the three inputs changed.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum DatePart {
    /// Tag.
    Day,
    /// Monat.
    Month,
    /// Jahr.
    Year,
}

/// Props of [`DateInput`].
#[derive(Properties, PartialEq, Clone)]
pub struct DateInputProps {
    /// Id prefix; the day input has this id (error links focus it), month and year add suffixes.
    pub id: AttrValue,
    /// The question, as the fieldset's legend.
    pub label: AttrValue,
    /// "(optional)".
    #[prop_or_default]
    pub optional_marker: Option<AttrValue>,
    /// Help, e.g. "Zum Beispiel 27 3 2007".
    #[prop_or_default]
    pub hint: Option<Html>,
    /// The error message.
    #[prop_or_default]
    pub error: Option<AttrValue>,
    /// "Fehler:".
    pub error_prefix: AttrValue,
    /// Labels of the three inputs: "Tag", "Monat", "Jahr".
    pub part_labels: [AttrValue; 3],
    /// The three values as typed.
    pub values: [AttrValue; 3],
    /// `bday` for a birthday: the inputs get `bday-day`, `bday-month`, `bday-year`.
    #[prop_or_default]
    pub autocomplete: Option<AttrValue>,
    /// Called with the part and its whole value on every change.
    pub oninput: Callback<(DatePart, String)>,
}

/// Three numeric inputs for a date.
#[function_component]
pub fn DateInput(props: &DateInputProps) -> Html {
    let described = Described::new(&props.id, props.hint.as_ref(), props.error.as_ref());
    let invalid = props.error.is_some();
    let parts = [
        (DatePart::Day, "", "day", 2),
        (DatePart::Month, "-month", "month", 2),
        (DatePart::Year, "-year", "year", 4),
    ];
    html! {
        <div class={field_class(invalid)}>
            <fieldset class="fl-fieldset" role="group" aria-describedby={described.by.clone()}>
                <legend class="fl-label">{label_text(&props.label, props.optional_marker.as_ref())}</legend>
                {described.render(props.hint.as_ref(), props.error.as_ref(), &props.error_prefix)}
                <div class="fl-date">
                    { for parts.iter().enumerate().map(|(i, (part, suffix, token, width))| {
                        let id = format!("{}{suffix}", props.id);
                        let part = *part;
                        let oninput = props.oninput.reform(move |event: InputEvent| {
                            let value = event.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()).map(|i| i.value()).unwrap_or_default();
                            (part, value)
                        });
                        html! {
                            <div class="fl-date__item">
                                <label class="fl-date__label" for={id.clone()}>{props.part_labels[i].clone()}</label>
                                <input
                                    class={classes!("fl-input", format!("fl-input--width-{width}"), invalid.then_some("fl-input--error"))}
                                    id={id.clone()}
                                    name={id}
                                    type="text"
                                    inputmode="numeric"
                                    value={props.values[i].clone()}
                                    autocomplete={props.autocomplete.as_ref().map(|a| format!("{a}-{token}"))}
                                    aria-invalid={invalid.then_some("true")}
                                    {oninput}
                                />
                            </div>
                        }
                    }) }
                </div>
            </fieldset>
        </div>
    }
}
