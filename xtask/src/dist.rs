//! `cargo xtask dist`: the files a town puts on its web server.

use crate::cmd::{command, run};
use crate::{Result, catalogs, hashed, minify, precompress, root, sizes, tools};
use std::path::Path;

/// The loader: the one page file with a fixed name, linked by the page.
pub(crate) const LOADER: &str = "formlotse.js";

/// The runtime files a page with a form downloads through the loader, as wasm-bindgen writes
/// them; dist/ holds them under content-hashed names (`hashed.rs`) that the loader knows.
pub(crate) const RUNTIME_FILES: &[&str] = &["formlotse_web.js", "formlotse_web_bg.wasm"];

/// Where the documented head lines of this release are written (docs/embedding.md).
const PRELOAD: &str = "formlotse.preload.html";

/// The files `Formlotse.check` loads on its first call; a citizen's page never does.
const CHECK_FILES: &[&str] = &["formlotse_check.js", "formlotse_check_bg.wasm"];

/// Builds dist/ and prints the sizes. Returns the dist directory.
pub(crate) fn dist() -> Result<Built> {
    let root = root();
    let dist = root.join("dist");
    tools::ensure_wasm_toolchain(&root)?;
    let wasm_bindgen = tools::ensure_wasm_bindgen(&root)?;
    let wasm_opt = tools::wasm_opt(&root)?;

    if dist.exists() {
        std::fs::remove_dir_all(&dist).map_err(|e| format!("cannot clear {}: {e}", dist.display()))?;
    }
    std::fs::create_dir_all(&dist).map_err(|e| format!("cannot create {}: {e}", dist.display()))?;
    let tools = Tools { root: &root, dist: &dist, wasm_bindgen: &wasm_bindgen, wasm_opt: &wasm_opt };
    // Two wasm files, each built on its own so that the citizen's does not get the authors'
    // feature of formlotse-core through Cargo's feature unification.
    tools.wasm("formlotse-web", "formlotse_web")?;
    tools.wasm("formlotse-check", "formlotse_check")?;

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
    let check_renamed = CHECK_FILES
        .iter()
        .map(|file| Ok((file.to_string(), hashed::rename(&dist, file)?)))
        .collect::<Result<Vec<_>>>()?;
    let all: Vec<(String, String)> = renamed.iter().chain(&check_renamed).cloned().collect();
    let source = root.join("runtime/web/js").join(LOADER);
    let loader =
        std::fs::read_to_string(&source).map_err(|e| format!("cannot read {}: {e}", source.display()))?;
    std::fs::write(dist.join(LOADER), hashed::loader(&loader, &all)?)
        .map_err(|e| format!("cannot write {LOADER}: {e}"))?;
    minify::javascript(&root, &dist.join(LOADER), false)?;
    std::fs::write(dist.join(PRELOAD), preload_lines(&renamed))
        .map_err(|e| format!("cannot write {PRELOAD}: {e}"))?;

    let page_files: Vec<String> =
        std::iter::once(LOADER.to_owned()).chain(renamed.into_iter().map(|(_, hashed)| hashed)).collect();
    let sizes = sizes::print(&dist, &page_files)?;
    println!("\nloaded only by Formlotse.check (authors' tools, the playground):");
    let check_files: Vec<String> = check_renamed.into_iter().map(|(_, hashed)| hashed).collect();
    sizes::print(&dist, &check_files)?;
    catalogs::copy(&root, &dist)?;

    // Not the catalogs: a town edits and adds them in place (docs/languages.md), and a stale
    // compressed copy beside an edited catalog would be sent instead of it.
    let shipped = precompress::write(&dist, &page_files)?;
    precompress::write(&dist, &check_files)?;
    println!(
        "\nprecompressed copies for the web server (.gz by zopfli, .br): the page files are {} bytes \
         as .gz, {} as .br",
        shipped.gzip, shipped.brotli
    );
    Ok(Built { sizes })
}

/// What building a wasm file needs: the checkout to build (`root`), where the files go, and
/// this checkout's wasm-bindgen and wasm-opt.
pub(crate) struct Tools<'a> {
    pub(crate) root: &'a Path,
    pub(crate) dist: &'a Path,
    pub(crate) wasm_bindgen: &'a Path,
    pub(crate) wasm_opt: &'a Path,
}

