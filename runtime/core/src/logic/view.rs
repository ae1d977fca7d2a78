//! What an expression sees of the answers while the logic is evaluated.

use super::graph::RepeatLogic;
use crate::expr::Env;
use crate::path;
use crate::validation::Values;
use crate::value::{Date, Value};

/// Expressions read the effective values: a hidden field is empty. Inside item `i` of a
/// repeatable group (`item`), the group's field ids mean that item's fields.
pub(super) struct View<'a> {
    pub(super) values: &'a Values,
    pub(super) today: Date,
    pub(super) item: Option<(&'a RepeatLogic, usize)>,
}

fn value_in(values: &Values, key: &str) -> Option<Value> {
    match values.get(key) {
        Some(Ok(Some(value))) => Some(value.clone()),
        _ => None,
    }
}

/// The number of items of group `id` as its effective value holds it.
pub(super) fn items_in(values: &Values, id: &str) -> usize {
    match values.get(id) {
        Some(Ok(Some(Value::Number(n)))) => n.trunc().and_then(|n| usize::try_from(n).ok()).unwrap_or(0),
        _ => 0,
    }
}

fn column_in(values: &Values, column: &str) -> Vec<Value> {
    let Some((group, field)) = column.split_once('.') else { return Vec::new() };
    (0..items_in(values, group)).filter_map(|i| value_in(values, &path::item(group, i, field))).collect()
}

impl Env for View<'_> {
    fn value(&self, id: &str) -> Option<Value> {
        match self.item {
            Some((repeat, index)) if repeat.has(id) => {
                value_in(self.values, &path::item(&repeat.id, index, id))
            }
            _ => value_in(self.values, id),
        }
    }

    fn today(&self) -> Date {
        self.today
    }

    fn items(&self, id: &str) -> usize {
        items_in(self.values, id)
    }

    fn column(&self, column: &str) -> Vec<Value> {
        column_in(self.values, column)
    }
}
