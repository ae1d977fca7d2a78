//! The language switch, when the definition offers more than one language the runtime speaks.

use crate::state::{Action, AssistantState};
use crate::texts::texts;
use formlotse_core::{Definition, Lang};
use formlotse_widgets::{LanguageChoice, LanguageSwitchProps, language_switch};
use yew::prelude::*;

/// The switch; nothing when fewer than two languages are on offer.
pub(crate) fn switch(definition: &Definition, lang: Lang, state: &UseReducerHandle<AssistantState>) -> Html {
    let choices = choices(definition);
    if choices.len() < 2 {
        return Html::default();
    }
    let onchoose = {
        let state = state.clone();
        Callback::from(move |tag: AttrValue| state.dispatch(Action::SetLang(Lang::from_tag(&tag))))
    };
    language_switch(&LanguageSwitchProps {
        label: texts(lang).language_label.into(),
        choices,
        current: lang.tag().into(),
        onchoose,
    })
}

/// The definition's languages that the runtime speaks, each named in itself.
fn choices(definition: &Definition) -> Vec<LanguageChoice> {
    definition
        .languages
        .iter()
        .filter_map(|tag| match Lang::from_tag(tag) {
            Lang::De if tag.eq_ignore_ascii_case("de") => Some(Lang::De),
            Lang::En => Some(Lang::En),
            Lang::De => None,
        })
        .map(|choice| LanguageChoice { tag: choice.tag().into(), name: texts(choice).language_name.into() })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::choices;

    #[test]
    fn only_languages_the_runtime_speaks_are_offered() {
        let form = |languages: &str| {
            formlotse_core::load(&format!(
                r#"{{"formlotse": 1, "id": "f", "title": "F", "languages": {languages},
                    "steps": [{{"id": "s", "title": "S", "fields": [{{"id": "a", "type": "text", "label": "A"}}]}}]}}"#
            ))
            .expect("loads") // ok: test
        };
        let names = |languages| {
            choices(&form(languages)).into_iter().map(|c| format!("{} {}", c.tag, c.name)).collect::<Vec<_>>()
        };
        assert_eq!(names(r#"["de", "en"]"#), ["de Deutsch", "en English"]);
        assert_eq!(names(r#"["de", "fr"]"#), ["de Deutsch"]);
    }
}
