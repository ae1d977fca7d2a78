//! Evaluation of a checked tree. Types were checked at load, so a mismatch here only comes
//! from the host's values (an answer of another kind): it is treated as absent, never a panic.

use super::parse::{Kind, Node, Op};
use crate::value::{Date, Decimal, Value};
use std::cmp::Ordering;

/// What evaluation reads: the fields' current values and the day.
pub trait Env {
    /// The value of field `id`, `None` when it is empty (or hidden).
    fn value(&self, id: &str) -> Option<Value>;
    /// Today, from the host.
    fn today(&self) -> Date;
    /// The number of items of repeatable group `id` (0 while it is hidden).
    fn items(&self, id: &str) -> usize {
        let _ = id;
        0
    }
    /// The values of `group.field` across the items of a repeatable group, empty ones left out.
    fn column(&self, path: &str) -> Vec<Value> {
        let _ = path;
        Vec::new()
    }
}

pub(crate) fn eval(node: &Node, env: &dyn Env) -> Option<Value> {
    match &node.kind {
        Kind::Number(n) => Some(Value::Number(*n)),
        Kind::Text(t) => Some(Value::Text(t.clone())),
        Kind::Bool(b) => Some(Value::Bool(*b)),
        Kind::List(items) => {
            let texts = items.iter().map(|item| match eval(item, env)? {
                Value::Text(t) => Some(t),
                _ => None,
            });
            Some(Value::Choices(texts.collect::<Option<Vec<_>>>()?))
        }
        Kind::Field(name) => env.value(name),
        Kind::Not(inner) => Some(Value::Bool(!truthy(eval(inner, env)))),
        Kind::Neg(inner) => match eval(inner, env)? {
            Value::Number(n) => Decimal::from_int(0).checked_sub(n).map(Value::Number),
            _ => None,
        },
        Kind::Binary(Op::And, left, right) => {
            Some(Value::Bool(truthy(eval(left, env)) && truthy(eval(right, env))))
        }
        Kind::Binary(Op::Or, left, right) => {
            Some(Value::Bool(truthy(eval(left, env)) || truthy(eval(right, env))))
        }
        Kind::Binary(op, left, right) => {
            let (left, right) = (eval(left, env), eval(right, env));
            binary(*op, left, right)
        }
        Kind::Call(name, args) => call(name, args, env),
    }
}

fn truthy(value: Option<Value>) -> bool {
    matches!(value, Some(Value::Bool(true)))
}

fn binary(op: Op, left: Option<Value>, right: Option<Value>) -> Option<Value> {
    let compare = |wanted: fn(Ordering) -> bool| -> Option<Value> {
        // A comparison with an absent value does not hold.
        let ordering = match (left.as_ref(), right.as_ref()) {
            (Some(Value::Number(a)), Some(Value::Number(b))) => a.cmp(b),
            (Some(Value::Date(a)), Some(Value::Date(b))) => a.cmp(b),
            (Some(Value::Text(a)), Some(Value::Text(b))) => a.cmp(b),
            (Some(Value::Bool(a)), Some(Value::Bool(b))) => a.cmp(b),
            (Some(Value::Choices(a)), Some(Value::Choices(b))) => {
                return Some(Value::Bool(wanted(if a == b { Ordering::Equal } else { Ordering::Less })));
            }
            _ => return Some(Value::Bool(false)),
        };
        Some(Value::Bool(wanted(ordering)))
    };
    match op {
        Op::Eq => compare(|o| o == Ordering::Equal),
        Op::Ne => match (&left, &right) {
            (Some(_), Some(_)) => compare(|o| o != Ordering::Equal),
            _ => Some(Value::Bool(false)),
        },
        Op::Lt => compare(|o| o == Ordering::Less),
        Op::Le => compare(|o| o != Ordering::Greater),
        Op::Gt => compare(|o| o == Ordering::Greater),
        Op::Ge => compare(|o| o != Ordering::Less),
        Op::In => Some(Value::Bool(match (left, right) {
            (Some(Value::Text(item)), Some(Value::Choices(list))) => list.contains(&item),
            _ => false,
        })),
        Op::Add | Op::Sub | Op::Mul | Op::Div => match (left?, right?) {
            (Value::Number(a), Value::Number(b)) => match op {
                Op::Add => a.checked_add(b),
                Op::Sub => a.checked_sub(b),
                Op::Mul => a.checked_mul(b),
                _ => a.checked_div(b),
            }
            .map(Value::Number),
            (Value::Text(a), Value::Text(b)) if op == Op::Add => Some(Value::Text(a + &b)),
            _ => None,
        },
        Op::And | Op::Or => None,
    }
}

fn call(name: &str, args: &[Node], env: &dyn Env) -> Option<Value> {
    let arg = |i: usize| args.get(i).and_then(|node| eval(node, env));
    let date = |i: usize| match arg(i)? {
        Value::Date(d) => Some(d),
        _ => None,
    };
    match name {
        "today" => Some(Value::Date(env.today())),
        "date" => match arg(0)? {
            Value::Text(text) => Date::parse_iso(&text).map(Value::Date),
            _ => None,
        },
        "age" => Some(Value::Number(Decimal::from_int(years_between(date(0)?, env.today())))),
        "days_between" => {
            Some(Value::Number(Decimal::from_int(date(1)?.to_days().checked_sub(date(0)?.to_days())?)))
        }
        "count" if matches!(args.first().map(|a| &a.kind), Some(Kind::Field(name)) if env.items(name) > 0) => {
            let Some(Kind::Field(name)) = args.first().map(|a| &a.kind) else { return None };
            Some(Value::Number(Decimal::from_int(env.items(name) as i64)))
        }
        "sum" => {
            let Some(Kind::Field(path)) = args.first().map(|a| &a.kind) else { return None };
            let mut total = Decimal::from_int(0);
            for value in env.column(path) {
                if let Value::Number(n) = value {
                    total = total.checked_add(n)?;
                }
            }
            Some(Value::Number(total))
        }
        "count" => Some(Value::Number(Decimal::from_int(match arg(0) {
            Some(Value::Choices(list)) => list.len() as i64,
            Some(Value::Files(files)) => files.len() as i64,
            _ => 0,
        }))),
        "if" => {
            if truthy(arg(0)) {
                arg(1)
            } else {
                arg(2)
            }
        }
        "round" => match (arg(0)?, arg(1)?) {
            (Value::Number(n), Value::Number(places)) => {
                let places = u32::try_from(places.trunc()?).ok()?.min(12);
                Some(Value::Number(n.round(places)))
            }
            _ => None,
        },
        _ => None,
    }
}

/// Whole years from `born` to `on`. Someone born on 29 February has their birthday on 1 March
/// in other years (born 29 Feb 2008: 17 on 28 Feb 2026, 18 on 1 Mar 2026).
fn years_between(born: Date, on: Date) -> i64 {
    let (by, bm, bd) = born.parts();
    let (y, m, d) = on.parts();
    // Years are 1 to 9999 (a `Date` holds no other), so this cannot overflow.
    let years = i64::from(y).saturating_sub(i64::from(by));
    if (m, d) < (bm, bd) { years.saturating_sub(1) } else { years }
}
