//! The language switch: every language the definition is written in, each named in itself.

use crate::catalogs;
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
        Callback::from(move |tag: AttrValue| choose(&state, Lang::from_tag(&tag)))
    };
    language_switch(&LanguageSwitchProps {
        label: texts(lang).language_label().into(),
        choices,
        current: lang.tag().to_owned().into(),
        onchoose,
    })
}

/// Switches to `lang`, fetching its catalog first if the page does not have it yet (the words
/// change once, when they are there). Step, answers and focus stay.
pub(crate) fn choose(state: &UseReducerHandle<AssistantState>, lang: Lang) {
    state.dispatch(Action::SetLang(lang));
    if !catalogs::is_known(lang) {
        let dispatcher = state.dispatcher();
        wasm_bindgen_futures::spawn_local(async move {
            catalogs::load(lang).await;
            dispatcher.dispatch(Action::CatalogLoaded(lang));
        });
    }
}

/// The definition's languages (any BCP 47 tag), each named in itself.
fn choices(definition: &Definition) -> Vec<LanguageChoice> {
    definition
        .languages
        .iter()
        .filter_map(|tag| Lang::parse(tag))
        .map(|lang| LanguageChoice { tag: lang.tag().to_owned().into(), name: name(lang).into() })
        .collect()
}

/// A language's name in itself, as a citizen looks for it (the switch names languages before
/// their catalogs are fetched); the tag for a language not listed.
fn name(lang: Lang) -> String {
    let known = match lang.tag() {
        "de" => "Deutsch",
        "de-x-ls" => "Leichte Sprache",
        "en" => "English",
        "uk" => "Українська",
        "ar" => "العربية",
        "tr" => "Türkçe",
        "ru" => "Русский",
        "pl" => "Polski",
        "cs" => "Čeština",
        "hsb" => "Hornjoserbšćina",
        tag => return tag.to_owned(),
    };
    known.to_owned()
}

#[cfg(test)]
mod tests {
    use super::choices;

    #[test]
    fn every_language_of_the_definition_is_offered_by_its_own_name() {
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
        assert_eq!(
            names(r#"["de", "de-x-ls", "uk", "ar", "fr"]"#),
            ["de Deutsch", "de-x-ls Leichte Sprache", "uk Українська", "ar العربية", "fr fr"]
        );
    }
}
