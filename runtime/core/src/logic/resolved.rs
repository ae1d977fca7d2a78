//! The logic evaluated against the answers: verdicts, hidden fields, calculated values.

// Indices come from the logic graph built at load (see logic/graph.rs), into vectors of the
// lengths it fixed; `holds` is sized to the conditions.
#![allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)]

use super::graph::{Node, RepeatLogic};
use super::view::{View, items_in};
use crate::definition::{Condition, Definition, Field, Step};
use crate::path::{self, Path};
use crate::validation::{Values, Violation};
use crate::value::{Date, Decimal, Value};

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
    /// The paths of the hidden fields, as keys. The same map type as the values rather than a
    /// set of its own: each map type costs the wasm its own code.
    hidden: Values,
    today: Date,
}

impl Resolved {
    /// Evaluates every condition and calculation of `definition` over `raw`, the readings of
    /// the answers (see [`crate::validation::read_answers`]); `today` from the host.
    pub fn new(definition: &Definition, raw: Values, today: Date) -> Resolved {
        let logic = &definition.logic;
        // The maps are sorted vectors: every path the evaluation writes is put in first, sorted
        // once, so that a form's thousands of item paths are replaced in place rather than
        // inserted one by one (quadratic). Empty reads as unanswered, as missing did.
        let mut paths = Vec::new();
        for node in &logic.order {
            match *node {
                Node::Condition(_) => {}
                Node::Field(f) => paths.push((logic.fields[f].id.clone(), Ok(None))),
                Node::Repeat(r) => {
                    let repeat = &logic.repeats[r];
                    paths.push((repeat.id.clone(), Ok(None)));
                    for index in 0..items_in(&raw, &repeat.id) {
                        for child in &repeat.children {
                            paths.push((path::item(&repeat.id, index, &child.id), Ok(None)));
                        }
                    }
                }
            }
        }
        let mut resolved = Resolved {
            raw,
            effective: Values::from_unsorted(paths),
            holds: vec![false; logic.conditions.len()],
            hidden: Values::new(),
            today,
        };
        let mut hidden = Vec::new();
        for at in 0..logic.order.len() {
            resolved.evaluate(definition, at, Some(&mut hidden));
        }
        resolved.hidden = Values::from_unsorted(hidden.into_iter().map(|path| (path, Ok(None))).collect());
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
        let group = match path::parse(id) {
            Path::Item { repeat, .. } => Some(repeat),
            Path::Field(id) => logic.repeat(id).map(|_| id),
        };
        let start = match group {
            Some(group) => logic.repeat(group).map(|r| logic.repeats[r].node),
            None => logic.field(id).map(|f| logic.fields[f].node),
        };
        let Some(start) = start else { return false };
        // Readers always come later in the order, so one pass from the start, evaluating what
        // was marked, sees every node after everything it reads.
        let mut dirty = vec![false; logic.order.len()];
        dirty[start] = true;
        let mut shown_changed = false;
        for at in start..logic.order.len() {
            if !dirty[at] || !self.evaluate(definition, at, None) {
                continue;
            }
            shown_changed |= match logic.order[at] {
                Node::Condition(_) => true,
                Node::Field(f) => logic.fields[f].calculation.is_some(),
                // An item's field appearing or going, or a calculated value in an item.
                Node::Repeat(_) => true,
            };
            for &reader in &logic.dependents[at] {
                dirty[reader] = true;
            }
        }
        shown_changed
    }

    /// Records whether the field at `path` is hidden; returns whether that changed. While `new`
    /// evaluates everything, hidden paths are `gathered` and sorted once at the end.
    fn hide(&mut self, path: String, hidden: bool, gathered: Option<&mut Vec<String>>) -> bool {
        match gathered {
            Some(list) if hidden => {
                list.push(path);
                true
            }
            Some(_) => false,
            None if hidden => self.hidden.insert(path, Ok(None)).is_none(),
            None => self.hidden.remove(&path).is_some(),
        }
    }

