//! Moving through the steps: the pure state machine behind "Weiter" and "Zurück".

use crate::answers::Answers;
use crate::definition::Definition;
use crate::validation::{Context, FieldError, read_answers, validate_form, validate_step};

/// Where the citizen is in the assistant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Flow {
    step: usize,
}

/// What a "Weiter" led to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Move {
    /// Now on this step (index into `definition.steps`).
    Stepped(usize),
    /// The current step has errors; the citizen stays.
    Blocked(Vec<FieldError>),
    /// The last step is valid and so is the whole form: ready to send.
    Complete,
}

impl Flow {
    /// The index of the current step.
    pub fn step(self) -> usize {
        self.step
    }

    /// Whether the current step is the last one.
    pub fn is_last(self, definition: &Definition) -> bool {
        self.step + 1 >= definition.steps.len()
    }

    /// Validates the current step and, when it is valid, moves on.
    pub fn next(&mut self, definition: &Definition, answers: &Answers, context: Context) -> Move {
        let Some(step) = definition.steps.get(self.step) else {
            return Move::Blocked(validate_form(definition, answers, context));
        };
        let values = read_answers(definition, answers, context.lang);
        let errors = validate_step(step, &values, context.today);
        if !errors.is_empty() {
            return Move::Blocked(errors);
        }
        if self.is_last(definition) {
            // Earlier steps were valid when left, but answers may have changed since; the
            // payload must pass the same checks the server will run.
            let errors = validate_form(definition, answers, context);
            return if errors.is_empty() { Move::Complete } else { Move::Blocked(errors) };
        }
        self.step += 1;
        Move::Stepped(self.step)
    }

    /// Goes back one step, keeping every answer. Returns whether it moved.
    pub fn back(&mut self) -> bool {
        let moved = self.step > 0;
        self.step = self.step.saturating_sub(1);
        moved
    }

    /// Jumps to an earlier step (to show an error there, or to change an answer).
    pub fn go_to(&mut self, step: usize) {
        self.step = self.step.min(step);
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
        let definition = load(TWO_STEPS).expect("loads");
        let mut answers = Answers::default();
        let mut flow = Flow::default();

        let Move::Blocked(errors) = flow.next(&definition, &answers, context()) else {
            panic!("empty name must block")
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
        assert_eq!(flow.next(&definition, &answers, context()), Move::Complete);
    }

    #[test]
    fn last_step_rechecks_the_whole_form() {
        let definition = load(TWO_STEPS).expect("loads");
        let mut answers = Answers::default();
        let mut flow = Flow::default();
        answers.set("name", Answer::Text("Erika".into()));
        flow.next(&definition, &answers, context());
        answers.set("name", Answer::Text(String::new()));
        let Move::Blocked(errors) = flow.next(&definition, &answers, context()) else { panic!("must block") };
        assert_eq!(errors[0].path, "name");
    }
}
