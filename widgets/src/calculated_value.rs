//! A value the form calculates (a fee): shown read-only, announced politely when it changes.

use crate::parts::FieldShell;
use yew::prelude::*;

/// An `<output>` (role status, so a screen reader hears the new fee without losing its place),
/// labelled by the shell's label; it takes no input, so it needs no focus stop. `value` is
/// `None` while answers it needs are missing: then `pending` shows.
pub fn calculated_value(shell: &FieldShell, value: Option<AttrValue>, pending: AttrValue) -> Html {
    let label_id = format!("{}-label", shell.id);
    // A value nobody typed has no error to show, only its hint.
    let shell = &FieldShell { error: None, ..shell.clone() };
    html! {
        <div class="fl-field fl-calculated">
            <p class="fl-label" id={label_id.clone()}>{shell.label.clone()}</p>
            {shell.messages()}
            <output class="fl-calculated__value" id={shell.id.clone()} aria-labelledby={label_id} aria-describedby={shell.described_by()}>
                {value.unwrap_or(pending)}
            </output>
        </div>
    }
}
