//! The reducer, natively: what each action does to the step, the errors, focus and sending.

use super::*;
use formlotse_core::validation::resolve;
use formlotse_core::{Answer, Date};

const FORM: &str = r#"{"formlotse": 1, "id": "hund", "title": "Hund", "steps": [
    {"id": "halter", "title": "Halter", "fields": [{"id": "name", "type": "text", "label": "Name", "required": true}]},
    {"id": "hund", "title": "Hund", "fields": [
        {"id": "rufname", "type": "text", "label": "Rufname", "required": true},
        {"id": "hunde", "type": "repeat", "legend": "Hunde", "itemLabel": "Hund {n}", "fields": [
            {"id": "rasse", "type": "text", "label": "Rasse", "required": false}]}]}]}"#;

fn context() -> Context {
    Context { lang: Lang::De, today: Date::new(2026, 11, 30).expect("date") } // ok: test
}

fn start() -> Rc<AssistantState> {
    let definition = formlotse_core::load(FORM).expect("loads"); // ok: test
    Rc::new(AssistantState::new(Shared(Rc::new(definition)), context()))
}

/// The answers resolved, as "Weiter" passes them.
fn answered(state: &AssistantState, answers: &[(&str, &str)]) -> Box<Resolved> {
    let mut all = Answers::default();
    for (id, text) in answers {
        all.set(id, Answer::Text((*text).into()));
    }
    Box::new(resolve(&state.definition.0, &all, context()))
}

fn complete() -> Box<Resolved> {
    answered(&start(), &[("name", "Jo"), ("rufname", "Bello")])
}

fn focus(state: &AssistantState) -> Option<FocusTarget> {
    state.focus.as_ref().map(|(target, _)| target.clone())
}

/// At the review, after two "Weiter".
fn at_review() -> Rc<AssistantState> {
    let state = start().reduce(Action::Next(complete()));
    let state = state.reduce(Action::Next(complete()));
    assert!(state.flow.is_review());
    state
}

#[test]
fn weiter_with_a_missing_answer_shows_errors_and_focuses_the_summary() {
    let state = start();
    let next = state.clone().reduce(Action::Next(answered(&state, &[])));
    assert_eq!(next.flow.step(), 0);
    assert_eq!(next.errors.iter().map(|e| e.path.as_str()).collect::<Vec<_>>(), ["name"]);
    assert_eq!(focus(&next), Some(FocusTarget::ErrorSummary));
    // Asked again, focus is requested again (a new count), so the summary is read out again,
    // and the same errors count as new ones, so the fields show them again.
    let again = next.clone().reduce(Action::Next(answered(&state, &[])));
    assert_ne!(again.focus, next.focus);
    assert_eq!((again.errors == next.errors, again.refused), (true, next.refused + 1));
}

#[test]
fn weiter_with_valid_answers_goes_on_and_clears_errors() {
    let state = start();
    let blocked = state.clone().reduce(Action::Next(answered(&state, &[])));
    let next = blocked.reduce(Action::Next(answered(&state, &[("name", "Jo")])));
    assert_eq!(next.flow.step(), 1);
    assert!(next.errors.is_empty());
    assert_eq!(focus(&next), Some(FocusTarget::StepHeading));
    let back = next.reduce(Action::Back(answered(&state, &[("name", "Jo")])));
    assert_eq!(back.flow.step(), 0);
}

#[test]
fn absenden_sends_once_however_often_it_is_pressed() {
    let sending = at_review().reduce(Action::Next(complete()));
    assert_eq!(sending.sending, Sending::InFlight { attempt: 1, retry_in: None });
    let twice = sending.clone().reduce(Action::Next(complete()));
    assert!(Rc::ptr_eq(&sending, &twice), "a double click changes nothing");
    let back = sending.clone().reduce(Action::Back(complete()));
    assert!(Rc::ptr_eq(&sending, &back), "no going back while sending");
}

