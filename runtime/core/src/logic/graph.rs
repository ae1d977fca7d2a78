//! The dependency graph of conditions and calculated fields, in evaluation order.
//!
//! Everything is kept in vectors indexed by number (fields in definition order, conditions by
//! slot, nodes by position): this runs in the citizen's browser, where every map type would
//! add its own copy of the B-tree code to the download.

// Graph nodes are indices into vectors this module builds together (order, dependents,
// conditions, fields, repeats): every index stored is below the length it indexes.
#![allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)]

use crate::definition::{Condition, FieldKind, Item, Repeat, Step};
use crate::expr::Expr;

/// One thing to evaluate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Node {
    /// A condition's verdict, by slot.
    Condition(usize),
    /// A field's effective value (empty while hidden, else its answer or its calculation), by
    /// field number.
    Field(usize),
    /// Every item of a repeatable group, by group number: its fields' effective values.
    Repeat(usize),
}

/// What the logic knows of one field.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct FieldLogic {
    pub(crate) id: String,
    /// Its node's position in the order.
    pub(crate) node: usize,
    /// The conditions that must hold for it to be shown: its own, its groups', its step's.
    pub(crate) governors: Vec<usize>,
    /// Its expression, if it is calculated.
    pub(crate) calculation: Option<Expr>,
}

/// What the logic knows of a repeatable group. Its items are evaluated together, the fields of
/// an item in an order where each comes after the siblings it reads.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct RepeatLogic {
    pub(crate) id: String,
    /// Its node's position in the order.
    pub(crate) node: usize,
    /// The conditions (outside its items) that must hold for it to be shown.
    pub(crate) governors: Vec<usize>,
    /// The fields of an item, in evaluation order.
    pub(crate) children: Vec<ChildLogic>,
}

/// A field inside a repeatable group.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ChildLogic {
    pub(crate) id: String,
    /// The conditions inside the item that must hold for it to be shown (its own, its groups').
    pub(crate) conditions: Vec<Expr>,
    /// Its expression, if it is calculated.
    pub(crate) calculation: Option<Expr>,
}

impl RepeatLogic {
    /// Whether `id` is a field of this group's items.
    pub(crate) fn has(&self, id: &str) -> bool {
        self.children.iter().any(|child| child.id == id)
    }
}

/// The conditions and calculations of a form, ordered so that everything a node reads is
/// evaluated before it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Logic {
    /// Every node, in evaluation order.
    pub(crate) order: Vec<Node>,
    /// For each node (by position), the positions of the nodes that read it; always later.
    pub(crate) dependents: Vec<Vec<usize>>,
    /// The fields, in definition order.
    pub(crate) fields: Vec<FieldLogic>,
    /// The conditions outside repeatable groups, by slot (those inside are evaluated per item).
    pub(crate) conditions: Vec<Option<Expr>>,
    /// The repeatable groups, in definition order.
    pub(crate) repeats: Vec<RepeatLogic>,
    /// Field ids with their numbers, sorted by id.
    by_id: Vec<(String, usize)>,
}

/// Conditions and calculations that read each other in a circle, so no order can evaluate
/// them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cycle {
    /// The fields along the circle, each reading the one before it.
    pub fields: Vec<String>,
    /// The condition slots along it.
    pub conditions: Vec<usize>,
}

impl Logic {
    /// The graph of `steps`, whose conditions are numbered `0..slots`.
    pub fn build(steps: &[Step], slots: usize) -> Result<Logic, Cycle> {
        let mut logic = Logic { conditions: vec![None; slots], ..Logic::default() };
        for step in steps {
            let mut governors = Vec::new();
            logic.govern(step.visible_if.as_ref(), &mut governors);
            logic.collect(&step.items, &mut governors)?;
        }
        logic.by_id = logic.fields.iter().enumerate().map(|(i, f)| (f.id.clone(), i)).collect();
        logic.by_id.sort_unstable();
        logic.order()?;
        Ok(logic)
    }

    /// The number of repeatable group `id`.
    pub(crate) fn repeat(&self, id: &str) -> Option<usize> {
        self.repeats.iter().position(|r| r.id == id)
    }

    /// The number of field `id`.
    pub(crate) fn field(&self, id: &str) -> Option<usize> {
        let at = self.by_id.binary_search_by(|(known, _)| known.as_str().cmp(id)).ok()?;
        Some(self.by_id[at].1)
    }

