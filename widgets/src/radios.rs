//! Radio buttons for one of a few options, and for yes/no (GOV.UK "radios"): a fieldset whose
//! legend is the question. Arrow keys move between the options, as browsers do for radios.

use crate::choice::{ChoiceItem, choice_inputs};
use crate::parts::{FieldShell, class_list};
use yew::prelude::*;

/// A group of radio buttons with `value` chosen (or none, when empty); the first radio has the
/// shell's id (error links focus it). `inline` puts two options side by side (yes/no).
pub fn radios(
    shell: &FieldShell,
    options: &[ChoiceItem],
    value: &AttrValue,
    inline: bool,
    onchange: &Callback<String>,
) -> Html {
    shell.fieldset(
        None,
        html! {
            <div ~className={class_list(&[Some("fl-choices"), inline.then_some("fl-choices--inline")])}>
                {choice_inputs(shell, "radio", options, &|option| option.value == *value, &|option| {
                    let chosen = option.value.to_string();
                    onchange.reform(move |_: Event| chosen.clone())
                })}
            </div>
        },
    )
}
