//! The logic evaluated against the answers: verdicts, hidden fields, calculated values.

use super::graph::Node;
use crate::definition::{Condition, Definition, Field, Step};
use crate::expr::Env;
use crate::validation::{Values, Violation};
use crate::value::{Date, Value};

/// The answers with the form's logic applied. `values()` are what everything downstream reads:
/// hidden fields empty, calculated fields filled in.
#[derive(Debug, Clone, PartialEq)]
pub struct Resolved {
    /// Every field's reading as entered, hidden or not.
    raw: Values,
    /// What the rest of the form sees of each field.
    effective: Values,
    /// Each condition's verdict, by slot.
    holds: Vec<bool>,
    /// The ids of the hidden fields, sorted.
    hidden: Vec<String>,
    today: Date,
}

/// Expressions read the effective values: a hidden field is empty.
struct View<'a> {
    values: &'a Values,
    today: Date,
}

impl Env for View<'_> {
    fn value(&self, id: &str) -> Option<Value> {
        match self.values.get(id) {
            Some(Ok(Some(value))) => Some(value.clone()),
            _ => None,
        }
    }

    fn today(&self) -> Date {
        self.today
    }
}

impl Resolved {
    /// Evaluates every condition and calculation of `definition` over `raw`, the readings of
    /// the answers (see [`crate::validation::read_answers`]); `today` from the host.
    pub fn new(definition: &Definition, raw: Values, today: Date) -> Resolved {
        let logic = &definition.logic;
        let mut resolved = Resolved {
            raw,
            effective: Values::new(),
            holds: vec![false; logic.conditions.len()],
            hidden: Vec::new(),
            today,
        };
        for at in 0..logic.order.len() {
            resolved.evaluate(definition, at);
        }
        resolved
    }

    /// Takes a new reading of field `id` and re-evaluates only what depends on it. Returns
    /// whether anything a page shows changed: a verdict (a field, group, step or option
    /// appearing or going) or a calculated value.
    pub fn set(
        &mut self,
        definition: &Definition,
        id: &str,
        reading: Result<Option<Value>, Violation>,
    ) -> bool {
        self.raw.insert(id.to_owned(), reading);
        let logic = &definition.logic;
        let Some(start) = logic.field(id).map(|f| logic.fields[f].node) else { return false };
        // Readers always come later in the order, so one pass from the start, evaluating what
        // was marked, sees every node after everything it reads.
        let mut dirty = vec![false; logic.order.len()];
        dirty[start] = true;
        let mut shown_changed = false;
        for at in start..logic.order.len() {
            if !dirty[at] || !self.evaluate(definition, at) {
                continue;
            }
            shown_changed |= match logic.order[at] {
                Node::Condition(_) => true,
                Node::Field(f) => logic.fields[f].calculation.is_some(),
            };
            for &reader in &logic.dependents[at] {
                dirty[reader] = true;
            }
        }
        shown_changed
    }

    /// Evaluates the node at `at`; returns whether its result changed.
    fn evaluate(&mut self, definition: &Definition, at: usize) -> bool {
        let logic = &definition.logic;
        let view = View { values: &self.effective, today: self.today };
        match logic.order[at] {
            Node::Condition(slot) => {
                let holds = logic.conditions[slot].as_ref().is_some_and(|expr| expr.holds(&view));
                std::mem::replace(&mut self.holds[slot], holds) != holds
            }
            Node::Field(f) => {
                let field = &logic.fields[f];
                let hidden = field.governors.iter().any(|&slot| !self.holds[slot]);
                let value = if hidden {
                    Ok(None)
                } else if let Some(expr) = &field.calculation {
                    Ok(expr.eval(&view))
                } else {
                    self.raw.get(&field.id).cloned().unwrap_or(Ok(None))
                };
                match (self.hidden.binary_search(&field.id), hidden) {
                    (Err(at), true) => self.hidden.insert(at, field.id.clone()),
                    (Ok(at), false) => {
                        self.hidden.remove(at);
                    }
                    _ => {}
                }
                let changed = self.effective.get(&field.id) != Some(&value);
                self.effective.insert(field.id.clone(), value);
                changed
            }
        }
    }

    /// What the form sees of every field: hidden ones empty, calculated ones filled in.
    pub fn values(&self) -> &Values {
        &self.effective
    }

    /// The reading of field `id` as entered (hidden or not).
    pub fn raw(&self, id: &str) -> Option<&Result<Option<Value>, Violation>> {
        self.raw.get(id)
    }

    /// The day of filling in.
    pub fn today(&self) -> Date {
        self.today
    }

    /// Whether a condition holds; no condition always does.
    pub fn shows(&self, condition: Option<&Condition>) -> bool {
        condition.is_none_or(|c| self.holds.get(c.slot).copied().unwrap_or(false))
    }

    /// Whether field `id` is hidden (by its own condition, a group's or its step's).
    pub fn is_hidden(&self, id: &str) -> bool {
        self.hidden.binary_search_by(|known| known.as_str().cmp(id)).is_ok()
    }

    /// Whether a step is shown.
    pub fn shows_step(&self, step: &Step) -> bool {
        self.shows(step.visible_if.as_ref())
    }

    /// Whether `field` needs an answer now: `required`, or its `requiredIf` holds.
    pub fn is_required(&self, field: &Field) -> bool {
        field.required || field.required_if.as_ref().is_some_and(|c| self.shows(Some(c)))
    }

    /// The value of a calculated field (empty while an answer it reads is missing).
    pub fn calculated(&self, id: &str) -> Option<&Value> {
        match self.effective.get(id) {
            Some(Ok(Some(value))) => Some(value),
            _ => None,
        }
    }
}
