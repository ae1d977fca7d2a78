//! Authors' patterns (`"pattern"`): one small dialect of regular expressions that two engines
//! read alike. The server (and every native build) matches with `regex-lite`; the citizen's
//! browser with its own `RegExp`, so the wasm carries no regex engine. A pattern is parsed
//! here at load, refused if it uses anything outside the dialect, and written out for each
//! engine in that engine's syntax from the same tree (`emit.rs`), so both see exactly the same
//! pattern. `corpus.rs` holds the cases both engines must agree on: a native test runs them
//! through `regex-lite`, `tests/e2e/patterns.test.mjs` through V8's `RegExp` (Chromium's).
//!
//! The dialect: characters; `\` before ASCII punctuation, `\n`, `\r`, `\t`, `\x{HEX}`, `\xHH`;
//! `.` (any character but a line feed); `\d`, `\w`, `\s` (ASCII, as `[0-9]`, `[0-9A-Za-z_]`,
//! `[\t\n\x0B\f\r ]`) and `\D`, `\W`, `\S` outside brackets; bracket classes with ranges and
//! `^` (a `]`, `[` or `\` in them is escaped; `&&`, `--`, `~~` are refused); groups `(…)` and
//! `(?:…)`; `|`; `*`, `+`, `?`, `{n}`, `{n,}`, `{n,m}` (n, m ≤ 1000, optionally lazy); `^`,
//! `$`. Not in it (each engine reads them differently or not at all): flags, look-around,
//! back-references, `\b`, `\p{…}`, named groups, nested classes.

mod emit;
mod parse;

#[cfg(all(test, feature = "regex-lite"))]
mod corpus;

use parse::Node;
pub use parse::PatternError;

/// A pattern of the dialect, read.
#[derive(Debug, Clone)]
pub struct Dialect {
    tree: Node,
}

impl Dialect {
    /// Reads `source`, or says why it is not in the dialect.
    pub fn parse(source: &str) -> Result<Dialect, PatternError> {
        parse::parse(source).map(|tree| Dialect { tree })
    }

    /// The anchored pattern in `regex-lite`'s syntax: the whole answer must match.
    pub fn to_regex_lite(&self) -> String {
        emit::anchored(&self.tree, emit::Syntax::RegexLite)
    }

    /// The anchored pattern for ECMAScript's `new RegExp(source, "u")`.
    pub fn to_ecmascript(&self) -> String {
        emit::anchored(&self.tree, emit::Syntax::EcmaScript)
    }
}

/// How a host without `regex-lite` matches: `(ECMAScript source, text) -> matches`.
pub type HostMatcher = fn(&str, &str) -> bool;

static HOST_MATCHER: std::sync::OnceLock<HostMatcher> = std::sync::OnceLock::new();

/// Sets how patterns are matched in a build without the `regex-lite` feature (the citizen's
/// wasm sets the browser's `RegExp`). Only the first call counts.
pub fn set_host_matcher(matcher: HostMatcher) {
    let _ = HOST_MATCHER.set(matcher);
}

/// Whether `text` matches the ECMAScript `source` by the host's matcher; `true` while no
/// host matcher is set (a receiver checks again with `regex-lite`).
#[cfg_attr(feature = "regex-lite", allow(dead_code))]
pub(crate) fn host_matches(source: &str, text: &str) -> bool {
    HOST_MATCHER.get().is_none_or(|matcher| matcher(source, text))
}
