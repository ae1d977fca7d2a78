//! Moving through the steps: the pure state machine behind "Weiter" and "Zurück".

use crate::answers::Answers;
use crate::definition::Definition;
use crate::validation::{Context, FieldError, read_answers, validate_form, validate_step};

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

    /// Whether the current step is the last one.
    pub fn is_last(self, definition: &Definition) -> bool {
        self.step + 1 >= definition.steps.len()
    }

    /// Whether "Weiter" on this step leads to the review page (the last step, or a step
    /// opened from the review page to change an answer).
    pub fn leads_to_review(self, definition: &Definition) -> bool {
        self.returning || self.is_last(definition)
    }

    /// Validates the current step (on the review page: the whole form) and, when it is valid,
    /// moves on.
    pub fn next(&mut self, definition: &Definition, answers: &Answers, context: Context) -> Move {
        // Earlier steps were valid when left, but answers may have changed since; the review
        // and the payload must pass the same checks the server will run.
        let whole_form = |definition| validate_form(definition, answers, context);
        if self.review {
            let errors = whole_form(definition);
            return if errors.is_empty() { Move::Complete } else { Move::Blocked(errors) };
        }
        let Some(step) = definition.steps.get(self.step) else {
            return Move::Blocked(whole_form(definition));
        };
        let values = read_answers(definition, answers, context.lang);
        let errors = validate_step(step, &values, context.today);
        if !errors.is_empty() {
            return Move::Blocked(errors);
        }
        if self.leads_to_review(definition) {
            let errors = whole_form(definition);
            if !errors.is_empty() {
                return Move::Blocked(errors);
            }
            self.review = true;
            self.returning = false;
            self.step = definition.steps.len().saturating_sub(1);
            return Move::Review;
        }
        self.step += 1;
        Move::Stepped(self.step)
    }

    /// Goes back one step (from the review page: to the last step), keeping every answer.
    /// Returns whether it moved.
    pub fn back(&mut self) -> bool {
        if self.review {
            self.review = false;
            return true;
        }
        let moved = self.step > 0;
        self.step = self.step.saturating_sub(1);
        moved
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
    use crate::{Answer, Lang, load};

    const TWO_STEPS: &str = r#"{"formlotse": 1, "id": "a", "title": "A", "steps": [
      {"id": "s1", "title": "Eins", "fields": [{"id": "name", "type": "text", "label": "Name", "required": true}]},
      {"id": "s2", "title": "Zwei", "fields": [{"id": "ort", "type": "text", "label": "Ort", "maxLength": 3}]}]}"#;

    fn context() -> Context {
        Context { lang: Lang::De, today: today() }
    }

    #[test]
    fn walks_forward_and_back_keeping_answers() {
        let definition = load(TWO_STEPS).expect("loads"); // ok: test
        let mut answers = Answers::default();
        let mut flow = Flow::default();

        let Move::Blocked(errors) = flow.next(&definition, &answers, context()) else {
            panic!("empty name must block") // ok: test
        };
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].path, "name");
        assert_eq!(flow.step(), 0);

        answers.set("name", Answer::Text("Erika".into()));
        assert_eq!(flow.next(&definition, &answers, context()), Move::Stepped(1));
        assert!(flow.is_last(&definition));

        answers.set("ort", Answer::Text("Berlin".into()));
        assert!(matches!(flow.next(&definition, &answers, context()), Move::Blocked(_)));
        assert!(flow.back());
        assert_eq!(answers.text("name"), "Erika");
        assert!(!flow.back());

        answers.set("ort", Answer::Text("Ulm".into()));
        assert_eq!(flow.next(&definition, &answers, context()), Move::Stepped(1));
        assert_eq!(flow.next(&definition, &answers, context()), Move::Review);
        assert!(flow.is_review());
        assert_eq!(flow.next(&definition, &answers, context()), Move::Complete);
        assert!(flow.back());
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
        flow.next(&definition, &answers, context());
        assert_eq!(flow.next(&definition, &answers, context()), Move::Review);

        flow.change(0, &definition);
        assert_eq!((flow.is_review(), flow.step()), (false, 0));
        assert!(flow.leads_to_review(&definition));
        answers.set("name", Answer::Text(String::new()));
        assert!(matches!(flow.next(&definition, &answers, context()), Move::Blocked(_)));
        answers.set("name", Answer::Text("Max".into()));
        assert_eq!(flow.next(&definition, &answers, context()), Move::Review, "straight back, not to step 2");
        flow.change(7, &definition);
        assert!(flow.is_review(), "no such step");
    }

    #[test]
    fn last_step_rechecks_the_whole_form() {
        let definition = load(TWO_STEPS).expect("loads"); // ok: test
        let mut answers = Answers::default();
        let mut flow = Flow::default();
        answers.set("name", Answer::Text("Erika".into()));
        flow.next(&definition, &answers, context());
        answers.set("name", Answer::Text(String::new()));
        let Move::Blocked(errors) = flow.next(&definition, &answers, context()) else { panic!("must block") }; // ok: test
        assert_eq!(errors[0].path, "name");
        answers.set("name", Answer::Text("Erika".into()));
        assert_eq!(flow.next(&definition, &answers, context()), Move::Review);
        answers.set("name", Answer::Text(String::new()));
        assert!(
            matches!(flow.next(&definition, &answers, context()), Move::Blocked(_)),
            "Absenden rechecks too"
        );
    }
}
