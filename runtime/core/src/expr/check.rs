//! Types, checked once when the definition loads, so that evaluation never meets a surprise:
//! a date compared with a number, an unknown field or function, a wrong argument count.

// A function's arguments are indexed after their number was checked against its arity.
#![allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)]

use super::parse::{Kind, Node, Op};

/// The type of a value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Type {
    /// An exact decimal (also money).
    Number,
    /// Text (also option values).
    Text,
    /// True or false.
    Bool,
    /// A calendar date.
    Date,
    /// Several text values (the chosen options of `checkboxes`).
    TextList,
    /// Chosen files (only `count` reads them).
    Files,
    /// The items of a repeatable group (only `count` reads them).
    Items,
    /// A number field across the items of a repeatable group, `group.field` (only `sum` reads it).
    Numbers,
}

impl Type {
    /// The type's name in an English sentence.
    pub fn name(self) -> &'static str {
        match self {
            Type::Number => "a number",
            Type::Text => "text",
            Type::Bool => "true/false",
            Type::Date => "a date",
            Type::TextList => "a list of text",
            Type::Files => "files",
            Type::Items => "the items of a repeatable group",
            Type::Numbers => "numbers of a repeatable group",
        }
    }
}

/// A type error at a byte offset.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TypeError {
    /// Byte offset in the source.
    pub offset: usize,
    /// What is wrong.
    pub kind: TypeErrorKind,
}

/// Every function of the language, as the checker below knows them (messages list them; a
/// test holds this list, the checker, the evaluator and the docs together).
pub const FUNCTIONS: &[&str] = &["today", "date", "age", "days_between", "count", "sum", "if", "round"];

