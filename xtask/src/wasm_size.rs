//! `cargo xtask wasm-size CHECKOUT`: the citizen's wasm of another checkout (an older commit, a
//! patched tree) built as `dist` builds it today, with this checkout's flags and tools, printed
//! as gzip -9 bytes. It measures what a change costs where no two commits isolate it
//! (bench/size/README.md). The import names are not shortened as `dist` shortens them.

use crate::dist::Tools;
use crate::{Result, root, sizes, tools};
use std::path::Path;

/// Builds the checkout at `args[0]` and prints its wasm's gzip size.
pub(crate) fn wasm_size(args: &[String]) -> Result {
    let tree = args.first().ok_or("usage: cargo xtask wasm-size CHECKOUT")?;
    let tree = std::fs::canonicalize(Path::new(tree)).map_err(|e| format!("cannot find {tree}: {e}"))?;
    let root = root();
    tools::ensure_wasm_toolchain(&root)?;
    let wasm_bindgen = tools::ensure_wasm_bindgen(&root)?;
    let wasm_opt = tools::wasm_opt(&root)?;
    let out = tree.join("target/wasm-size");
    std::fs::create_dir_all(&out).map_err(|e| format!("cannot create {}: {e}", out.display()))?;
    let tools = Tools { root: &tree, dist: &out, wasm_bindgen: &wasm_bindgen, wasm_opt: &wasm_opt };
    let wasm = tools.optimized("formlotse-web", "formlotse_web")?;
    let bytes = std::fs::read(&wasm).map_err(|e| format!("cannot read {}: {e}", wasm.display()))?;
    println!("{}: the citizen's wasm, gzip -9: {} B", tree.display(), sizes::measure(&bytes)?.gzip);
    Ok(())
}
