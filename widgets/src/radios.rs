//! Radio buttons for one of a few options, and for yes/no (GOV.UK "radios"): a fieldset whose
//! legend is the question. Arrow keys move between the options, as browsers do for radios.

use crate::choice::ChoiceItem;
use crate::parts::{Described, field_class, label_text};
use yew::prelude::*;

/// Props of [`Radios`].
#[derive(Properties, PartialEq, Clone)]
pub struct RadiosProps {
    /// Id prefix; the first radio has this id (error links focus it).
    pub id: AttrValue,
    /// The question.
    pub label: AttrValue,
    /// "(optional)".
    #[prop_or_default]
    pub optional_marker: Option<AttrValue>,
    /// Help.
    #[prop_or_default]
    pub hint: Option<Html>,
    /// The error message.
    #[prop_or_default]
    pub error: Option<AttrValue>,
    /// "Fehler:".
    pub error_prefix: AttrValue,
    /// The options.
    pub options: Vec<ChoiceItem>,
    /// The chosen value, or empty.
    pub value: AttrValue,
    /// Two options side by side (yes/no).
    #[prop_or_default]
    pub inline: bool,
    /// Called with the chosen value.
    pub onchange: Callback<String>,
}

/// A group of radio buttons.
#[function_component]
pub fn Radios(props: &RadiosProps) -> Html {
    let described = Described::new(&props.id, props.hint.as_ref(), props.error.as_ref());
    let invalid = props.error.is_some();
    html! {
        <div class={field_class(invalid)}>
            <fieldset class="fl-fieldset" aria-describedby={described.by.clone()}>
                <legend class="fl-label">{label_text(&props.label, props.optional_marker.as_ref())}</legend>
                {described.render(props.hint.as_ref(), props.error.as_ref(), &props.error_prefix)}
                <div class={classes!("fl-choices", props.inline.then_some("fl-choices--inline"))}>
                    { for props.options.iter().enumerate().map(|(i, option)| {
                        let id = if i == 0 { props.id.to_string() } else { format!("{}-{i}", props.id) };
                        let hint_id = format!("{id}-hint");
                        let value = option.value.to_string();
                        let onchange = props.onchange.reform(move |_: Event| value.clone());
                        html! {
                            <div class="fl-choice">
                                <input
                                    class="fl-choice__input"
                                    type="radio"
                                    id={id.clone()}
                                    name={props.id.clone()}
                                    value={option.value.clone()}
                                    checked={option.value == props.value}
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
            </fieldset>
        </div>
    }
}