#[test]
fn answers_of_an_old_attempt_are_ignored() {
    let sending = at_review().reduce(Action::Next(complete()));
    let stale = sending.clone().reduce(Action::Sent { attempt: 7, reference: None, pdf: None });
    assert!(Rc::ptr_eq(&sending, &stale));
    let retrying = sending.reduce(Action::Retrying { attempt: 1, seconds: 2 });
    assert_eq!(retrying.sending, Sending::InFlight { attempt: 1, retry_in: Some(2) });
    let pdf = Some("https://a.example/r/A-1?token=1".to_owned());
    let sent = retrying.reduce(Action::Sent { attempt: 1, reference: Some("A-1".into()), pdf: pdf.clone() });
    assert_eq!(sent.sending, Sending::Done { reference: Some("A-1".into()), pdf });
    assert_eq!(focus(&sent), Some(FocusTarget::Receipt));
}

#[test]
fn a_refusal_shows_the_receivers_field_errors_on_their_step() {
    let sending = at_review().reduce(Action::Next(complete()));
    let refused = sending.reduce(Action::SendFailed {
        attempt: 1,
        failure: Failure::Refused { status: 422, message: None },
        fields: vec![("rufname".into(), "Zu lang".into()), ("unbekannt".into(), "?".into())],
    });
    assert_eq!(refused.sending, Sending::Failed(Failure::Refused { status: 422, message: None }));
    assert_eq!(refused.errors.len(), 1, "errors of unknown fields are dropped");
    assert_eq!(refused.errors[0].violation, Violation::Reported { message: "Zu lang".into() });
    assert_eq!(refused.flow.step(), 1);
    assert_eq!(focus(&refused), Some(FocusTarget::ErrorSummary));
}

#[test]
fn aendern_opens_the_step_at_the_field() {
    let changed = at_review().reduce(Action::Change { step: 0, field: "name".into() });
    assert_eq!(changed.flow.step(), 0);
    assert_eq!(focus(&changed), Some(FocusTarget::Field("name".into())));
    let outside = start();
    let ignored = outside.clone().reduce(Action::Change { step: 1, field: "rufname".into() });
    assert!(Rc::ptr_eq(&outside, &ignored), "only the review page has \"Ändern\"");
}

#[test]
fn discarding_or_loading_answers_makes_new_inputs() {
    let review = at_review();
    let discarded = review.clone().reduce(Action::Discard);
    assert_eq!((discarded.flow.step(), discarded.generation), (0, review.generation + 1));
    let loaded = review.clone().reduce(Action::Loaded { step: 1 });
    assert_eq!((loaded.flow.step(), loaded.generation), (1, review.generation + 1));
    assert_eq!(focus(&loaded), Some(FocusTarget::StepHeading));
}

#[test]
fn items_moving_drop_their_errors_and_move_focus() {
    let mut state = (*start()).clone();
    state.errors = vec![
        FieldError { path: "hunde[1].rasse".into(), violation: Violation::Required },
        FieldError { path: "name".into(), violation: Violation::Required },
    ];
    let moved =
        Rc::new(state).reduce(Action::Items { group: "hunde".into(), focus: "hunde[0].rasse".into() });
    assert_eq!(moved.errors.iter().map(|e| e.path.as_str()).collect::<Vec<_>>(), ["name"]);
    assert_eq!(moved.items, 1);
    assert_eq!(focus(&moved), Some(FocusTarget::Field("hunde[0].rasse".into())));
    let emptied = moved.reduce(Action::Items { group: "hunde".into(), focus: String::new() });
    assert_eq!(focus(&emptied), Some(FocusTarget::StepHeading));
}

#[test]
fn the_language_changes_only_when_another_is_chosen() {
    let state = start();
    let same = state.clone().reduce(Action::SetLang(Lang::De));
    assert!(Rc::ptr_eq(&state, &same));
    // German is built in: at once. Another language waits for its catalog.
    let wanting = state.clone().reduce(Action::SetLang(Lang::En));
    assert_eq!(wanting.context.lang, Lang::De);
    assert_eq!(wanting.clone().reduce(Action::CatalogLoaded(Lang::En)).context.lang, Lang::En);
    // Chosen back before the catalog came: it stays German.
    let back = wanting.reduce(Action::SetLang(Lang::De));
    assert_eq!(back.clone().reduce(Action::CatalogLoaded(Lang::En)).context.lang, Lang::De);
    assert_eq!(back.context.lang, Lang::De);
}
