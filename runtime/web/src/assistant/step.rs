//! A step page: the form's description (first step), the error summary, "Schritt x von y",
//! the step's items and the buttons.

use super::Page;
use super::items::{ItemContext, ItemsChange, render_items};
use crate::field_host::{Fields, input_id};
use crate::markup;
use crate::state::Shared;
use crate::texts::texts;
use formlotse_core::{Definition, FieldError, Lang, Resolved, messages};
use formlotse_widgets::{
    ActionsProps, ErrorLink, ErrorSummaryProps, StepHeadingProps, actions, error_summary, step_heading,
};
use yew::prelude::*;

/// The page of the current step.
pub(crate) fn page(
    page: &Page,
    summary_ref: NodeRef,
    fields: &Shared<Fields>,
    items_changed: &Callback<ItemsChange>,
) -> Html {
    let (state, lang, t) = (page.state, page.lang, texts(page.lang));
    let definition = &state.definition.0;
    let index = state.flow.step();
    let Some(step) = definition.steps.get(index) else {
        return Html::default();
    };
    let error_links = error_links(definition, &state.errors, lang);
    let (position, of) = progress(definition, page.resolved, index);
    let items = ItemContext { state, fields, resolved: page.resolved, lang, items_changed };
    let heading = StepHeadingProps {
        progress: Some(t.progress(position, of).into()),
        title: step.title.get(lang).to_owned().into(),
        node_ref: page.heading_ref.clone(),
    };
    let buttons = ActionsProps {
        primary: t.next().into(),
        back: (position > 1).then_some(AttrValue::from(t.back())),
        onback: page.onback.clone(),
        busy: false,
    };
    html! {
        <>
            if let (0, Some(description)) = (index, &definition.description) {
                <div class="fl-description">{markup::blocks(description.get(lang), lang)}</div>
            }
            if !error_links.is_empty() {
                {error_summary(&ErrorSummaryProps { title: t.error_summary_title().into(), errors: error_links, node_ref: summary_ref })}
            }
            <form key={state.generation} class="fl-form" novalidate=true onsubmit={page.onsubmit.clone()} aria-labelledby="fl-step-title">
                {step_heading(&heading)}
                { render_items(&step.items, &items, None) }
                {page.status.clone()}
                {actions(&buttons)}
            </form>
        </>
    }
}

/// The error summary's links: each error's message, pointing at its input.
pub(crate) fn error_links(definition: &Definition, errors: &[FieldError], lang: Lang) -> Vec<ErrorLink> {
    let words = texts(lang).catalog();
    errors
        .iter()
        .filter_map(|error| {
            let (field, _) = definition.field_at(&error.path)?;
            Some(ErrorLink {
                target: input_id(&error.path).into(),
                message: messages::for_field(definition, field, &error.violation, lang, words).into(),
            })
        })
        .collect()
}

/// "Schritt 3 von 4": the step's place among the shown steps, from 1. Hidden steps are not
/// counted, even when a fifth is skipped.
pub(crate) fn progress(definition: &Definition, resolved: &Resolved, index: usize) -> (usize, usize) {
    let shown: Vec<usize> = (0..definition.steps.len())
        .filter(|&i| i == index || resolved.shows_step(&definition.steps[i]))
        .collect();
    let position = shown.iter().position(|&i| i == index).unwrap_or(0);
    (position + 1, shown.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use formlotse_core::validation::resolve;
    use formlotse_core::{Answer, Answers, Context, Date, Violation};

    const FORM: &str = r#"{"formlotse": 1, "id": "hund", "title": "Hund", "steps": [
        {"id": "a", "title": "A", "fields": [
            {"id": "gefaehrlich", "type": "yesno", "label": "Gefährlich?", "required": false},
            {"id": "name", "type": "text", "label": "Name"}]},
        {"id": "b", "title": "B", "visibleIf": "gefaehrlich", "fields": [{"id": "x", "type": "text", "label": "X"}]},
        {"id": "c", "title": "C", "fields": [{"id": "y", "type": "text", "label": "Y"}]}]}"#;

    fn resolved(answers: &Answers) -> (Definition, Resolved) {
        let definition = formlotse_core::load(FORM).expect("loads"); // ok: test
        let context = Context { lang: Lang::De, today: Date::new(2026, 11, 30).expect("date") }; // ok: test
        let resolved = resolve(&definition, answers, context);
        (definition, resolved)
    }

    #[test]
    fn progress_counts_only_the_shown_steps() {
        let (definition, hidden) = resolved(&Answers::default());
        assert_eq!(progress(&definition, &hidden, 0), (1, 2));
        assert_eq!(progress(&definition, &hidden, 2), (2, 2));
        let mut answers = Answers::default();
        answers.set("gefaehrlich", Answer::Text("yes".into()));
        let (definition, shown) = resolved(&answers);
        assert_eq!(progress(&definition, &shown, 1), (2, 3));
        assert_eq!(progress(&definition, &shown, 2), (3, 3));
    }

    #[test]
    fn error_links_point_at_inputs_with_the_fields_words() {
        let (definition, _) = resolved(&Answers::default());
        let errors = vec![
            FieldError { path: "name".into(), violation: Violation::Required },
            FieldError { path: "gone".into(), violation: Violation::Required },
        ];
        let links = error_links(&definition, &errors, Lang::De);
        assert_eq!(links.len(), 1, "an error of no field is not linked");
        assert_eq!(links[0].target, "fl-field-name");
        assert_eq!(links[0].message, "Füllen Sie das Feld „Name“ aus.");
        assert_eq!(texts(Lang::De).progress(2, 3), "Schritt 2 von 3");
    }
}