/// What is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TypeErrorKind {
    /// No field has this id.
    UnknownField(String),
    /// No such function.
    UnknownFunction(String),
    /// The function takes another number of arguments.
    Arity { function: &'static str, expected: usize, found: usize },
    /// A value of the wrong type here.
    Expected { expected: Type, found: Type },
    /// An operator that does not apply to these types.
    Operator { op: &'static str, left: Type, right: Type },
    /// `round`'s places must be a whole number literal from 0 to 12.
    Places,
}

impl TypeError {
    /// A sentence for the form author.
    pub fn message(&self) -> String {
        match &self.kind {
            TypeErrorKind::UnknownField(name) => format!("no field has the id \"{name}\""),
            TypeErrorKind::UnknownFunction(name) => {
                format!("there is no function \"{name}\"; known: {}", FUNCTIONS.join(", "))
            }
            TypeErrorKind::Arity { function, expected, found } => {
                format!("{function}() takes {expected} argument(s), not {found}")
            }
            TypeErrorKind::Expected { expected, found } => {
                format!("expected {}, found {}", expected.name(), found.name())
            }
            TypeErrorKind::Operator { op, left, right } => {
                format!("\"{op}\" cannot combine {} and {}", left.name(), right.name())
            }
            TypeErrorKind::Places => "round() needs a whole number of places from 0 to 12".to_owned(),
        }
    }
}

/// The type of `node`, given the fields' types.
pub(crate) fn check(node: &Node, field_type: &dyn Fn(&str) -> Option<Type>) -> Result<Type, TypeError> {
    let error = |kind| Err(TypeError { offset: node.offset, kind });
    let expect = |child: &Node, expected: Type| -> Result<(), TypeError> {
        let found = check(child, field_type)?;
        if found == expected {
            Ok(())
        } else {
            Err(TypeError { offset: child.offset, kind: TypeErrorKind::Expected { expected, found } })
        }
    };
    match &node.kind {
        Kind::Number(_) => Ok(Type::Number),
        Kind::Text(_) => Ok(Type::Text),
        Kind::Bool(_) => Ok(Type::Bool),
        Kind::List(items) => {
            for item in items {
                expect(item, Type::Text)?;
            }
            Ok(Type::TextList)
        }
        Kind::Field(name) => match field_type(name) {
            Some(ty) => Ok(ty),
            None => error(TypeErrorKind::UnknownField(name.clone())),
        },
        Kind::Not(inner) => expect(inner, Type::Bool).map(|()| Type::Bool),
        Kind::Neg(inner) => expect(inner, Type::Number).map(|()| Type::Number),
        Kind::Binary(op, left, right) => {
            let (l, r) = (check(left, field_type)?, check(right, field_type)?);
            let result = match (op, l, r) {
                (Op::Or | Op::And, Type::Bool, Type::Bool) => Some(Type::Bool),
                (Op::Eq | Op::Ne, a, b)
                    if a == b && !matches!(a, Type::Files | Type::Items | Type::Numbers) =>
                {
                    Some(Type::Bool)
                }
                (Op::Lt | Op::Le | Op::Gt | Op::Ge, a, b)
                    if a == b && matches!(a, Type::Number | Type::Date | Type::Text) =>
                {
                    Some(Type::Bool)
                }
                (Op::In, Type::Text, Type::TextList) => Some(Type::Bool),
                (Op::Add, Type::Text, Type::Text) => Some(Type::Text),
                (Op::Add | Op::Sub | Op::Mul | Op::Div, Type::Number, Type::Number) => Some(Type::Number),
                _ => None,
            };
            result.map_or_else(|| error(TypeErrorKind::Operator { op: op_name(*op), left: l, right: r }), Ok)
        }
        Kind::Call(name, args) => {
            let arity = |function: &'static str, expected: usize| -> Result<(), TypeError> {
                if args.len() == expected {
                    Ok(())
                } else {
                    Err(TypeError {
                        offset: node.offset,
                        kind: TypeErrorKind::Arity { function, expected, found: args.len() },
                    })
                }
            };
            match name.as_str() {
                "today" => arity("today", 0).map(|()| Type::Date),
                "date" => {
                    arity("date", 1)?;
                    expect(&args[0], Type::Text).map(|()| Type::Date)
                }
                "age" => {
                    arity("age", 1)?;
                    expect(&args[0], Type::Date).map(|()| Type::Number)
                }
                "days_between" => {
                    arity("days_between", 2)?;
                    expect(&args[0], Type::Date)?;
                    expect(&args[1], Type::Date).map(|()| Type::Number)
                }
                "count" => {
                    arity("count", 1)?;
                    match check(&args[0], field_type)? {
                        Type::TextList | Type::Files | Type::Items => Ok(Type::Number),
                        found => Err(TypeError {
                            offset: args[0].offset,
                            kind: TypeErrorKind::Expected { expected: Type::TextList, found },
                        }),
                    }
                }
                "sum" => {
                    arity("sum", 1)?;
                    expect(&args[0], Type::Numbers).map(|()| Type::Number)
                }
                "if" => {
                    arity("if", 3)?;
                    expect(&args[0], Type::Bool)?;
                    let then = check(&args[1], field_type)?;
                    expect(&args[2], then).map(|()| then)
                }
                "round" => {
                    arity("round", 2)?;
                    expect(&args[0], Type::Number)?;
                    match &args[1].kind {
                        Kind::Number(places)
                            if places.decimals() == 0
                                && places.trunc().is_some_and(|n| (0..=12).contains(&n)) =>
                        {
                            Ok(Type::Number)
                        }
                        _ => Err(TypeError { offset: args[1].offset, kind: TypeErrorKind::Places }),
                    }
                }
                _ => error(TypeErrorKind::UnknownFunction(name.clone())),
            }
        }
    }
}

fn op_name(op: Op) -> &'static str {
    match op {
        Op::Or => "or",
        Op::And => "and",
        Op::Eq => "==",
        Op::Ne => "!=",
        Op::Lt => "<",
        Op::Le => "<=",
        Op::Gt => ">",
        Op::Ge => ">=",
        Op::In => "in",
        Op::Add => "+",
        Op::Sub => "-",
        Op::Mul => "*",
        Op::Div => "/",
    }
}
