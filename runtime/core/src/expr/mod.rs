//! The expression language of definitions (`visibleIf`, `requiredIf`, calculated values):
//! parsed and type-checked when a definition loads, evaluated without `eval`, never panicking.
//!
//! ```text
//! anzahl_hunde > 1 and not (rasse in ["pitbull", "staffordshire"])
//! if(anzahl_hunde > 1, 96 + 144 * (anzahl_hunde - 1), 96)
//! age(geburtsdatum) >= 18
//! days_between(beginn, ende) > 14
//! ```
//!
//! Values: numbers (exact decimals), text (`"…"` or `'…'`), `true`/`false`, dates
//! (`date("2026-01-01")`, `today()`), field references by id, lists of text (`[…]`, the chosen
//! values of `checkboxes`). Operators: `or`, `and`, `not`, `==`, `!=`, `<`, `<=`, `>`, `>=`, `in`,
//! `+`, `-`, `*`, `/` (and `+` on text). Functions ([`FUNCTIONS`]): `today()`, `date(text)`,
//! `age(date)`, `days_between(date, date)`, `count(list, files or repeatable group)`,
//! `sum(group.field)`, `if(bool, a, b)`, `round(number, n)`. Arithmetic is exact and checked: an
//! overflow or a division by zero is a [`Fault`], never a wrapped number; a calculated field
//! then has no value and reports `calculation`, which the citizen fixes by changing an answer.
//!
//! An empty answer is *absent*: comparisons with it are false, arithmetic with it is absent,
//! `and`/`or`/`not` read it as false, `count` as 0. So a condition on a field not yet answered
//! simply does not hold.

mod check;
mod eval;
mod parse;
#[cfg(test)]
mod tests;

pub use check::TypeErrorKind;
pub use check::{FUNCTIONS, Type, TypeError};
pub use eval::{Env, Fault};
pub use parse::{Expected, ParseError, ParseErrorKind};

use crate::value::Value;

/// A parsed and type-checked expression.
#[derive(Debug, Clone, PartialEq)]
pub struct Expr {
    node: parse::Node,
    ty: Type,
}

/// Why an expression was refused, at a byte offset of its source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExprError {
    /// Not an expression of the grammar.
    Parse(ParseError),
    /// Well-formed, but the types do not fit (or a name is unknown).
    Type(TypeError),
}

impl ExprError {
    /// Byte offset in the source.
    pub fn offset(&self) -> usize {
        match self {
            ExprError::Parse(e) => e.offset,
            ExprError::Type(e) => e.offset,
        }
    }

    /// A sentence for the form author (English, like the other diagnostics' details).
    pub fn message(&self) -> String {
        match self {
            ExprError::Parse(e) => e.message(),
            ExprError::Type(e) => e.message(),
        }
    }
}

impl Expr {
    /// Parses `source` and checks it against the fields `field_type` knows; `expected` is the
    /// type the place needs (`Bool` for conditions), `None` for any.
    pub fn compile(
        source: &str,
        field_type: &dyn Fn(&str) -> Option<Type>,
        expected: Option<Type>,
    ) -> Result<Expr, ExprError> {
        let node = parse::parse(source).map_err(ExprError::Parse)?;
        let ty = check::check(&node, field_type).map_err(ExprError::Type)?;
        if let Some(expected) = expected
            && ty != expected
        {
            return Err(ExprError::Type(TypeError {
                offset: 0,
                kind: TypeErrorKind::Expected { expected, found: ty },
            }));
        }
        Ok(Expr { node, ty })
    }

    /// The field ids an expression names, if it parses (types unchecked).
    pub fn references_in(source: &str) -> Option<Vec<String>> {
        let node = parse::parse(source).ok()?;
        let mut names = Vec::new();
        node.references(&mut names);
        Some(names)
    }

    /// The type of the result.
    pub fn ty(&self) -> Type {
        self.ty
    }

    /// The field ids it reads, each once, in order of appearance: what it must be
    /// re-evaluated after.
    pub fn references(&self) -> Vec<String> {
        let mut names = Vec::new();
        self.node.references(&mut names);
        names
    }

    /// The value, `Ok(None)` when it is absent (an answer it needs is empty), or a [`Fault`]
    /// when the answers cannot be calculated with (a division by zero, an overflow).
    pub fn eval(&self, env: &dyn Env) -> Result<Option<Value>, Fault> {
        eval::eval(&self.node, env)
    }

    /// A condition's verdict: absent is false, and so is a fault (a condition cannot be
    /// corrected by the citizen; a calculation's fault is reported on its field instead).
    pub fn holds(&self, env: &dyn Env) -> bool {
        matches!(self.eval(env), Ok(Some(Value::Bool(true))))
    }
}
