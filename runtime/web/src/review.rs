//! The review page ("Ihre Angaben prüfen"), and the answers it and the receipt show:
//! `formlotse_core::review` mapped to the presentational `SummaryList`.

use crate::assistant::Page;
use crate::state::Action;
use crate::texts::texts;
use formlotse_core::review::summary;
use formlotse_core::{Definition, Lang, Resolved};
use formlotse_widgets::{
    ActionsProps, StepHeadingProps, SummaryListProps, SummaryRow, SummarySection, actions, step_heading,
    summary_list,
};
use yew::prelude::*;

/// The review page: every answer with "Ändern", and "Absenden".
pub(crate) fn page(page: &Page) -> Html {
    let (state, lang, t) = (page.state, page.lang, texts(page.lang));
    let onchange = {
        let state = state.clone();
        Callback::from(move |(step, field): (usize, AttrValue)| {
            state.dispatch(Action::Change { step, field: field.to_string() });
        })
    };
    let list = SummaryListProps {
        sections: sections(&state.definition.0, page.resolved, lang),
        empty: t.not_given().into(),
        change: Some(t.change().into()),
        onchange,
        heading_level: 3,
    };
    let heading = StepHeadingProps {
        progress: None,
        title: t.review_title().into(),
        node_ref: page.heading_ref.clone(),
    };
    let buttons = ActionsProps {
        primary: t.send().into(),
        back: Some(t.back().into()),
        onback: page.onback.clone(),
        busy: matches!(state.sending, crate::state::Sending::InFlight { .. }),
    };
    html! {
        <form class="fl-form" novalidate=true onsubmit={page.onsubmit.clone()} aria-labelledby="fl-step-title">
            {step_heading(&heading)}
            {summary_list(&list)}
            <p class="fl-review-note">{t.review_note()}</p>
            {page.status.clone()}
            {actions(&buttons)}
        </form>
    }
}

/// Every step's answers as sections of a summary list, in the words of `lang`'s catalog.
pub(crate) fn sections(definition: &Definition, resolved: &Resolved, lang: Lang) -> Vec<SummarySection> {
    summary(definition, resolved, lang, texts(lang).catalog())
        .into_iter()
        .map(|step| SummarySection {
            index: step.step,
            title: step.title.into(),
            rows: step
                .rows
                .into_iter()
                .map(|row| SummaryRow {
                    key: row.field.clone().into(),
                    label: row.label.clone().into(),
                    changeable: row.changeable,
                    value: row.value.map(AttrValue::from),
                })
                .collect(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use formlotse_core::validation::resolve;
    use formlotse_core::{Answer, Answers, Context, Date};

    #[test]
    fn sections_carry_steps_rows_and_what_may_change() {
        let definition = formlotse_core::load(
            r#"{"formlotse": 1, "id": "f", "title": "F", "steps": [
                {"id": "a", "title": {"de": "Halter", "en": "Keeper"}, "fields": [
                    {"id": "name", "type": "text", "label": {"de": "Name", "en": "Name"}},
                    {"id": "tel", "type": "phone", "label": "Telefon", "required": false}]},
                {"id": "b", "title": "Gebühr", "fields": [
                    {"id": "gebuehr", "type": "calculated", "label": "Gebühr", "expression": "96", "format": "money"}]}]}"#,
        )
        .expect("loads"); // ok: test
        let mut answers = Answers::default();
        answers.set("name", Answer::Text("Jo".into()));
        let context = Context { lang: Lang::En, today: Date::new(2026, 11, 30).expect("date") }; // ok: test
        let sections = sections(&definition, &resolve(&definition, &answers, context), Lang::En);
        assert_eq!(sections.len(), 2);
        assert_eq!((sections[0].index, sections[0].title.as_str()), (0, "Keeper"));
        let rows = &sections[0].rows;
        assert_eq!((rows[0].key.as_str(), rows[0].label.as_str()), ("name", "Name"));
        assert_eq!(rows[0].value.as_deref(), Some("Jo"));
        assert!(rows[0].changeable);
        assert_eq!(rows[1].value, None, "an empty optional answer is shown as not given");
        let fee = &sections[1].rows[0];
        assert!(!fee.changeable, "a calculated value has no \"Change\"");
        assert!(fee.value.as_deref().is_some_and(|v| v.contains("96")), "{:?}", fee.value);
    }

    #[test]
    fn yes_and_no_are_in_the_citizens_language() {
        let definition = formlotse_core::load(
            r#"{"formlotse": 1, "id": "f", "title": "F", "languages": ["de", "uk"], "steps": [{"id": "a", "title": "A", "fields": [
                {"id": "hund", "type": "yesno", "label": "Hund?"}, {"id": "ok", "type": "checkbox", "label": "OK"}]}]}"#,
        )
        .expect("loads"); // ok: test
        let mut answers = Answers::default();
        answers.set("hund", Answer::Text("no".into()));
        answers.set("ok", Answer::Flag(true));
        let uk = crate::catalogs::register(include_str!("../../i18n/uk.json"));
        let context = Context { lang: uk, today: Date::new(2026, 11, 30).expect("date") }; // ok: test
        let values = |lang| {
            sections(&definition, &resolve(&definition, &answers, context), lang)[0]
                .rows
                .iter()
                .map(|row| row.value.as_deref().unwrap_or_default().to_owned())
                .collect::<Vec<_>>()
        };
        assert_eq!(values(uk), ["Ні", "Так"]);
        assert_eq!(values(Lang::De), ["Nein", "Ja"]);
    }
}