    /// Notes a condition; if it governs visibility, pushes it onto `governors`.
    fn govern(&mut self, condition: Option<&Condition>, governors: &mut Vec<usize>) {
        if let Some(condition) = condition {
            self.note(condition);
            governors.push(condition.slot);
        }
    }

    fn note(&mut self, condition: &Condition) {
        if let Some(slot) = self.conditions.get_mut(condition.slot) {
            *slot = Some(condition.expr.clone());
        }
    }

    fn collect(&mut self, items: &[Item], governors: &mut Vec<usize>) -> Result<(), Cycle> {
        for item in items {
            let depth = governors.len();
            match item {
                Item::Field(field) => {
                    self.govern(field.visible_if.as_ref(), governors);
                    field.required_if.iter().for_each(|c| self.note(c));
                    for choice in field.kind.choices().unwrap_or_default() {
                        choice.visible_if.iter().for_each(|c| self.note(c));
                    }
                    let calculation = match &field.kind {
                        FieldKind::Calculated(calculation) => Some(calculation.expr.clone()),
                        _ => None,
                    };
                    self.fields.push(FieldLogic {
                        id: field.id.clone(),
                        node: 0,
                        governors: governors.clone(),
                        calculation,
                    });
                }
                Item::Group(group) => {
                    self.govern(group.visible_if.as_ref(), governors);
                    self.collect(&group.items, governors)?;
                }
                Item::Repeat(repeat) => {
                    self.govern(repeat.visible_if.as_ref(), governors);
                    let children = children_of(repeat)?;
                    self.repeats.push(RepeatLogic {
                        id: repeat.id.clone(),
                        node: 0,
                        governors: governors.clone(),
                        children,
                    });
                }
                Item::Content(content) => content.visible_if.iter().for_each(|c| self.note(c)),
            }
            governors.truncate(depth);
        }
        Ok(())
    }

    /// Orders the nodes (Kahn's algorithm; ties keep conditions by slot, then fields in
    /// definition order).
    fn order(&mut self) -> Result<(), Cycle> {
        let slots = self.conditions.len();
        let repeats = slots + self.fields.len();
        let count = repeats + self.repeats.len();
        let node = |i: usize| match i {
            _ if i < slots => Node::Condition(i),
            _ if i < repeats => Node::Field(i - slots),
            _ => Node::Repeat(i - repeats),
        };
        // A field, a group (`count(g)`) or a group's column (`sum(g.f)`). A name no field has
        // cannot occur (the type check refused it); if it did, it would read its own reader, a
        // circle, and be reported rather than vanish.
        let index_of = |name: &str, reader: usize| match self.field(name) {
            Some(f) => slots + f,
            None => {
                let group = name.split_once('.').map_or(name, |(group, _)| group);
                self.repeat(group).map_or(reader, |r| repeats + r)
            }
        };
        // Edges from what is read to what reads it.
        let mut readers: Vec<Vec<usize>> = vec![Vec::new(); count];
        for (slot, expr) in self.conditions.iter().enumerate() {
            for name in expr.iter().flat_map(Expr::references) {
                readers[index_of(&name, slot)].push(slot);
            }
        }
        for (f, field) in self.fields.iter().enumerate() {
            let me = slots + f;
            for &slot in &field.governors {
                readers[slot].push(me);
            }
            for name in field.calculation.iter().flat_map(Expr::references) {
                readers[index_of(&name, me)].push(me);
            }
        }
        for (r, repeat) in self.repeats.iter().enumerate() {
            let me = repeats + r;
            for &slot in &repeat.governors {
                readers[slot].push(me);
            }
            let expressions = repeat.children.iter().flat_map(|c| c.conditions.iter().chain(&c.calculation));
            for name in expressions.flat_map(Expr::references) {
                if !repeat.has(&name) {
                    readers[index_of(&name, me)].push(me);
                }
            }
        }
        let sorted = match kahn(&readers) {
            Ok(sorted) => sorted,
            Err(circle) => {
                let mut cycle = Cycle { fields: Vec::new(), conditions: Vec::new() };
                for i in circle {
                    match node(i) {
                        Node::Condition(slot) => cycle.conditions.push(slot),
                        Node::Field(f) => cycle.fields.push(self.fields[f].id.clone()),
                        Node::Repeat(r) => cycle.fields.push(self.repeats[r].id.clone()),
                    }
                }
                return Err(cycle);
            }
        };
        let mut position = vec![0; count];
        for (at, &i) in sorted.iter().enumerate() {
            position[i] = at;
        }
        self.dependents =
            sorted.iter().map(|&i| readers[i].iter().map(|&to| position[to]).collect()).collect();
        self.order = sorted.iter().map(|&i| node(i)).collect();
        for (f, field) in self.fields.iter_mut().enumerate() {
            field.node = position[slots + f];
        }
        for (r, repeat) in self.repeats.iter_mut().enumerate() {
            repeat.node = position[repeats + r];
        }
        Ok(())
    }
}

