//! A value the form calculates (a fee): shown read-only, announced politely when it changes.

use crate::parts::{FieldShell, class_list};
use yew::prelude::*;

/// An `<output>` (role status, so a screen reader hears the new fee without losing its place),
/// labelled by the shell's label; it takes no input, so it needs no focus stop. `value` is
/// `None` while answers it needs are missing: then `pending` shows, unless in error. Its only
/// error is that the answers give no result (a division by zero, a number too large): then the
/// error summary's link must be able to move focus here, hence `tabindex="-1"`.
pub fn calculated_value(shell: &FieldShell, value: Option<AttrValue>, pending: AttrValue) -> Html {
    let label_id = format!("{}-label", shell.id);
    let invalid = shell.invalid();
    html! {
        <div ~className={class_list(&[Some("fl-field fl-calculated"), invalid.then_some("fl-field--error")])}>
            <p class="fl-label" id={label_id.clone()}>{shell.label.clone()}</p>
            {shell.messages()}
            <output class="fl-calculated__value" id={shell.id.clone()} tabindex={invalid.then_some("-1")} aria-labelledby={label_id} aria-describedby={shell.described_by()}>
                // In error there is no value, and "calculated once answered" would not be true.
                {value.or_else(|| (!invalid).then_some(pending))}
            </output>
        </div>
    }
}