    /// Evaluates the node at `at`; returns whether its result changed.
    fn evaluate(&mut self, definition: &Definition, at: usize, gathered: Option<&mut Vec<String>>) -> bool {
        let logic = &definition.logic;
        let view = View { values: &self.effective, today: self.today, item: None };
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
                    expr.eval(&view).map_err(|_| Violation::Calculation)
                } else {
                    self.raw.get(&field.id).cloned().unwrap_or(Ok(None))
                };
                self.hide(field.id.clone(), hidden, gathered);
                let changed = self.effective.get(&field.id) != Some(&value);
                self.effective.insert(field.id.clone(), value);
                changed
            }
            Node::Repeat(r) => self.evaluate_items(&logic.repeats[r], gathered),
        }
    }

    /// Evaluates every item of a repeatable group; returns whether any value or visibility in
    /// it changed (also what a shown step displays of it, hence re-rendered).
    fn evaluate_items(&mut self, repeat: &RepeatLogic, mut gathered: Option<&mut Vec<String>>) -> bool {
        let hidden_all = repeat.governors.iter().any(|&slot| !self.holds[slot]);
        let count = match self.raw.get(&repeat.id) {
            Some(Ok(Some(Value::Number(n)))) => n.trunc().and_then(|n| usize::try_from(n).ok()).unwrap_or(0),
            _ => 0,
        };
        let mut changed = false;
        let total = Ok((!hidden_all).then(|| Value::Number(Decimal::from_int(count as i64))));
        changed |= self.effective.get(&repeat.id) != Some(&total);
        self.effective.insert(repeat.id.clone(), total);
        for index in 0..count {
            for child in &repeat.children {
                let key = path::item(&repeat.id, index, &child.id);
                let view = View { values: &self.effective, today: self.today, item: Some((repeat, index)) };
                let hidden = hidden_all || !child.conditions.iter().all(|c| c.holds(&view));
                let value = if hidden {
                    Ok(None)
                } else if let Some(expr) = &child.calculation {
                    expr.eval(&view).map_err(|_| Violation::Calculation)
                } else {
                    self.raw.get(&key).cloned().unwrap_or(Ok(None))
                };
                changed |= self.hide(key.clone(), hidden, gathered.as_deref_mut());
                changed |= self.effective.get(&key) != Some(&value);
                self.effective.insert(key, value);
            }
        }
        // Items beyond the count were removed: forget them, so a new item starts empty.
        for index in count.. {
            let mut found = false;
            for child in &repeat.children {
                let key = path::item(&repeat.id, index, &child.id);
                found |= self.effective.remove(&key).is_some();
                self.raw.remove(&key);
                self.hidden.remove(&key);
            }
            if !found {
                break;
            }
            changed = true;
        }
        changed
    }

    /// The number of items of repeatable group `id` (0 while it is hidden).
    pub fn items(&self, id: &str) -> usize {
        items_in(&self.effective, id)
    }

    /// Whether a condition holds at `scope`: outside repeatable groups (`None`), or inside
    /// item `i` of group `g` (`Some((g, i))`), where it is evaluated for that item.
    pub fn holds_at(
        &self,
        definition: &Definition,
        condition: Option<&Condition>,
        scope: Option<(&str, usize)>,
    ) -> bool {
        let Some(condition) = condition else { return true };
        let repeat = scope.and_then(|(id, index)| {
            let logic = &definition.logic;
            logic.repeat(id).map(|r| (&logic.repeats[r], index))
        });
        match repeat {
            Some((repeat, index)) => condition.expr.holds(&View {
                values: &self.effective,
                today: self.today,
                item: Some((repeat, index)),
            }),
            None => self.shows(Some(condition)),
        }
    }

    /// Whether `field` at `scope` (see [`Resolved::holds_at`]) needs an answer now.
    pub fn is_required_at(
        &self,
        definition: &Definition,
        field: &Field,
        scope: Option<(&str, usize)>,
    ) -> bool {
        field.required
            || (field.required_if.is_some() && self.holds_at(definition, field.required_if.as_ref(), scope))
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
        self.hidden.contains_key(id)
    }

    /// Whether a step is shown.
    pub fn shows_step(&self, step: &Step) -> bool {
        self.shows(step.visible_if.as_ref())
    }

    /// The value of a calculated field (empty while an answer it reads is missing).
    pub fn calculated(&self, id: &str) -> Option<&Value> {
        match self.effective.get(id) {
            Some(Ok(Some(value))) => Some(value),
            _ => None,
        }
    }
}
