//! Radio buttons for one of a few options, and for yes/no (GOV.UK "radios"): a fieldset whose
//! legend is the question. Arrow keys move between the options, as browsers do for radios.

use crate::choice::ChoiceItem;
use crate::parts::FieldShell;
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
            <div class={classes!("fl-choices", inline.then_some("fl-choices--inline"))}>
                { for options.iter().enumerate().map(|(i, option)| {
                    let id = if i == 0 { shell.id.to_string() } else { format!("{}-{i}", shell.id) };
                    let hint_id = format!("{id}-hint");
                    let chosen = option.value.to_string();
                    let onchange = onchange.reform(move |_: Event| chosen.clone());
                    html! {
                        <div class="fl-choice">
                            <input
                                class="fl-choice__input"
                                type="radio"
                                id={id.clone()}
                                name={shell.id.clone()}
                                value={option.value.clone()}
                                checked={option.value == *value}
                                aria-describedby={option.hint.as_ref().map(|_| hint_id.clone())}
                                {onchange}
                            />
                            <label class="fl-choice__label" for={id}>{option.label.clone()}</label>
                            if let Some(hint) = &option.hint {
                                <div class="fl-hint fl-choice__hint" id={hint_id}>{hint.clone()}</div>
                            }
                        </div>
                    }
                }) }
            </div>
        },
    )
}
