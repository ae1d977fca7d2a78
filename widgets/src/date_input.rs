//! A date as three inputs, day, month and year (GOV.UK "date input"), in a fieldset whose
//! legend is the question.

use crate::parts::{FieldShell, class_list};
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

/// What a date input has beyond its [`FieldShell`] (whose id is the day input's; month and
/// year add suffixes).
#[derive(PartialEq, Clone)]
pub struct DateParts {
    /// Labels of the three inputs: "Tag", "Monat", "Jahr".
    pub labels: [AttrValue; 3],
    /// The three values as typed.
    pub values: [AttrValue; 3],
    /// `bday` for a birthday: the inputs get `bday-day`, `bday-month`, `bday-year`.
    pub autocomplete: Option<AttrValue>,
    /// Called with the part and its whole value on every change.
    pub oninput: Callback<(DatePart, String)>,
}

/// Three numeric inputs for a date.
pub fn date_input(shell: &FieldShell, props: &DateParts) -> Html {
    let invalid = shell.invalid();
    let parts = [
        (DatePart::Day, "", "day", 2),
        (DatePart::Month, "-month", "month", 2),
        (DatePart::Year, "-year", "year", 4),
    ];
    shell.fieldset(
        Some("group"),
        html! {
            <div class="fl-date">
                { for parts.iter().enumerate().map(|(i, (part, suffix, token, width))| {
                    let id = format!("{}{suffix}", shell.id);
                    let part = *part;
                    let oninput = props.oninput.reform(move |event: InputEvent| {
                        let value = event.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()).map(|i| i.value()).unwrap_or_default();
                        (part, value)
                    });
                    html! {
                        <div class="fl-date__item">
                            <label class="fl-date__label" for={id.clone()}>{props.labels[i].clone()}</label>
                            <input
                                ~className={class_list(&[Some("fl-input"), Some(&format!("fl-input--width-{width}")), invalid.then_some("fl-input--error")])}
                                id={id.clone()}
                                name={id}
                                type="text"
                                inputmode="numeric"
                                value={props.values[i].clone()}
                                autocomplete={props.autocomplete.as_ref().map(|a| format!("{a}-{token}"))}
                                aria-invalid={shell.aria_invalid()}
                                {oninput}
                            />
                        </div>
                    }
                }) }
            </div>
        },
    )
}