impl Tools<'_> {
    /// Builds `package` for the browser into dist/`name`.js and dist/`name`_bg.wasm, then
    /// shortens the names between them and minifies the glue.
    fn wasm(&self, package: &str, name: &str) -> Result {
        let wasm = self.optimized(package, name)?;
        // Short names between wasm and glue, then the glue minified (CHANGELOG.md: −3.4 KB
        // wasm, −4.7 KB glue gzip).
        let glue = self.dist.join(format!("{name}.js"));
        minify::rename_names(self.wasm_opt, &wasm, &glue, self.root)?;
        minify::javascript(self.root, &glue, true)
    }

    /// The release build with the wasm's own standard library (`STD_BUILD`), bindings, then
    /// wasm-opt: dist/`name`.js and dist/`name`_bg.wasm, whose path it returns.
    pub(crate) fn optimized(&self, package: &str, name: &str) -> Result<std::path::PathBuf> {
        let mut build = command(
            "cargo",
            &["build", "--release", "--package", package, "--target", "wasm32-unknown-unknown"],
            self.root,
        );
        build.args(STD_BUILD.cargo_args);
        build.env("CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS", wasm_rustflags(self.root));
        // The flags below are unstable; the one toolchain of these machines is a stable one, and
        // this tells it to accept them for this build only (see ARCHITECTURE.md, "The wasm's
        // standard library").
        build.env("RUSTC_BOOTSTRAP", "1");
        run(build)?;
        let built = self.root.join(format!("target/wasm32-unknown-unknown/release/{name}.wasm"));
        let mut bindgen = command(
            &self.wasm_bindgen.to_string_lossy(),
            &["--target", "web", "--no-typescript", "--out-name", name, "--out-dir"],
            self.root,
        );
        bindgen.arg(self.dist).arg(&built);
        run(bindgen)?;

        let wasm = self.dist.join(format!("{name}_bg.wasm"));
        let mut opt = command(&self.wasm_opt.to_string_lossy(), WASM_OPT_FLAGS, self.root);
        opt.arg("-o").arg(&wasm).arg(&wasm);
        run(opt)?;
        Ok(wasm)
    }
}

/// How wasm-opt shrinks each wasm, measured on the citizen's wasm (gzip -9, see CHANGELOG.md):
/// `-Os` gzips smaller than `-Oz` although its output is larger; `--converge` repeats the passes
/// until nothing shrinks; `--low-memory-unused` folds constant offsets into loads and stores,
/// true for Rust's wasm, whose stack (growing down towards 0) comes first in memory.
/// `--one-caller-inline-max-function-size=15`: wasm-opt inlines a function with one caller
/// whatever its size unless told otherwise; copied into their callers, the bodies are 3 % fewer
/// bytes but no longer repeat each other, so gzip does worse: with the limit the citizen's wasm
/// gzips 5.6 % smaller (−11.7 KB; 15 measured best among 0, 1, 5, 10, 15, 20, 30, 50, 100,
/// 1000; it costs the large form's step change about a tenth, CHANGELOG.md).
const WASM_OPT_FLAGS: &[&str] = &[
    "-Os",
    "--one-caller-inline-max-function-size=15",
    "--converge",
    "--low-memory-unused",
    "--strip-debug",
    "--strip-producers",
];

/// How the citizen's and the authors' wasm are built, measured on the citizen's wasm (gzip -9 after
/// wasm-opt, CHANGELOG.md): the standard library is compiled with the program (`build-std`)
/// instead of taken prebuilt, so that
/// - a panic is a trap at once (`immediate-abort`): std's panic handler, the message formatting
///   and the panic locations leave (−12.3 KB). Core does not panic on any input; a panic in the
///   host is a bug either way, and a trap stops the wasm as the abort did;
/// - std's `optimize_for_size` picks its small variants (sorting, formatting): −4.4 KB;
/// - `Debug` formatting prints nothing (`fmt-debug=none`): no `{:?}` is shown to anyone in
///   the browser, and the derived `Debug` code leaves: −3.3 KB;
/// - `#[track_caller]` locations (wasm-bindgen's `unwrap_throw`, `RefCell`) carry no file names
///   (`location-detail=none`): −1.0 KB.
struct StdBuild {
    cargo_args: &'static [&'static str],
    rustflags: &'static str,
}

const STD_BUILD: StdBuild = StdBuild {
    cargo_args: &["-Zbuild-std=std,panic_abort", "-Zbuild-std-features=optimize_for_size"],
    rustflags: "-Zunstable-options -Cpanic=immediate-abort -Zfmt-debug=none -Zlocation-detail=none",
};

/// The wasm target's rustflags: `STD_BUILD`'s and the path remapping.
fn wasm_rustflags(root: &Path) -> String {
    format!("{} {}", STD_BUILD.rustflags, remap_flags(root))
}

/// `--remap-path-prefix` for the workspace, Cargo's registry sources and the toolchain's
/// library. `STD_BUILD` already leaves no source path in the wasm; this keeps a dependency's
/// `file!()` from downloading the build machine's paths.
fn remap_flags(root: &Path) -> String {
    let mut prefixes = vec![format!("{}/=", root.display())];
    let cargo_home = std::env::var("CARGO_HOME")
        .map(std::path::PathBuf::from)
        .or_else(|_| std::env::var("HOME").map(|home| Path::new(&home).join(".cargo")));
    if let Ok(home) = cargo_home {
        prefixes.push(format!("{}/registry/src/=", home.display()));
    }
    if let Some(sysroot) = crate::cmd::output(command("rustc", &["--print", "sysroot"], root)) {
        prefixes.push(format!("{}/=", sysroot.trim()));
    }
    prefixes.iter().map(|p| format!("--remap-path-prefix={p}")).collect::<Vec<_>>().join(" ")
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
