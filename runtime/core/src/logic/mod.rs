//! Conditions and calculations over the whole form: which fields are shown, which are
//! required, what the calculated fields hold.
//!
//! At load, [`Logic::build`] turns the definition's `visibleIf`, `requiredIf` and calculated
//! fields into a dependency graph and puts its nodes in an evaluation order (a cycle is a
//! load diagnostic). [`Resolved`] evaluates it against the answers; after one answer changes,
//! [`Resolved::set`] re-evaluates only the nodes that depend on it, in that order.
//!
//! A hidden field counts as empty for everything that reads it (conditions, calculations,
//! `after`, `equals`, the payload), but its answer is kept, so showing it again brings back
//! what was typed.

#[cfg(test)]
mod fault_tests;
mod graph;
#[cfg(test)]
mod repeat_tests;
mod resolved;
#[cfg(test)]
mod tests;
mod view;

pub use graph::{Cycle, Logic};
pub use resolved::Resolved;
