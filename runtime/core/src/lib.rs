//! The Formlotse engine: definition → answers → validation → steps → payload.
//!
//! This crate never touches the DOM, the network or the clock. It builds natively, so a server
//! validates a submission with exactly the code the browser ran.

pub mod answers;
pub mod definition;
pub mod delivery;
pub mod diagnostic;
pub mod draft;
pub mod expr;
pub mod flow;
mod format;
pub mod lang;
pub mod load;
pub mod logic;
pub mod markup;
pub mod messages;
pub mod path;
pub mod payload;
pub mod review;
#[cfg(feature = "authoring")]
pub mod schema;
pub mod sha256;
pub mod validation;
pub mod value;

pub use answers::Answers;
pub use definition::{Definition, Field, FieldKind, Item, Step, Text};
pub use diagnostic::{Diagnostic, Position, Problem};
pub use flow::{Flow, Move};
pub use lang::Lang;
pub use load::load;
pub use logic::Resolved;
pub use validation::{Context, FieldError, Violation, check_submission};
pub use value::{Answer, Date, Value};
