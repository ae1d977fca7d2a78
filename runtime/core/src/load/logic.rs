//! Reading `visibleIf`, `requiredIf` and calculated fields: every expression is type-checked
//! against the types of all fields of the form, even those defined further down, and the
//! dependency graph is built once everything is read.

// `pending` has one entry per calculation and is indexed by their enumeration.
#![allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)]

use super::Context;
use super::object::{Object, Sink};
use crate::definition::{ByKey, Condition, Step};
use crate::diagnostic::Problem;
use crate::expr::{Expr, Type};
use crate::json::Json as Value;
use crate::logic::{Cycle, Logic};

/// The expression type of a field of kind `name`.
fn type_of_kind(name: &str) -> Option<Type> {
    Some(match name {
        "text" | "textarea" | "email" | "phone" | "iban" | "postalCode" | "select" | "radio" => Type::Text,
        "number" | "money" => Type::Number,
        "date" => Type::Date,
        "checkbox" | "yesno" => Type::Bool,
        "checkboxes" => Type::TextList,
        "file" => Type::Files,
        _ => return None,
    })
}

/// Before the form is read: the type of every field by id. A calculated field has the type of
/// its expression, so those are worked out in rounds, each taking the ones whose references
/// are all known. What never resolves (a circle, a typo) is taken as a number here; the
/// reading reports the real problem at its place.
/// Also returns the repeatable group of each field inside one.
pub(super) fn field_types(form: &Value) -> (ByKey<Type>, ByKey<String>) {
    let mut types = ByKey::new();
    let mut calculations: Vec<(String, &str)> = Vec::new();
    let steps = form.get("steps").and_then(Value::as_array).map(Vec::as_slice).unwrap_or_default();
    // Each item with the repeatable group it is in.
    let mut stack: Vec<(&Value, Option<&str>)> = steps.iter().rev().map(|s| (s, None)).collect();
    let mut members: Vec<(&str, &str)> = Vec::new();
    let mut repeat_of = ByKey::new();
    while let Some((item, repeat)) = stack.pop() {
        let id = item.get("id").and_then(Value::as_str);
        let kind = item.get("type").and_then(Value::as_str);
        let inner = if kind == Some("repeat") { id.or(repeat) } else { repeat };
        if let Some(items) = item.get("fields").and_then(Value::as_array) {
            stack.extend(items.iter().rev().map(|i| (i, inner)));
        }
        let (Some(id), Some(kind)) = (id, kind) else { continue };
        if let (Some(repeat), false) = (repeat, kind == "repeat") {
            members.push((repeat, id));
            repeat_of.insert(id.to_owned(), repeat.to_owned());
        }
        if kind == "repeat" {
            types.insert(id.to_owned(), Type::Items);
        } else if kind == "calculated" {
            if let Some(source) = item.get("expression").and_then(Value::as_str) {
                calculations.push((id.to_owned(), source));
            }
        } else if let Some(ty) = type_of_kind(kind) {
            types.insert(id.to_owned(), ty);
        }
    }
    // Calculations whose type is not known yet.
    let mut pending = vec![true; calculations.len()];
    let is_pending = |pending: &[bool], name: &str| {
        calculations.iter().zip(pending).any(|((id, _), &waiting)| waiting && id == name)
    };
    loop {
        let mut progress = false;
        for (i, (id, source)) in calculations.iter().enumerate() {
            if !pending[i] {
                continue;
            }
            let ready = Expr::references_in(source)
                .is_some_and(|names| names.iter().all(|name| !is_pending(&pending, name)));
            if ready {
                let ty = Expr::compile(source, &|name| types.get(name).copied(), None)
                    .map_or(Type::Number, |e| e.ty());
                types.insert(id.clone(), ty);
                pending[i] = false;
                progress = true;
            }
        }
        if !progress {
            break;
        }
    }
    for ((id, _), waiting) in calculations.iter().zip(pending) {
        if waiting {
            types.insert(id.clone(), Type::Number);
        }
    }
    // `sum(group.field)` reads a number field across a group's items.
    for (repeat, id) in members {
        if types.get(id) == Some(&Type::Number) {
            types.insert(format!("{repeat}.{id}"), Type::Numbers);
        }
    }
    (types, repeat_of)
}

/// Compiles the expression under `key` of `object`, of type `expected` when given; reports a
/// refused one at its key, with the column of the offending spot.
pub(super) fn read_expression(
    object: &Object,
    key: &str,
    expected: Option<Type>,
    context: &Context,
    sink: &mut Sink,
) -> Option<Expr> {
    let source = object.string(key, sink)?;
    // A field of a repeatable group is seen by that group's expressions only (as the same
    // item's field); elsewhere the group is read with count() and sum().
    let visible = |name: &str| match context.repeat_of.get(name) {
        Some(repeat) => context.in_repeat.as_ref() == Some(repeat),
        None => true,
    };
    match Expr::compile(source, &|name| context.types.get(name).copied().filter(|_| visible(name)), expected)
    {
        Ok(expr) => Some(expr),
        Err(error) => {
            let column = source.get(..error.offset()).map_or(0, |before| before.chars().count());
            sink.push(object.pointer_of(key), Problem::Expression { error, column });
            None
        }
    }
}

/// A `visibleIf` or `requiredIf`, numbered; remembers where it is for a cycle diagnostic.
pub(super) fn read_condition(
    object: &Object,
    key: &str,
    context: &mut Context,
    sink: &mut Sink,
) -> Option<Condition> {
    let expr = read_expression(object, key, Some(Type::Bool), context, sink)?;
    let slot = context.condition_pointers.len();
    context.condition_pointers.push(object.pointer_of(key));
    Some(Condition { slot, expr })
}

/// The dependency graph of the steps, or a diagnostic naming the circle.
pub(super) fn build_logic(steps: &[Step], context: &Context, sink: &mut Sink) -> Option<Logic> {
    match Logic::build(steps, context.condition_pointers.len()) {
        Ok(logic) => Some(logic),
        Err(cycle) => {
            let pointer = cycle_pointer(&cycle, context);
            sink.push(pointer, Problem::Cycle { fields: cycle.fields });
            None
        }
    }
}

/// Where to point at a circle: its first calculated field's `expression`, else its first
/// condition.
fn cycle_pointer(cycle: &Cycle, context: &Context) -> String {
    let calculated = cycle.fields.iter().find_map(|id| context.expression_pointers.get(id));
    let condition = || cycle.conditions.first().and_then(|&slot| context.condition_pointers.get(slot));
    calculated.or_else(condition).cloned().unwrap_or_default()
}
