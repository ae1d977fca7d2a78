//! The language switch, shown when a definition offers several languages. Each choice is
//! written in its own language and marked with `lang`, so a screen reader pronounces it right.

use yew::prelude::*;

/// One language.
#[derive(Clone, PartialEq, Debug)]
pub struct LanguageChoice {
    /// BCP 47 tag, e.g. "de".
    pub tag: AttrValue,
    /// Its name in itself, e.g. "Deutsch", "English".
    pub name: AttrValue,
}

/// Props of [`language_switch`].
#[derive(PartialEq, Clone, Default)]
pub struct LanguageSwitchProps {
    /// The name of the navigation landmark, e.g. "Sprache".
    pub label: AttrValue,
    /// The languages on offer.
    pub choices: Vec<LanguageChoice>,
    /// The tag of the current language.
    pub current: AttrValue,
    /// Called with the chosen tag.
    pub onchoose: Callback<AttrValue>,
}

/// Buttons, one per language; the current one is pressed.
pub fn language_switch(props: &LanguageSwitchProps) -> Html {
    html! {
        <nav class="fl-languages" aria-label={props.label.clone()}>
            <ul class="fl-languages__list">
                { for props.choices.iter().map(|choice| {
                    let current = choice.tag == props.current;
                    let onclick = {
                        let (onchoose, tag) = (props.onchoose.clone(), choice.tag.clone());
                        Callback::from(move |_: MouseEvent| onchoose.emit(tag.clone()))
                    };
                    html! {
                        <li key={choice.tag.to_string()}>
                            <button type="button" class="fl-link-button" lang={choice.tag.clone()}
                                aria-pressed={if current { "true" } else { "false" }} {onclick}>
                                {choice.name.clone()}
                            </button>
                        </li>
                    }
                }) }
            </ul>
        </nav>
    }
}
