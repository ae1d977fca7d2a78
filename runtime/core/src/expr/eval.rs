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

/// Arithmetic without a result: a division by zero, or a number beyond what a [`Decimal`]
/// holds. Unlike an absent value it is not "not yet answered": the answers given cannot be
/// calculated with, and the citizen has to change one of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fault;

/// A value, absent (`Ok(None)`), or a fault that ends the whole evaluation.
pub(crate) type Outcome = Result<Option<Value>, Fault>;

pub(crate) fn eval(node: &Node, env: &dyn Env) -> Outcome {
    Ok(match &node.kind {
        Kind::Number(n) => Some(Value::Number(*n)),
        Kind::Text(t) => Some(Value::Text(t.clone())),
        Kind::Bool(b) => Some(Value::Bool(*b)),
        Kind::List(items) => {
            let mut texts = Vec::with_capacity(items.len());
            for item in items {
                match eval(item, env)? {
                    Some(Value::Text(t)) => texts.push(t),
                    _ => return Ok(None),
                }
            }
            Some(Value::Choices(texts))
        }
        Kind::Field(name) => env.value(name),
        Kind::Not(inner) => Some(Value::Bool(!truthy(eval(inner, env)?))),
        Kind::Neg(inner) => match eval(inner, env)? {
            Some(Value::Number(n)) => Some(Value::Number(exact(Decimal::from_int(0).checked_sub(n))?)),
            _ => None,
        },
        Kind::Binary(Op::And, left, right) => {
            Some(Value::Bool(truthy(eval(left, env)?) && truthy(eval(right, env)?)))
        }
        Kind::Binary(Op::Or, left, right) => {
            Some(Value::Bool(truthy(eval(left, env)?) || truthy(eval(right, env)?)))
        }
        Kind::Binary(op, left, right) => {
            let (left, right) = (eval(left, env)?, eval(right, env)?);
            return binary(*op, left, right);
        }
        Kind::Call(name, args) => return call(name, args, env),
    })
}

/// Checked arithmetic's `None` is a fault, not an absent value.
fn exact(result: Option<Decimal>) -> Result<Decimal, Fault> {
    result.ok_or(Fault)
}

fn truthy(value: Option<Value>) -> bool {
    matches!(value, Some(Value::Bool(true)))
}

fn binary(op: Op, left: Option<Value>, right: Option<Value>) -> Outcome {
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
    Ok(match op {
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
        Op::Add | Op::Sub | Op::Mul | Op::Div => match (left, right) {
            (Some(Value::Number(a)), Some(Value::Number(b))) => Some(Value::Number(exact(match op {
                Op::Add => a.checked_add(b),
                Op::Sub => a.checked_sub(b),
                Op::Mul => a.checked_mul(b),
                _ => a.checked_div(b),
            })?)),
            (Some(Value::Text(a)), Some(Value::Text(b))) if op == Op::Add => Some(Value::Text(a + &b)),
            _ => None,
        },
        Op::And | Op::Or => None,
    })
}

fn call(name: &str, args: &[Node], env: &dyn Env) -> Outcome {
    let arg = |i: usize| args.get(i).map_or(Ok(None), |node| eval(node, env));
    let date = |i: usize| {
        Ok(match arg(i)? {
            Some(Value::Date(d)) => Some(d),
            _ => None,
        })
    };
    let number = |n: i64| Ok(Some(Value::Number(Decimal::from_int(n))));
    match name {
        "today" => Ok(Some(Value::Date(env.today()))),
        "date" => Ok(match arg(0)? {
            Some(Value::Text(text)) => Date::parse_iso(&text).map(Value::Date),
            _ => None,
        }),
        "age" => match date(0)? {
            Some(born) => number(years_between(born, env.today())),
            None => Ok(None),
        },
        "days_between" => match (date(0)?, date(1)?) {
            // Days are within 1..=9999 years of each other: no fault is possible, checked all the same.
            (Some(from), Some(to)) => number(to.to_days().checked_sub(from.to_days()).ok_or(Fault)?),
            _ => Ok(None),
        },
        "count" if matches!(args.first().map(|a| &a.kind), Some(Kind::Field(name)) if env.items(name) > 0) => {
            let Some(Kind::Field(name)) = args.first().map(|a| &a.kind) else { return Ok(None) };
            number(i64::try_from(env.items(name)).map_err(|_| Fault)?)
        }
        "sum" => {
            let Some(Kind::Field(path)) = args.first().map(|a| &a.kind) else { return Ok(None) };
            let mut total = Decimal::from_int(0);
            for value in env.column(path) {
                if let Value::Number(n) = value {
                    total = exact(total.checked_add(n))?;
                }
            }
            Ok(Some(Value::Number(total)))
        }
        "count" => number(match arg(0)? {
            Some(Value::Choices(list)) => i64::try_from(list.len()).map_err(|_| Fault)?,
            Some(Value::Files(files)) => i64::try_from(files.len()).map_err(|_| Fault)?,
            _ => 0,
        }),
        "if" => {
            if truthy(arg(0)?) {
                arg(1)
            } else {
                arg(2)
            }
        }
        "round" => match (arg(0)?, arg(1)?) {
            (Some(Value::Number(n)), Some(Value::Number(places))) => {
                // A negative or huge number of places is the author's choice, not a fault.
                let Some(places) = places.trunc().and_then(|p| u32::try_from(p).ok()) else {
                    return Ok(None);
                };
                Ok(Some(Value::Number(n.round(places.min(12)))))
            }
            _ => Ok(None),
        },
        _ => Ok(None),
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
