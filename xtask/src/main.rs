//! Project automation, in Rust so that nobody needs bash or make.
//!
//! ```text
//! cargo xtask dist            build dist/ (wasm release, wasm-bindgen, wasm-opt) and print sizes
//! cargo xtask demo [--port N] build dist/ and serve the demo on http://127.0.0.1:8080
//! cargo xtask test            everything CI checks: fmt, clippy, native tests (with a real
//!                             PostgreSQL), dist, browser tests; `test server`: the receiver's only
//! cargo xtask bench [--runs N] size and speed next to SurveyJS and Form.io: target/bench/report.md
//! cargo xtask wasm-size DIR   the citizen's wasm of another checkout, built as dist builds it
//! ```
//! On a fresh machine each command first installs what it needs (see `tools.rs`).

mod bench;
mod budget;
mod catalogs;
mod cmd;
mod demo;
mod dist;
mod hashed;
mod minify;
mod postgres;
mod precompress;
mod sizes;
mod test;
mod tools;
mod wasm_size;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// A failure with a message for the person at the terminal.
type Result<T = ()> = std::result::Result<T, String>;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("dist") => dist::dist().map(|_| ()),
        Some("demo") => demo::demo(&args[1..]),
        Some("test") => test::test(&args[1..]),
        Some("bench") => bench::bench(&args[1..]),
        Some("wasm-size") => wasm_size::wasm_size(&args[1..]),
        _ => {
            Err("usage: cargo xtask <dist | demo [--port N] | test | bench [--runs N] | wasm-size CHECKOUT>"
                .into())
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: {message}");
            ExitCode::FAILURE
        }
    }
}

/// The workspace root.
fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().map(Path::to_path_buf).unwrap_or_default()
}
