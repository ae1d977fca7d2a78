//! `cargo xtask dist`: the files a town puts on its web server.

use crate::cmd::{command, run};
use crate::{Result, root, sizes, tools};

/// The files of dist/ that a page with a form downloads.
pub(crate) const PAGE_FILES: &[&str] = &["formlotse.js", "formlotse_web.js", "formlotse_web_bg.wasm"];

/// Builds dist/ and prints the sizes. Returns the dist directory.
pub(crate) fn dist() -> Result<Built> {
    let root = root();
    let dist = root.join("dist");
    tools::ensure_wasm_target(&root)?;
    let wasm_bindgen = tools::ensure_wasm_bindgen(&root)?;
    let wasm_opt = tools::wasm_opt(&root)?;

    run(command(
        "cargo",
        &["build", "--release", "--package", "formlotse-web", "--target", "wasm32-unknown-unknown"],
        &root,
    ))?;
    if dist.exists() {
        std::fs::remove_dir_all(&dist).map_err(|e| format!("cannot clear {}: {e}", dist.display()))?;
    }
    std::fs::create_dir_all(&dist).map_err(|e| format!("cannot create {}: {e}", dist.display()))?;

    let built = root.join("target/wasm32-unknown-unknown/release/formlotse_web.wasm");
    let mut bindgen = command(
        &wasm_bindgen.to_string_lossy(),
        &["--target", "web", "--no-typescript", "--out-name", "formlotse_web", "--out-dir"],
        &root,
    );
    bindgen.arg(&dist).arg(&built);
    run(bindgen)?;

    let wasm = dist.join("formlotse_web_bg.wasm");
    let mut opt =
        command(&wasm_opt.to_string_lossy(), &["-Oz", "--strip-debug", "--strip-producers", "-o"], &root);
    opt.arg(&wasm).arg(&wasm);
    run(opt)?;

    // The format's JSON Schema, from the tables the loader reads, for editors.
    let schema =
        serde_json::to_string_pretty(&formlotse_core::schema::json_schema()).map_err(|e| e.to_string())?;
    std::fs::write(dist.join("formlotse.schema.json"), schema + "\n")
        .map_err(|e| format!("cannot write the schema: {e}"))?;
    let payload_schema =
        serde_json::to_string_pretty(&formlotse_core::payload::json_schema()).map_err(|e| e.to_string())?;
    std::fs::write(dist.join("formlotse.payload.schema.json"), payload_schema + "\n")
        .map_err(|e| format!("cannot write the payload schema: {e}"))?;

    let loader = root.join("runtime/web/js/formlotse.js");
    std::fs::copy(&loader, dist.join("formlotse.js"))
        .map_err(|e| format!("cannot copy {}: {e}", loader.display()))?;

    let sizes = sizes::print(&dist, PAGE_FILES)?;
    Ok(Built { sizes })
}

/// What `dist` built: the sizes of the page files (the total line it printed).
pub(crate) struct Built {
    pub(crate) sizes: sizes::Sizes,
}
