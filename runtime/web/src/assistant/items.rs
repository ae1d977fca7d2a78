//! A step's items as Html: fields (each its own [`FieldHost`]), groups as fieldsets,
//! repeatable groups with their items, and content blocks. Reads the logic in place; owns no
//! state (an added or removed item goes to the assistant as an [`ItemsChange`]).

use crate::field_host::{FieldHost, FieldHostProps, Fields};
use crate::markup;
use crate::state::{AssistantState, Shared};
use crate::texts::texts;
use formlotse_core::definition::{Condition, Content, ContentKind, Repeat};
use formlotse_core::{Field, Item, Lang, Resolved, path};
use formlotse_widgets::{
    ContentBlockProps, ContentStyle, FieldsetProps, RepeatGroupProps, RepeatItem, content_block as block,
    fieldset, repeat_group,
};
use std::rc::Rc;
use yew::prelude::*;
use yew::virtual_dom::VComp;

/// What rendering a step's items needs.
pub(crate) struct ItemContext<'a> {
    pub(crate) state: &'a AssistantState,
    pub(crate) fields: &'a Shared<Fields>,
    pub(crate) resolved: &'a Resolved,
    pub(crate) lang: Lang,
    pub(crate) items_changed: &'a Callback<ItemsChange>,
}

/// An item of a repeatable group added or removed.
pub(crate) enum ItemsChange {
    /// An item added to the repeatable group with this id.
    Add(AttrValue),
    /// The item at this index removed from the repeatable group with this id.
    Remove(AttrValue, usize),
}

/// The shown fields, groups (as fieldsets), repeatable groups and content blocks, in order;
/// `scope` is the item of a repeatable group they belong to, if any.
pub(crate) fn render_items(items: &[Item], context: &ItemContext, scope: Option<(&Repeat, usize)>) -> Html {
    let (lang, resolved) = (context.lang, context.resolved);
    let definition = &context.state.definition.0;
    let at = scope.map(|(repeat, index)| (repeat.id.as_str(), index));
    let shows = |condition: Option<&Condition>| resolved.holds_at(definition, condition, at);
    let path_of = |id: &str| match scope {
        Some((repeat, index)) => path::item(&repeat.id, index, id),
        None => id.to_owned(),
    };
    items
        .iter()
        .filter(|item| match item {
            Item::Field(field) => !resolved.is_hidden(&path_of(&field.id)),
            Item::Group(group) => shows(group.visible_if.as_ref()),
            Item::Repeat(repeat) => matches!(resolved.values().get(&repeat.id), Some(Ok(Some(_)))),
            Item::Content(content) => shows(content.visible_if.as_ref()),
        })
        .map(|item| match item {
            Item::Field(field) => {
                let path = path_of(&field.id);
                let error = context.state.errors.iter().find(|e| e.path == path).map(|e| e.violation.clone());
                let error = (error, context.state.refused);
                let calculated = resolved.calculated(&path).map(|v| {
                    AttrValue::from(formlotse_core::review::display(field, v, lang, texts(lang).catalog()))
                });
                // Inside items, the inputs are made afresh when items move (see `items`).
                let key = match scope {
                    Some(_) => format!("{path}~{}", context.state.items),
                    None => path.clone(),
                };
                // A `requiredIf` that holds now: the field is required, and says so (no
                // "(optional)"); the step re-renders when the condition changes.
                let required = resolved.is_required_at(definition, field, at);
                let props = FieldHostProps {
                    fields: context.fields.clone(),
                    path: path.into(),
                    required,
                    hidden_choices: hidden_choices(field, &shows),
                    error,
                    lang,
                    calculated,
                };
                // The props made directly: `html!`'s props builder is code for each prop.
                VComp::new::<FieldHost>(Rc::new(props), Some(key.into())).into()
            }
            Item::Group(group) => fieldset(&FieldsetProps {
                key: path_of(&group.id).into(),
                id: format!("fl-group-{}", path_of(&group.id)).into(),
                legend: group.legend.get(lang).to_owned().into(),
                hint: group.hint.as_ref().map(|h| markup::hint(h.get(lang), lang)),
                children: render_items(&group.items, context, scope),
            }),
            Item::Repeat(repeat) => render_repeat(repeat, context),
            Item::Content(content) => content_block(content, lang),
        })
        .collect()
}

/// A heading, paragraph, info or warning of the definition.
fn content_block(content: &Content, lang: Lang) -> Html {
    let style = match content.kind {
        ContentKind::Heading => ContentStyle::Heading,
        ContentKind::Paragraph => ContentStyle::Paragraph,
        ContentKind::Info => ContentStyle::Info,
        ContentKind::Warning => ContentStyle::Warning,
    };
    let text = content.text.get(lang);
    let text = if style == ContentStyle::Heading {
        html! { {text.to_owned()} }
    } else {
        markup::blocks(text, lang)
    };
    block(&ContentBlockProps { style, text, warning_prefix: Some(texts(lang).warning_prefix().into()) })
}

/// A repeatable group: each item's questions in its own fieldset, with remove and add buttons
/// within `minItems` and `maxItems`.
fn render_repeat(repeat: &Repeat, context: &ItemContext) -> Html {
    let (lang, t) = (context.lang, texts(context.lang));
    let count = context.resolved.items(&repeat.id);
    let items: Vec<RepeatItem> = (0..count)
        .map(|index| {
            let legend = repeat.item_label(index, lang);
            RepeatItem {
                remove: (count > repeat.min_items).then(|| AttrValue::from(t.remove_item(&legend))),
                legend: legend.into(),
                content: render_items(&repeat.items, context, Some((repeat, index))),
            }
        })
        .collect();
    let add = (count < repeat.max_items).then(|| {
        AttrValue::from(repeat.add_label.as_ref().map_or(t.add_item(), |label| label.get(lang)).to_owned())
    });
    // The callbacks name the group: the definition it belongs to is the assistant's.
    let group = AttrValue::from(repeat.id.clone());
    let onadd = {
        let (group, items_changed) = (group.clone(), context.items_changed.clone());
        Callback::from(move |()| items_changed.emit(ItemsChange::Add(group.clone())))
    };
    let onremove = {
        let (group, items_changed) = (group.clone(), context.items_changed.clone());
        Callback::from(move |index: usize| items_changed.emit(ItemsChange::Remove(group.clone(), index)))
    };
    repeat_group(&RepeatGroupProps {
        key: group.clone(),
        id: format!("fl-group-{}", repeat.id).into(),
        legend: repeat.legend.get(lang).to_owned().into(),
        hint: repeat.hint.as_ref().map(|h| markup::hint(h.get(lang), lang)),
        items,
        add,
        onadd,
        onremove,
    })
}

/// The indices of the field's choices not offered now (options may have a `visibleIf`).
fn hidden_choices(field: &Field, shows: &dyn Fn(Option<&Condition>) -> bool) -> Vec<usize> {
    let choices = field.kind.choices().unwrap_or_default();
    (0..choices.len()).filter(|&index| !shows(choices[index].visible_if.as_ref())).collect()
}
