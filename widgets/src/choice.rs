//! One option of a choice widget, as plain data.

use yew::AttrValue;

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
