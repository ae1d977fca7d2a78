//! A repeatable group (GOV.UK "add another"): a fieldset per item with its own legend
//! ("Hund 2") and a remove button, and an add button after the last.

use yew::prelude::*;

/// One item of a [`repeat_group`].
#[derive(Clone, PartialEq)]
pub struct RepeatItem {
    /// The item's legend, e.g. "Hund 2".
    pub legend: AttrValue,
    /// Its questions.
    pub content: Html,
    /// The remove button's text ("Hund 2 entfernen"); no button when the group is at its minimum.
    pub remove: Option<AttrValue>,
}

/// Props of [`repeat_group`].
#[derive(PartialEq, Clone, Default)]
pub struct RepeatGroupProps {
    /// Its key among the step's items.
    pub key: AttrValue,
    /// The group's id, for the hint's id.
    pub id: AttrValue,
    /// The legend of the whole group.
    pub legend: AttrValue,
    /// Help under the legend.
    pub hint: Option<Html>,
    /// The items, in order.
    pub items: Vec<RepeatItem>,
    /// The add button's text; no button when the group is at its maximum.
    pub add: Option<AttrValue>,
    /// The add button was pressed.
    pub onadd: Callback<()>,
    /// The remove button of the item at this index was pressed.
    pub onremove: Callback<usize>,
}

/// Nested fieldsets, so a screen reader announces "Hunde, Hund 2, Name des Hundes". The
/// buttons are `type="button"`: they never submit the step.
pub fn repeat_group(props: &RepeatGroupProps) -> Html {
    let hint_id = format!("{}-hint", props.id);
    let items = props.items.iter().enumerate().map(|(index, item)| {
        let onclick = props.onremove.reform(move |_: MouseEvent| index);
        html! {
            <fieldset class="fl-fieldset fl-repeat__item" key={index}>
                <legend class="fl-repeat__legend">{item.legend.clone()}</legend>
                {item.content.clone()}
                if let Some(remove) = &item.remove {
                    <button type="button" class="fl-button fl-button--secondary fl-repeat__remove" {onclick}>
                        {remove.clone()}
                    </button>
                }
            </fieldset>
        }
    });
    html! {
        <fieldset key={props.key.to_string()} class="fl-fieldset fl-group fl-repeat" aria-describedby={props.hint.as_ref().map(|_| hint_id.clone())}>
            <legend class="fl-group__legend">{props.legend.clone()}</legend>
            if let Some(hint) = &props.hint {
                <div class="fl-hint" id={hint_id}>{hint.clone()}</div>
            }
            { for items }
            if let Some(add) = &props.add {
                <button type="button" class="fl-button fl-button--secondary fl-repeat__add" onclick={props.onadd.reform(|_: MouseEvent| ())}>
                    {add.clone()}
                </button>
            }
        </fieldset>
    }
}