/// The fields of a repeatable group's item with the conditions inside the item that govern
/// each, ordered so each comes after the siblings it reads.
fn children_of(repeat: &Repeat) -> Result<Vec<ChildLogic>, Cycle> {
    fn walk(items: &[Item], conditions: &mut Vec<Expr>, out: &mut Vec<ChildLogic>) {
        for item in items {
            let depth = conditions.len();
            match item {
                Item::Field(field) => {
                    conditions.extend(field.visible_if.iter().map(|c| c.expr.clone()));
                    let calculation = match &field.kind {
                        FieldKind::Calculated(calculation) => Some(calculation.expr.clone()),
                        _ => None,
                    };
                    out.push(ChildLogic {
                        id: field.id.clone(),
                        conditions: conditions.clone(),
                        calculation,
                    });
                }
                Item::Group(group) => {
                    conditions.extend(group.visible_if.iter().map(|c| c.expr.clone()));
                    walk(&group.items, conditions, out);
                }
                Item::Repeat(_) | Item::Content(_) => {}
            }
            conditions.truncate(depth);
        }
    }
    let mut children = Vec::new();
    walk(&repeat.items, &mut Vec::new(), &mut children);
    let mut readers: Vec<Vec<usize>> = vec![Vec::new(); children.len()];
    for (me, child) in children.iter().enumerate() {
        for name in child.conditions.iter().chain(&child.calculation).flat_map(Expr::references) {
            if let Some(read) = children.iter().position(|c| c.id == name) {
                readers[read].push(me);
            }
        }
    }
    let order = kahn(&readers).map_err(|circle| Cycle {
        fields: circle.into_iter().map(|i| children[i].id.clone()).collect(),
        conditions: Vec::new(),
    })?;
    Ok(order.into_iter().map(|i| children[i].clone()).collect())
}

/// The nodes `0..readers.len()` in an order where each comes after all it reads, or a circle.
fn kahn(readers: &[Vec<usize>]) -> Result<Vec<usize>, Vec<usize>> {
    let mut incoming = vec![0usize; readers.len()];
    for &to in readers.iter().flatten() {
        incoming[to] += 1;
    }
    let mut sorted: Vec<usize> = (0..readers.len()).filter(|&i| incoming[i] == 0).collect();
    let mut next = 0;
    while let Some(&i) = sorted.get(next) {
        next += 1;
        for &to in &readers[i] {
            incoming[to] -= 1;
            if incoming[to] == 0 {
                sorted.push(to);
            }
        }
    }
    if sorted.len() < readers.len() { Err(find_cycle(readers, &incoming)) } else { Ok(sorted) }
}

/// One circle among the nodes Kahn's algorithm could not order, starting at its first node.
/// Each such node is read from another unordered one, so walking back along those edges must
/// come round.
fn find_cycle(readers: &[Vec<usize>], incoming: &[usize]) -> Vec<usize> {
    let stuck = |i: usize| incoming[i] > 0;
    let mut read_from = vec![None; readers.len()];
    for (from, edges) in readers.iter().enumerate() {
        for &to in edges {
            if stuck(from) && stuck(to) {
                read_from[to] = Some(from);
            }
        }
    }
    let Some(start) = (0..readers.len()).find(|&i| stuck(i)) else { return Vec::new() };
    let mut seen = vec![false; readers.len()];
    let mut at = start;
    while !seen[at] {
        seen[at] = true;
        match read_from[at] {
            Some(from) => at = from,
            None => break,
        }
    }
    // `at` is on the circle: collect it going backwards, then turn it round.
    let mut circle = vec![at];
    let mut next = read_from[at];
    while let Some(i) = next {
        if i == at || circle.len() > readers.len() {
            break;
        }
        circle.push(i);
        next = read_from[i];
    }
    circle.reverse();
    // Start where the definition's order would: the same circle always reads the same.
    if let Some(first) = circle.iter().enumerate().min_by_key(|&(_, i)| *i).map(|(at, _)| at) {
        circle.rotate_left(first);
    }
    circle
}
