//! One option of a choice widget, as plain data.

use crate::parts::FieldShell;
use yew::prelude::*;

/// An option: its value and what the citizen reads.
#[derive(Clone, PartialEq, Debug)]
pub struct ChoiceItem {
    /// The value reported when chosen.
    pub value: AttrValue,
    /// The visible text.
    pub label: AttrValue,
    /// Help under the option.
    pub hint: Option<AttrValue>,
}

/// The inputs of a radio or checkbox group (`input_type`): one `fl-choice` per option with its
/// label and hint, named by the shell's id; the first input has the shell's id (error links
/// focus it), the others `{id}-{i}`.
pub(crate) fn choice_inputs(
    shell: &FieldShell,
    input_type: &'static str,
    options: &[ChoiceItem],
    is_checked: &dyn Fn(&ChoiceItem) -> bool,
    onchange: &dyn Fn(&ChoiceItem) -> Callback<Event>,
) -> Html {
    options
        .iter()
        .enumerate()
        .map(|(i, option)| {
            let id = if i == 0 { shell.id.to_string() } else { format!("{}-{i}", shell.id) };
            let hint_id = format!("{id}-hint");
            html! {
                <div class="fl-choice">
                    <input
                        class="fl-choice__input"
                        type={input_type}
                        id={id.clone()}
                        name={shell.id.clone()}
                        value={option.value.clone()}
                        checked={is_checked(option)}
                        aria-describedby={option.hint.as_ref().map(|_| hint_id.clone())}
                        onchange={onchange(option)}
                    />
                    <label class="fl-choice__label" for={id}>{option.label.clone()}</label>
                    if let Some(hint) = &option.hint {
                        <div class="fl-hint fl-choice__hint" id={hint_id}>{hint.clone()}</div>
                    }
                </div>
            }
        })
        .collect()
}
