//! One table test per mapping rule of docs/fim-import.md, on small schemas written here (and
//! the genericode lists in tests/codelists). Every import also passes the core loader.

mod code_lists;
mod errors;
mod fields;
mod rules;
mod structure;
mod support;
