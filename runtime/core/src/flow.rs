//! Moving through the steps: the pure state machine behind "Weiter" and "Zurück".

use crate::definition::Definition;
use crate::logic::Resolved;
use crate::validation::{FieldError, validate_form, validate_step};

/// Where the citizen is in the assistant: on a step, or on the review page
/// ("Ihre Angaben prüfen") that follows the last step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Flow {
    step: usize,
    /// On the review page.
    review: bool,
    /// Changing an answer from the review page: "Weiter" returns there.
    returning: bool,
}

/// What a "Weiter" led to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Move {
    /// Now on this step (index into `definition.steps`).
    Stepped(usize),
    /// Now on the review page: every step is valid.
    Review,
    /// There are errors; the citizen stays (the host shows them at their step).
    Blocked(Vec<FieldError>),
    /// "Absenden" on the review page, and the whole form is valid: ready to send.
    Complete,
}

impl Flow {
    /// On step `step` (clamped to the definition's steps): resuming a draft.
    pub fn at(step: usize, definition: &Definition) -> Flow {
        Flow { step: step.min(definition.steps.len().saturating_sub(1)), ..Flow::default() }
    }

    /// On the review page: resuming a submission that was under way.
    pub fn at_review(definition: &Definition) -> Flow {
        Flow { review: true, ..Flow::at(definition.steps.len(), definition) }
    }

    /// The index of the current step (on the review page: the last step).
    pub fn step(self) -> usize {
        self.step
    }

    /// Whether the review page is shown.
    pub fn is_review(self) -> bool {
        self.review
    }

    /// The next shown step after the current one, if any: hidden steps are skipped.
    fn following(self, definition: &Definition, resolved: &Resolved) -> Option<usize> {
        definition
            .steps
            .iter()
            .enumerate()
            .skip(self.step.saturating_add(1))
            .find_map(|(i, step)| resolved.shows_step(step).then_some(i))
    }

    /// The shown step before `before`, if any.
    fn preceding(before: usize, definition: &Definition, resolved: &Resolved) -> Option<usize> {
        definition
            .steps
            .iter()
            .enumerate()
            .take(before)
            .rev()
            .find_map(|(i, step)| resolved.shows_step(step).then_some(i))
    }

    /// Whether the current step is the last one shown.
    pub fn is_last(self, definition: &Definition, resolved: &Resolved) -> bool {
        self.following(definition, resolved).is_none()
    }

    /// Whether "Weiter" on this step leads to the review page (the last shown step, or a step
    /// opened from the review page to change an answer).
    pub fn leads_to_review(self, definition: &Definition, resolved: &Resolved) -> bool {
        self.returning || self.is_last(definition, resolved)
    }

    /// Validates the current step (on the review page: the whole form) and, when it is valid,
    /// moves on to the next shown step.
    pub fn next(&mut self, definition: &Definition, resolved: &Resolved) -> Move {
        // Earlier steps were valid when left, but answers may have changed since; the review
        // and the payload must pass the same checks the server will run.
        let whole_form = || validate_form(definition, resolved);
        if self.review {
            let errors = whole_form();
            return if errors.is_empty() { Move::Complete } else { Move::Blocked(errors) };
        }
        let Some(step) = definition.steps.get(self.step) else {
            return Move::Blocked(whole_form());
        };
        let errors = validate_step(definition, step, resolved);
        if !errors.is_empty() {
            return Move::Blocked(errors);
        }
        match self.following(definition, resolved) {
            Some(next) if !self.returning => {
                self.step = next;
                Move::Stepped(next)
            }
            _ => {
                let errors = whole_form();
                if !errors.is_empty() {
                    return Move::Blocked(errors);
                }
                self.review = true;
                self.returning = false;
                Move::Review
            }
        }
    }

    /// Goes back to the previous shown step (from the review page: to the last shown step),
    /// keeping every answer. Returns whether it moved.
    pub fn back(&mut self, definition: &Definition, resolved: &Resolved) -> bool {
        if self.review {
            self.review = false;
            self.step = Flow::preceding(definition.steps.len(), definition, resolved).unwrap_or(self.step);
            return true;
        }
        match Flow::preceding(self.step, definition, resolved) {
            Some(step) => {
                self.step = step;
                true
            }
            None => false,
        }
    }

    /// Jumps to an earlier step to show an error there.
    pub fn go_to(&mut self, step: usize) {
        self.review = false;
        self.step = self.step.min(step);
    }

