//! The Formlotse engine: definition → answers → validation → steps → payload.
//!
//! This crate never touches the DOM, the network or the clock. It builds natively, so a server
//! validates a submission with exactly the code the browser ran.
//!
//! Nothing in it panics on any input: outside tests, the lints below refuse `unwrap`,
//! `expect`, `panic!`, indexing that can fail and arithmetic that can overflow.
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing,
        clippy::arithmetic_side_effects
    )
)]

pub mod answers;
pub mod catalog;
pub mod definition;
pub mod delivery;
pub mod diagnostic;
pub mod draft;
pub mod expr;
pub mod flow;
mod format;
pub mod json;
pub mod lang;
pub mod load;
pub mod logic;
pub mod markup;
pub mod messages;
pub mod path;
pub mod pattern;
pub mod payload;
pub mod plural;
pub mod review;
#[cfg(feature = "authoring")]
pub mod schema;
pub mod sha256;
pub mod validation;
pub mod value;

#[cfg(test)]
mod drift_tests;

pub use answers::Answers;
pub use definition::{Definition, Field, FieldKind, FimRef, Item, Step, Text};
pub use diagnostic::{Diagnostic, Position, Problem};
pub use flow::{Flow, Move};
pub use lang::Lang;
pub use load::load;
pub use logic::Resolved;
pub use validation::{Context, FieldError, Violation, check_payload, check_received, check_submission};
pub use value::{Answer, Date, Value};
