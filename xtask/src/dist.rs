//! `cargo xtask dist`: the files a town puts on its web server.

use crate::cmd::{command, run};
use crate::{Result, hashed, root, sizes, tools};

/// The loader: the one page file with a fixed name, linked by the page.
pub(crate) const LOADER: &str = "formlotse.js";

/// The runtime files a page with a form downloads through the loader, as wasm-bindgen writes
/// them; dist/ holds them under content-hashed names (`hashed.rs`) that the loader knows.
pub(crate) const RUNTIME_FILES: &[&str] = &["formlotse_web.js", "formlotse_web_bg.wasm"];

/// Where the documented head lines of this release are written (docs/embedding.md).
const PRELOAD: &str = "formlotse.preload.html";

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

    let renamed = RUNTIME_FILES
        .iter()
        .map(|file| Ok((file.to_string(), hashed::rename(&dist, file)?)))
        .collect::<Result<Vec<_>>>()?;
    let source = root.join("runtime/web/js").join(LOADER);
    let loader =
        std::fs::read_to_string(&source).map_err(|e| format!("cannot read {}: {e}", source.display()))?;
    std::fs::write(dist.join(LOADER), hashed::loader(&loader, &renamed)?)
        .map_err(|e| format!("cannot write {LOADER}: {e}"))?;
    std::fs::write(dist.join(PRELOAD), preload_lines(&renamed))
        .map_err(|e| format!("cannot write {PRELOAD}: {e}"))?;

    let page_files: Vec<String> =
        std::iter::once(LOADER.to_owned()).chain(renamed.into_iter().map(|(_, hashed)| hashed)).collect();
    let sizes = sizes::print(&dist, &page_files)?;
    Ok(Built { sizes })
}

/// The optional `<head>` lines that start the runtime's downloads before the loader runs, for
/// dist/ served under `/formlotse/`; the names change with every release.
fn preload_lines(renamed: &[(String, String)]) -> String {
    let mut out = String::from(
        "<!-- Formlotse: optional lines for the page head, for dist/ under /formlotse/ (docs/embedding.md).\n     \
         The file names change with every release: update these lines with the files. -->\n",
    );
    for (_, file) in renamed {
        if file.ends_with(".js") {
            out.push_str(&format!("<link rel=\"modulepreload\" href=\"/formlotse/{file}\">\n"));
        } else {
            out.push_str(&format!(
                "<link rel=\"preload\" href=\"/formlotse/{file}\" as=\"fetch\" crossorigin>\n"
            ));
        }
    }
    out
}

/// What `dist` built: the sizes of the page files (the total line it printed).
pub(crate) struct Built {
    pub(crate) sizes: sizes::Sizes,
}