    /// From the review page, opens `step` to change an answer; its "Weiter" returns to the
    /// review. Does nothing elsewhere.
    pub fn change(&mut self, step: usize, definition: &Definition) {
        if self.review && step < definition.steps.len() {
            self.review = false;
            self.returning = true;
            self.step = step;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validation::testing::today;
    use crate::validation::{Context, resolve};
    use crate::{Answer, Answers, Lang, load};

    const TWO_STEPS: &str = r#"{"formlotse": 1, "id": "a", "title": "A", "steps": [
      {"id": "s1", "title": "Eins", "fields": [{"id": "name", "type": "text", "label": "Name", "required": true}]},
      {"id": "s2", "title": "Zwei", "fields": [{"id": "ort", "type": "text", "label": "Ort", "maxLength": 3}]}]}"#;

    fn resolved(definition: &Definition, answers: &Answers) -> Resolved {
        resolve(definition, answers, Context { lang: Lang::De, today: today() })
    }

    #[test]
    fn walks_forward_and_back_keeping_answers() {
        let definition = load(TWO_STEPS).expect("loads"); // ok: test
        let mut answers = Answers::default();
        let mut flow = Flow::default();

        let Move::Blocked(errors) = flow.next(&definition, &resolved(&definition, &answers)) else {
            panic!("empty name must block") // ok: test
        };
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].path, "name");
        assert_eq!(flow.step(), 0);

        answers.set("name", Answer::Text("Erika".into()));
        assert_eq!(flow.next(&definition, &resolved(&definition, &answers)), Move::Stepped(1));
        assert!(flow.is_last(&definition, &resolved(&definition, &answers)));

        answers.set("ort", Answer::Text("Berlin".into()));
        assert!(matches!(flow.next(&definition, &resolved(&definition, &answers)), Move::Blocked(_)));
        assert!(flow.back(&definition, &resolved(&definition, &answers)));
        assert_eq!(answers.text("name"), "Erika");
        assert!(!flow.back(&definition, &resolved(&definition, &answers)));

        answers.set("ort", Answer::Text("Ulm".into()));
        assert_eq!(flow.next(&definition, &resolved(&definition, &answers)), Move::Stepped(1));
        assert_eq!(flow.next(&definition, &resolved(&definition, &answers)), Move::Review);
        assert!(flow.is_review());
        assert_eq!(flow.next(&definition, &resolved(&definition, &answers)), Move::Complete);
        assert!(flow.back(&definition, &resolved(&definition, &answers)));
        assert_eq!((flow.is_review(), flow.step()), (false, 1));
    }

    #[test]
    fn a_change_from_the_review_returns_there() {
        let definition = load(TWO_STEPS).expect("loads"); // ok: test
        let mut answers = Answers::default();
        answers.set("name", Answer::Text("Erika".into()));
        let mut flow = Flow::default();
        flow.change(0, &definition);
        assert_eq!(flow, Flow::default(), "change does nothing outside the review");
        flow.next(&definition, &resolved(&definition, &answers));
        assert_eq!(flow.next(&definition, &resolved(&definition, &answers)), Move::Review);

        flow.change(0, &definition);
        assert_eq!((flow.is_review(), flow.step()), (false, 0));
        assert!(flow.leads_to_review(&definition, &resolved(&definition, &answers)));
        answers.set("name", Answer::Text(String::new()));
        assert!(matches!(flow.next(&definition, &resolved(&definition, &answers)), Move::Blocked(_)));
        answers.set("name", Answer::Text("Max".into()));
        assert_eq!(
            flow.next(&definition, &resolved(&definition, &answers)),
            Move::Review,
            "straight back, not to step 2"
        );
        flow.change(7, &definition);
        assert!(flow.is_review(), "no such step");
    }

    #[test]
    fn last_step_rechecks_the_whole_form() {
        let definition = load(TWO_STEPS).expect("loads"); // ok: test
        let mut answers = Answers::default();
        let mut flow = Flow::default();
        answers.set("name", Answer::Text("Erika".into()));
        flow.next(&definition, &resolved(&definition, &answers));
        answers.set("name", Answer::Text(String::new()));
        let Move::Blocked(errors) = flow.next(&definition, &resolved(&definition, &answers)) else {
            panic!("must block") // ok: test
        };
        assert_eq!(errors[0].path, "name");
        answers.set("name", Answer::Text("Erika".into()));
        assert_eq!(flow.next(&definition, &resolved(&definition, &answers)), Move::Review);
        answers.set("name", Answer::Text(String::new()));
        assert!(
            matches!(flow.next(&definition, &resolved(&definition, &answers)), Move::Blocked(_)),
            "Absenden rechecks too"
        );
    }
}
